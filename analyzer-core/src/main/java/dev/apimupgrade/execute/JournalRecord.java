package dev.apimupgrade.execute;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.apimupgrade.scan.FormatVersion;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of journal.jsonl. {@code intent} is written before a step acts and {@code outcome} after it (status done,
 * already-done, confirmed or failed); {@code backup} names a path of a home as it was before its first change (and
 * whether it existed, with its hash); {@code snapshot} keeps a database file's state just before a script step; {@code export} names
 * a file of exported rows or table definitions taken just before a PostgreSQL script;
 * {@code pause} keeps the new home's log size when the run stopped at a manual step (its check scans the log from
 * there); {@code note} records run-level events (start, lock broken, stop, database-backup, check-failed,
 * plan-adopted). {@code formatVersion} is absent from the records of a journal started before it existed (format 1):
 * a record is checked against its MAC as it was written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "formatVersion",
    "time",
    "type",
    "step",
    "status",
    "path",
    "existed",
    "directory",
    "sha256",
    "detail"
})
public record JournalRecord(
        @Nullable Integer formatVersion,
        String time,
        Type type,
        @Nullable String step,
        @Nullable String status,
        @Nullable String path,
        @Nullable Boolean existed,
        @Nullable Boolean directory,
        @Nullable String sha256,
        @Nullable String detail) {
    /** What a record says; written as its lower-case label, the journal's words since format 1. */
    public enum Type {
        INTENT,
        OUTCOME,
        BACKUP,
        SNAPSHOT,
        EXPORT,
        PAUSE,
        NOTE;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String DONE = "done";
    public static final String ALREADY_DONE = "already-done";
    public static final String CONFIRMED = "confirmed";
    public static final String FAILED = "failed";
    /** A completed step whose id a newly adopted plan holds with other parameters: it is done again. */
    public static final String SUPERSEDED = "superseded";

    public static JournalRecord intent(String step, @Nullable String detail) {
        return new JournalRecord(FormatVersion.CURRENT, now(), Type.INTENT, step, null, null, null, null, null, detail);
    }

    public static JournalRecord outcome(String step, String status, @Nullable String detail) {
        return new JournalRecord(
                FormatVersion.CURRENT, now(), Type.OUTCOME, step, status, null, null, null, null, detail);
    }

    public static JournalRecord backup(
            String step, String path, boolean existed, boolean directory, @Nullable String sha256) {
        return new JournalRecord(
                FormatVersion.CURRENT, now(), Type.BACKUP, step, null, path, existed, directory, sha256, null);
    }

    /** A database file as it was just before a script step ran on it, kept to redo a half-done step from. */
    public static JournalRecord snapshot(String step, String path, String sha256, String identifiers) {
        return new JournalRecord(
                FormatVersion.CURRENT, now(), Type.SNAPSHOT, step, null, path, true, false, sha256, identifiers);
    }

    /** A file under the run folder's exports/ holding what a database step is about to delete or change. */
    public static JournalRecord export(String step, String path, String sha256, String detail) {
        return new JournalRecord(
                FormatVersion.CURRENT, now(), Type.EXPORT, step, null, path, true, false, sha256, detail);
    }

    /** The run paused at a manual step; {@code detail} is the size of the log at {@code path} then, to scan after. */
    public static JournalRecord pause(String step, String path, long logOffset) {
        return new JournalRecord(
                FormatVersion.CURRENT,
                now(),
                Type.PAUSE,
                step,
                null,
                path,
                null,
                null,
                null,
                String.valueOf(logOffset));
    }

    public static JournalRecord note(String status, @Nullable String detail) {
        return new JournalRecord(FormatVersion.CURRENT, now(), Type.NOTE, null, status, null, null, null, null, detail);
    }

    /**
     * The home or export path a backup, snapshot, export or pause record names: JournalChain refuses a journal holding
     * one without it, and the factories above always give it.
     */
    public String requiredPath() {
        return Objects.requireNonNull(path, () -> type.label() + " record without a path");
    }

    public boolean completes() {
        return type == Type.OUTCOME && (DONE.equals(status) || ALREADY_DONE.equals(status) || CONFIRMED.equals(status));
    }

    private static String now() {
        return Instant.now().toString();
    }
}
