package dev.apimupgrade.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.execute.JournalRecord.Export;
import dev.apimupgrade.execute.JournalRecord.Intent;
import dev.apimupgrade.execute.JournalRecord.Note;
import dev.apimupgrade.execute.JournalRecord.Outcome;
import dev.apimupgrade.execute.JournalRecord.Pause;
import dev.apimupgrade.execute.JournalRecord.Snapshot;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.scan.FormatVersion;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks journal.jsonl against its MAC chain (docs/adr/0014-plans-and-journals-carry-a-mac.md): each
 * record's {@code mac} is the HMAC-SHA256, under run.key, of the previous record's MAC and the record's canonical JSON,
 * so editing, inserting, removing or reordering a record breaks the chain at that line; journal.head (count and last
 * MAC, with a MAC of its own) shows records cut off the end. Every path a record names must lie where its kind of
 * record says (a home path, or a file under the run folder's exports/).
 */
final class JournalChain {
    private static final String START = "journal.jsonl";
    private static final long MAX_BYTES = 1024L * 1024 * 1024;

    /** What was read: the records, the key (null for a journal not started yet) and the last MAC of the chain. */
    record Read(
            List<JournalRecord> records,
            @Nullable MacKey key,
            @Nullable String lastMac) {}

    private record Line(int number, ObjectNode node) {}

    private JournalChain() {}

    static String mac(MacKey key, @Nullable String previous, String canonical) {
        return key.mac(input(previous, canonical));
    }

    private static String input(@Nullable String previous, String canonical) {
        return (previous == null ? START : previous) + "\n" + canonical;
    }

    /** The line as written: the record's canonical JSON with its MAC as the last field. */
    static String line(String canonical, String mac) {
        return canonical.substring(0, canonical.length() - 1) + ",\"mac\":\"" + mac + "\"}";
    }

    static void writeHead(RunDirectory run, MacKey key, int count, @Nullable String lastMac) throws IOException {
        String last = lastMac == null ? "-" : lastMac;
        String text = "records=" + count + "\nlast=" + last + "\nmac=" + key.mac(headText(count, last)) + "\n";
        AtomicFiles.write(run.journalHead(), text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String headText(int count, String last) {
        return "journal.head " + count + " " + last;
    }

    static Read read(Path file, RunDirectory run) throws IOException, InputException {
        List<Line> lines = lines(file);
        if (lines.isEmpty()
                && !Files.exists(run.runJson())
                && Files.isRegularFile(run.key(), LinkOption.NOFOLLOW_LINKS)
                && Files.size(run.key()) == 0) {
            // killed between creating the key file and writing it: nothing was ever protected with it
            Files.delete(run.key());
        }
        if (!Files.exists(run.key(), LinkOption.NOFOLLOW_LINKS)) {
            if (!lines.isEmpty() || Files.exists(run.runJson())) {
                throw new InputException(
                        file.toString(),
                        "cannot be trusted: its run folder has no "
                                + run.key().getFileName()
                                + ", so its records carry no MAC (a run folder of an older version"
                                + " of apim-upgrade, or its key was removed). Finish or roll back this run with the version"
                                + " that started it; this version neither resumes nor rolls back from it");
            }
            return new Read(List.of(), null, null);
        }
        MacKey key = MacKey.read(run.key(), file.toString());
        List<JournalRecord> records = new ArrayList<>();
        List<String> macs = new ArrayList<>();
        String previous = null;
        for (Line line : lines) {
            JsonNode mac = line.node().remove("mac");
            JournalRecord record = record(file, line);
            String canonical;
            try {
                canonical = Journal.canonical(record);
            } catch (JsonProcessingException e) {
                throw new InputException(file.toString(), line.number(), "is not a journal record");
            }
            if (mac == null || !key.verifies(input(previous, canonical), mac.asText())) {
                throw new InputException(
                        file.toString(),
                        line.number(),
                        "was changed after apim-upgrade wrote it:"
                                + " this " + record.type().label() + " record"
                                + (record instanceof JournalRecord.OfStep s ? " of " + s.step() : "")
                                + " does not match its MAC (it was edited, or a record before it was added or removed)");
            }
            requirePlace(file, line.number(), record);
            records.add(record);
            macs.add(mac.asText());
            previous = mac.asText();
        }
        requireHead(file, run, key, macs);
        return new Read(records, key, previous);
    }

    /** Records cut off the end leave the head counting more than the journal holds. */
    private static void requireHead(Path file, RunDirectory run, MacKey key, List<String> macs)
            throws IOException, InputException {
        Path head = run.journalHead();
        if (!Files.isRegularFile(head, LinkOption.NOFOLLOW_LINKS)) {
            if (macs.isEmpty()) {
                return;
            }
            throw new InputException(
                    file.toString(),
                    "cannot be trusted: " + head.getFileName() + " (how many" + " records were written) is missing");
        }
        java.util.Map<String, String> fields = RunLock.parse(Files.readString(head, StandardCharsets.US_ASCII));
        String count = fields.getOrDefault("records", "");
        String last = fields.getOrDefault("last", "");
        if (!count.matches("[0-9]{1,9}")
                || !key.verifies(headText(Integer.parseInt(count), last), fields.getOrDefault("mac", ""))) {
            throw new InputException(
                    head.toString(),
                    "was changed after apim-upgrade wrote it (its MAC does not" + " match); " + file.getFileName()
                            + " cannot be trusted");
        }
        int n = Integer.parseInt(count);
        if (n > macs.size()) {
            throw new InputException(
                    file.toString(),
                    "holds " + macs.size() + " record(s), but " + n + " were" + " written (" + head.getFileName()
                            + "): records were cut off its end");
        }
        if (n > 0 && !macs.get(n - 1).equals(last)) {
            throw new InputException(
                    file.toString(),
                    n + "th record is not the one " + head.getFileName()
                            + " says was written last: the journal was replaced or rewritten");
        }
    }

    private static JournalRecord record(Path file, Line line) throws InputException {
        JsonNode word = line.node().remove("type");
        if (word == null || !word.isTextual() || !line.node().hasNonNull("time")) {
            throw new InputException(file.toString(), line.number(), "is not a journal record (no type or time)");
        }
        JournalRecord.Type type = JournalRecord.Type.of(word.asText())
                .orElseThrow(() -> new InputException(
                        file.toString(),
                        line.number(),
                        "is not a journal record: its type '" + word.asText() + "' is none this version knows"));
        try {
            JournalRecord r = Journal.json().treeToValue(line.node(), type.record());
            if (r.formatVersion() != null && r.formatVersion() > FormatVersion.CURRENT) {
                throw new InputException(
                        file.toString(),
                        line.number(),
                        "was written in format " + r.formatVersion()
                                + " by a newer version of apim-upgrade; this version reads format "
                                + FormatVersion.CURRENT
                                + " and older: use the newer version");
            }
            return r;
        } catch (ValueInstantiationException e) {
            // the record's own check refused the fields together: say it in its words, not in Jackson's
            Throwable refusal = e.getCause();
            throw new InputException(
                    file.toString(),
                    line.number(),
                    "is not a journal record: " + (refusal != null ? refusal.getMessage() : e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InputException(
                    file.toString(),
                    line.number(),
                    "is not a journal record: "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** Where each kind of record's path must lie: a home (backup, snapshot, pause), the run's exports/ (export). */
    private static void requirePlace(Path file, int number, JournalRecord r) throws InputException {
        Optional<String> refused = r.accept(MISPLACED);
        if (refused.isPresent()) {
            throw new InputException(file.toString(), number, "the " + r.type().label() + " record's " + refused.get());
        }
    }

    /** Why a record's path is refused, for each kind of record (a new kind must say where its path may lie). */
    private static final JournalRecord.Visitor<Optional<String>> MISPLACED = new JournalRecord.Visitor<>() {
        @Override
        public Optional<String> intent(Intent r) {
            return Optional.empty();
        }

        @Override
        public Optional<String> outcome(Outcome r) {
            return Optional.empty();
        }

        @Override
        public Optional<String> backup(JournalRecord.Backup r) {
            return outsideTheHomes(r.path());
        }

        @Override
        public Optional<String> snapshot(Snapshot r) {
            return outsideTheHomes(r.path());
        }

        @Override
        public Optional<String> export(Export r) {
            return (r.path().startsWith("exports/")
                            ? Homes.problem(r.path())
                            : Optional.of("it is not a file under the run folder's exports/"))
                    .map(problem -> refused(r.path(), problem));
        }

        @Override
        public Optional<String> pause(Pause r) {
            return outsideTheHomes(r.path());
        }

        @Override
        public Optional<String> note(Note r) {
            return Optional.empty();
        }
    };

    private static Optional<String> outsideTheHomes(String path) {
        return (Homes.isHomeName(path)
                        ? Homes.problem(Homes.relativeOf(path))
                        : Optional.of("it names no file of the OLD or NEW home"))
                .map(problem -> refused(path, problem));
    }

    private static String refused(String path, String problem) {
        return "path '" + path + "' is refused: " + problem;
    }

    /** The complete lines as JSON objects; a line cut short by a kill is skipped, anything else unreadable refused. */
    private static List<Line> lines(Path file) throws IOException, InputException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(
                    file.toString(), "is not a plain file (a link or a folder): not a journal" + " apim-upgrade wrote");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new InputException(file.toString(), "is larger than 1 GB: not a journal apim-upgrade wrote");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file.toString(), "is not UTF-8 text: not a journal apim-upgrade wrote");
        }
        List<Line> out = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            if (split[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = Journal.json().readTree(split[i]);
                if (!(node instanceof ObjectNode object)) {
                    throw new InputException(file.toString(), i + 1, "is damaged: this line is not a journal record");
                }
                out.add(new Line(i + 1, object));
            } catch (JsonProcessingException e) {
                if (!String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                    throw new InputException(
                            file.toString(),
                            i + 1,
                            "is damaged: this line is not a journal record" + " (" + e.getOriginalMessage() + ")");
                }
            }
        }
        return out;
    }
}
