package dev.apimupgrade.execute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.apimupgrade.scan.FormatVersion;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of journal.jsonl, one record type per kind of line, each with only the fields that kind has: an
 * {@link Intent} is written before a step acts and an {@link Outcome} after it; a {@link Backup} names a home path as it
 * was before its first change; a {@link Snapshot} keeps a database file's state just before a script step; an
 * {@link Export} names a file of rows or table definitions taken just before a database script; a {@link Pause} keeps
 * the new home's log size when the run stopped at a manual step; a {@link Note} records a run-level event. The JSON is
 * the one the single nullable record of earlier versions wrote (same names, same order, absent fields left out), since
 * a record's MAC is checked against it re-serialised (docs/adr/0049-journal-records-by-kind-and-foreign-key-columns-as-lists.md). {@code formatVersion} is absent (null) only in
 * records of a journal started before it existed (format 1).
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
public sealed interface JournalRecord {
    @Nullable
    Integer formatVersion();

    String time();

    /** The kind of line, written as the journal's word for it; each record type answers its own. */
    @JsonProperty("type")
    Type type();

    /** The reader's case for each kind of record: a new kind fails to compile until every visitor handles it. */
    <R> R accept(Visitor<R> visitor);

    /** One method per record type, for the readers that must decide something for every kind of line. */
    interface Visitor<R> {
        R intent(Intent r);

        R outcome(Outcome r);

        R backup(Backup r);

        R snapshot(Snapshot r);

        R export(Export r);

        R pause(Pause r);

        R note(Note r);
    }

    /** Every record but a note belongs to one step of the plan. */
    sealed interface OfStep extends JournalRecord {
        String step();
    }

    /** What a record says; written as its lower-case label, the journal's words since format 1. */
    enum Type {
        INTENT(Intent.class),
        OUTCOME(Outcome.class),
        BACKUP(Backup.class),
        SNAPSHOT(Snapshot.class),
        EXPORT(Export.class),
        PAUSE(Pause.class),
        NOTE(Note.class);

        private final Class<? extends JournalRecord> record;

        Type(Class<? extends JournalRecord> record) {
            this.record = record;
        }

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The record type a line of this kind is read as. */
        Class<? extends JournalRecord> record() {
            return record;
        }

        /** The type a journal line names, or empty for a word this version does not know. */
        static Optional<Type> of(String label) {
            return Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst();
        }
    }

    /** What became of a step, written as the journal's words since format 1. */
    enum Status {
        DONE("done"),
        ALREADY_DONE("already-done"),
        /** The operator did a manual step and said so. */
        CONFIRMED("confirmed"),
        FAILED("failed"),
        /** A completed step whose id a newly adopted plan holds with other parameters: it is done again. */
        SUPERSEDED("superseded");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }

        @JsonCreator
        static Status of(String label) {
            return Arrays.stream(values())
                    .filter(s -> s.label.equals(label))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no outcome status '" + label + "'"));
        }

        /** Whether a step with this outcome is done (by the tool, found done, or by the operator). */
        public boolean completes() {
            return this == DONE || this == ALREADY_DONE || this == CONFIRMED;
        }
    }

    /** A step is about to act: {@code detail} is its kind and target ("RunSqlScript apim_db"). */
    record Intent(@Nullable Integer formatVersion, String time, String step, String detail) implements OfStep {
        private static final String SCRIPT = "RunSqlScript ";

        public Intent {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Type type() {
            return Type.INTENT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.intent(this);
        }

        /** The database a script step is about to change, or empty for any other kind of step. */
        public Optional<String> scriptDatabase() {
            return detail.startsWith(SCRIPT) ? Optional.of(detail.substring(SCRIPT.length())) : Optional.empty();
        }
    }

    /** What became of a step, with what was checked or went wrong. */
    record Outcome(@Nullable Integer formatVersion, String time, String step, Status status, String detail)
            implements OfStep {
        public Outcome {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Type type() {
            return Type.OUTCOME;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.outcome(this);
        }

        public boolean completes() {
            return status.completes();
        }
    }

    /**
     * A home path ({@code OLD:...} or {@code NEW:...}) as it was before the step first changed it: a file with the
     * SHA-256 of its saved copy, a folder, or a path that did not exist ({@code sha256} null for the last two).
     */
    record Backup(
            @Nullable Integer formatVersion,
            String time,
            String step,
            String path,
            boolean existed,
            boolean directory,
            @Nullable String sha256)
            implements OfStep {
        public Backup {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(path, "path");
            if ((sha256 != null) != (existed && !directory)) {
                throw new IllegalArgumentException("a backup has a SHA-256 exactly when it saved a file");
            }
            if (directory && !existed) {
                throw new IllegalArgumentException("a backup of a folder that did not exist");
            }
        }

        @Override
        public Type type() {
            return Type.BACKUP;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.backup(this);
        }

        /** Whether the path was a file, saved under backup/ with {@link #sha256}. */
        public boolean savedFile() {
            return existed && !directory;
        }
    }

    /**
     * A database file (a home path) as it was just before a script step ran on it, kept to redo a half-done step
     * from, with the identifiers the script ran with (ScriptIdentifiers' lines, written as {@code detail}).
     */
    @JsonIgnoreProperties(
            value = {"existed", "directory"},
            allowGetters = true)
    record Snapshot(
            @Nullable Integer formatVersion,
            String time,
            String step,
            String path,
            String sha256,
            @JsonProperty("detail") String identifiers)
            implements OfStep {
        public Snapshot {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(identifiers, "detail");
        }

        @Override
        public Type type() {
            return Type.SNAPSHOT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.snapshot(this);
        }

        /** The identifiers by name. */
        public Map<String, String> identifierMap() {
            return ScriptIdentifiers.parse(identifiers);
        }

        @JsonProperty("existed")
        private boolean existedAsWritten() {
            return true;
        }

        @JsonProperty("directory")
        private boolean directoryAsWritten() {
            return false;
        }
    }

    /**
     * A file under the run folder's exports/ holding what a database step is about to delete or change, with what it
     * holds ("3 row(s)", or the table definitions).
     */
    @JsonIgnoreProperties(
            value = {"existed", "directory"},
            allowGetters = true)
    record Export(@Nullable Integer formatVersion, String time, String step, String path, String sha256, String detail)
            implements OfStep {
        public Export {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Type type() {
            return Type.EXPORT;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.export(this);
        }

        @JsonProperty("existed")
        private boolean existedAsWritten() {
            return true;
        }

        @JsonProperty("directory")
        private boolean directoryAsWritten() {
            return false;
        }
    }

    /** The run paused at a manual step; the size of the log at {@code path} then, written as {@code detail}. */
    record Pause(
            @Nullable Integer formatVersion,
            String time,
            String step,
            String path,

            @JsonProperty("detail") @JsonFormat(shape = JsonFormat.Shape.STRING)
            long logOffset)
            implements OfStep {
        public Pause {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Type type() {
            return Type.PAUSE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pause(this);
        }
    }

    /** A run-level event, written as {@code status}, with what it concerns. */
    record Note(
            @Nullable Integer formatVersion,
            String time,
            @JsonProperty("status") Event event,
            String detail) implements JournalRecord {
        public Note {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(event, "status");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Type type() {
            return Type.NOTE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.note(this);
        }
    }

    /**
     * What a note records, written as the journal's words. A word is never removed, even once no longer written: a
     * journal of the version that wrote it must still read.
     */
    enum Event {
        RUN_START("run-start"),
        RUN_END("run-end"),
        /** The run stopped for the operator (a manual step, a running server, a refusal before a step). */
        STOPPED("stopped"),
        /** What the tool checks after a manual step the operator confirmed did not hold. */
        CHECK_FAILED("check-failed"),
        LOCK_BROKEN("lock-broken"),
        LOCK_TAKEN_OVER("lock-taken-over"),
        ROLLBACK_START("rollback-start"),
        ROLLBACK_END("rollback-end"),
        /** A temporary file a killed run left was removed. */
        TEMP_REMOVED("temp-removed"),
        /** Where the operator's full database backup is (PRE-BACKUP). */
        DATABASE_BACKUP("database-backup"),
        PLAN_ADOPTED("plan-adopted"),
        /** A MariaDB/MySQL DDL statement ran (and so committed) as part of a script step. */
        STATEMENT_RAN("statement-ran"),
        /** A MariaDB/MySQL statement was skipped: its guard found it had run. */
        STATEMENT_SKIPPED("statement-skipped"),
        /** The before-inventory was taken, before the run's first change. */
        BEFORE_INVENTORY("before-inventory");

        private final String label;

        Event(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }

        @JsonCreator
        static Event of(String label) {
            return Arrays.stream(values())
                    .filter(e -> e.label.equals(label))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no note event '" + label + "'"));
        }
    }

    static Intent intent(String step, String detail) {
        return new Intent(FormatVersion.CURRENT, now(), step, detail);
    }

    static Outcome outcome(String step, Status status, String detail) {
        return new Outcome(FormatVersion.CURRENT, now(), step, status, detail);
    }

    static Backup backup(String step, String path, boolean existed, boolean directory, @Nullable String sha256) {
        return new Backup(FormatVersion.CURRENT, now(), step, path, existed, directory, sha256);
    }

    /** A database file as it was just before a script step ran on it, kept to redo a half-done step from. */
    static Snapshot snapshot(String step, String path, String sha256, String identifiers) {
        return new Snapshot(FormatVersion.CURRENT, now(), step, path, sha256, identifiers);
    }

    /** A file under the run folder's exports/ holding what a database step is about to delete or change. */
    static Export export(String step, String path, String sha256, String detail) {
        return new Export(FormatVersion.CURRENT, now(), step, path, sha256, detail);
    }

    /** The run paused at a manual step; {@code logOffset} is the size of the log at {@code path} then. */
    static Pause pause(String step, String path, long logOffset) {
        return new Pause(FormatVersion.CURRENT, now(), step, path, logOffset);
    }

    static Note note(Event event, String detail) {
        return new Note(FormatVersion.CURRENT, now(), event, detail);
    }

    private static String now() {
        return Instant.now().toString();
    }
}
