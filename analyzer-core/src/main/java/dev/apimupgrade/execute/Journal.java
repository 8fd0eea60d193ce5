package dev.apimupgrade.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The run's append-only journal (journal.jsonl): one JSON record a line, each forced to disk before the call returns,
 * so after a crash or a kill the journal says which steps completed and which paths were saved before their change.
 * A line cut short by a kill is ignored when reading. Each record carries a MAC chained to the one before it, under
 * the run folder's key (run.key), and journal.head keeps the count and last MAC, so a record edited, added, removed or
 * cut off the end is bad input when the journal is opened (JournalChain).
 */
public final class Journal {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<JournalListener> LISTENERS = ServiceLoader.load(JournalListener.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    private final Path file;
    private final RunDirectory run;
    private final List<JournalRecord> records;
    private final int readAtOpen;
    /** Null until the first record is written: a journal read empty has no key yet. */
    private @Nullable MacKey key;

    private @Nullable String lastMac;
    /** The home paths with a backup record: looked up once per file a step changes, so kept as a set. */
    private final java.util.Set<String> savedPaths = new java.util.HashSet<>();
    /**
     * Each step's completion as its outcome records so far decide it ({@link #completed}): asked twice for every step
     * of a run, it was a scan of the whole journal each time, and a tree of 100,000 files journals 100,000 backup
     * records (issue 19).
     */
    private final java.util.Map<String, Boolean> completedSteps = new java.util.HashMap<>();

    private Journal(Path file, JournalChain.Read read) {
        this.file = file;
        this.run = new RunDirectory(AtomicFiles.parentOf(file));
        this.records = new ArrayList<>();
        read.records().forEach(this::add);
        this.readAtOpen = records.size();
        this.key = read.key();
        this.lastMac = read.lastMac();
    }

    /**
     * Opens (or starts) the journal of a run directory and reads back what earlier runs recorded, after checking every
     * record's MAC and every path it names; a journal it cannot trust is bad input naming the file, line and what.
     */
    public static Journal open(Path file) throws IOException, InputException {
        return new Journal(file, JournalChain.read(file, new RunDirectory(AtomicFiles.parentOf(file))));
    }

    public synchronized void append(JournalRecord record) {
        appendAll(List.of(record));
    }

    /**
     * Appends several records with one force to disk at the end: what a step journals before it writes many files
     * at once (the backup records of a batch of new files) costs one flush, not one each. Nothing the records
     * describe may be changed before this returns.
     */
    public synchronized void appendAll(List<? extends JournalRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            MacKey mac = key();
            try (FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                // a record cut short by a kill earlier is closed off first, so this one starts on its own line
                String prefix = ch.size() > 0 && lastByte(ch) != '\n' ? "\n" : "";
                ch.position(ch.size());
                for (JournalRecord record : batch) {
                    for (JournalListener listener : LISTENERS) {
                        listener.beforeAppend(file, records.size() - readAtOpen, record);
                    }
                    String canonical = JSON.writeValueAsString(record);
                    lastMac = JournalChain.mac(mac, lastMac, canonical);
                    ByteBuffer buf = ByteBuffer.wrap(
                            (prefix + JournalChain.line(canonical, lastMac) + "\n").getBytes(StandardCharsets.UTF_8));
                    prefix = "";
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    add(record);
                }
                ch.force(true);
            }
            JournalChain.writeHead(run, mac, records.size(), lastMac);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    /** The run folder's key, created with the first record (it also signs the run's copy of the plan). */
    synchronized MacKey key() throws IOException {
        if (key == null) {
            key = MacKey.create(run.key());
            JournalChain.writeHead(run, key, 0, lastMac);
        }
        return key;
    }

    private void add(JournalRecord record) {
        records.add(record);
        if (record instanceof JournalRecord.Backup b) {
            savedPaths.add(b.path());
        }
        if (record instanceof JournalRecord.Outcome o) {
            // the same fold as over the whole journal: a completing outcome completes, a superseded one undoes it,
            // any other keeps what the step's earlier outcomes decided
            boolean before = completedSteps.getOrDefault(o.step(), false);
            completedSteps.put(o.step(), o.completes() || (before && o.status() != JournalRecord.Status.SUPERSEDED));
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

    /**
     * Whether an earlier (or this) run recorded the step as completed, and no plan adopted since changed what the
     * step does (a {@code superseded} outcome: the step runs again as the new plan says).
     */
    public synchronized boolean completed(String stepId) {
        return completedSteps.getOrDefault(stepId, false);
    }

    /** Whether a home path was already saved by this run: its first record is the state before the run. */
    public synchronized boolean saved(String path) {
        return savedPaths.contains(path);
    }

    public Path file() {
        return file;
    }

    static String canonical(JournalRecord record) throws JsonProcessingException {
        return JSON.writeValueAsString(record);
    }

    static ObjectMapper json() {
        return JSON;
    }
}
