package dev.apimupgrade.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.InputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The run's append-only journal (journal.jsonl): one JSON record a line, each forced to disk before the call returns,
 * so after a crash or a kill the journal says which steps completed and which paths were saved before their change.
 * A last line cut short by the kill is ignored when reading.
 */
public final class Journal {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<JournalListener> LISTENERS = ServiceLoader.load(JournalListener.class).stream()
            .map(ServiceLoader.Provider::get).toList();
    private final Path file;
    private final List<JournalRecord> records;
    private final int readAtOpen;
    /** The home paths with a backup record: looked up once per file a step changes, so kept as a set. */
    private final java.util.Set<String> savedPaths = new java.util.HashSet<>();

    private Journal(Path file, List<JournalRecord> read) {
        this.file = file;
        this.records = new ArrayList<>();
        read.forEach(this::add);
        this.readAtOpen = records.size();
    }

    /**
     * Opens (or starts) the journal of a run directory and reads back what earlier runs recorded. A journal that is
     * too large, not UTF-8 or holds a line that is no record is bad input naming the file and line.
     */
    public static Journal open(Path file) throws IOException, InputException {
        List<JournalRecord> read = new ArrayList<>();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = InputFile.bytes(file, file.toString(), InputFile.JOURNAL);
            int end = lastNewline(bytes) + 1;
            List<String> lines = new ArrayList<>(InputFile.utf8(Arrays.copyOf(bytes, end), file.toString()).lines()
                    .toList());
            try {
                lines.add(InputFile.utf8(Arrays.copyOfRange(bytes, end, bytes.length), file.toString()));
            } catch (InputException cutMidCharacter) {
                // a kill can cut the last record inside a multi-byte character: it is a cut record, ignored
            }
            for (int i = 0; i < lines.size(); i++) {
                parse(file, i + 1, lines.get(i)).ifPresent(read::add);
            }
        }
        return new Journal(file, read);
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A line may be cut short (by a kill while writing it); any other bad line means a damaged journal. */
    private static java.util.Optional<JournalRecord> parse(Path file, int number, String line) throws InputException {
        if (line.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            JournalRecord record = JSON.readValue(line, JournalRecord.class);
            String missing = record == null ? "it is null" : record.type() == null ? "it has no type"
                    : record.type().equals("backup") && (record.path() == null || record.existed() == null
                    || record.directory() == null) ? "a backup record lacks its path, existed or directory" : "";
            if (!missing.isEmpty()) {
                throw new InputException(file.toString(), number, "the journal is damaged (a line is not a journal"
                        + " record: " + missing + ")");
            }
            return java.util.Optional.of(record);
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                return java.util.Optional.empty();
            }
            String why = String.valueOf(e.getOriginalMessage());
            int nl = why.indexOf('\n');
            throw new InputException(file.toString(), number, "the journal is damaged (a line is not a journal record): "
                    + (nl > 0 ? why.substring(0, nl) : why));
        }
    }

    public synchronized void append(JournalRecord record) {
        appendAll(List.of(record));
    }

    /**
     * Appends several records with one force to disk at the end: what a step journals before it writes many files
     * at once (the backup records of a batch of new files) costs one flush, not one each. Nothing the records
     * describe may be changed before this returns.
     */
    public synchronized void appendAll(List<JournalRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            // a record cut short by a kill earlier is closed off first, so this one starts on its own line
            String prefix = ch.size() > 0 && lastByte(ch) != '\n' ? "\n" : "";
            ch.position(ch.size());
            for (JournalRecord record : batch) {
                for (JournalListener listener : LISTENERS) {
                    listener.beforeAppend(file, records.size() - readAtOpen, record);
                }
                ByteBuffer buf = ByteBuffer.wrap((prefix + JSON.writeValueAsString(record) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                prefix = "";
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                add(record);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    private void add(JournalRecord record) {
        records.add(record);
        if (record.type().equals("backup")) {
            savedPaths.add(record.path());
        }
    }

    private static byte lastByte(FileChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, ch.size() - 1);
        return one.get(0);
    }

    public synchronized List<JournalRecord> records() {
        return List.copyOf(records);
    }

    /** Whether an earlier (or this) run recorded the step as completed. */
    public synchronized boolean completed(String stepId) {
        return records.stream().anyMatch(r -> stepId.equals(r.step()) && r.completes());
    }

    /** Whether a home path was already saved by this run: its first record is the state before the run. */
    public synchronized boolean saved(String path) {
        return savedPaths.contains(path);
    }

    public Path file() {
        return file;
    }
}
