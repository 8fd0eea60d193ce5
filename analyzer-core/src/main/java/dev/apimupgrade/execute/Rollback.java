package dev.apimupgrade.execute;

import dev.apimupgrade.execute.JournalRecord.Event;
import dev.apimupgrade.execute.JournalRecord.Note;
import dev.apimupgrade.execute.JournalRecord.Status;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.ServerProcessScanner;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts back every home path a run changed, from the journal's backup records: saved files are restored byte-identical
 * (checked against their recorded SHA-256), paths the run created are removed, latest first. What the tool cannot
 * undo (steps the operator did by hand) is listed plainly. Rows that committed PostgreSQL and MariaDB/MySQL scripts
 * deleted are re-inserted from their exports (ExportReplay); committed DDL is not undone, and the line says so and
 * names the operator's database backup (PRE-BACKUP) that covers it. Taking the run's lock keeps a migrate run out meanwhile.
 */
public final class Rollback {
    /** How the first line of a repeated rollback starts. */
    public static final String ALREADY = "already rolled back";

    private Rollback() {}

    public static RunOutcome of(RunDirectory run, boolean breakLock)
            throws IOException, RunRefusedException, InputException {
        return of(run, breakLock, Optional.empty());
    }

    /**
     * With the datasources (read from the old home, as migrate reads them), the rows committed scripts deleted are
     * re-inserted from their exports where their table still exists; without them, the exports are only named.
     */
    public static RunOutcome of(RunDirectory run, boolean breakLock, Optional<DatasourceSpecs> datasources)
            throws IOException, RunRefusedException, InputException {
        if (!run.exists() || !java.nio.file.Files.exists(run.runJson())) {
            throw new RunRefusedException(run.root() + " holds no migrate run that got past its checks (no"
                    + " journal.jsonl or run.json), so there is nothing to roll back. Nothing was changed.");
        }
        Homes homes = RunRecord.read(run).homes();
        try (RunLocks lock = RunLocks.acquire(run, homes, breakLock)) {
            Journal journal = Journal.open(run.journal());
            lock.record(journal);
            Optional<String> rolledBack = rolledBackAt(journal);
            BackupRecords.requireRecorded(run, journal, homes);
            Map<JournalRecord.Backup, Path> targets = targets(journal, homes);
            refuseRunningServers(homes);
            Backup backup = new Backup(run, journal, homes);
            journal.append(JournalRecord.note(Event.ROLLBACK_START, "restoring the state before the run"));
            List<String> lines = new ArrayList<>();
            // restoring is idempotent, so a second rollback restores again, but says first that it is one
            rolledBack.ifPresent(at -> lines.add(ALREADY + " at " + at + " (no migrate work journalled since);"
                    + " restoring from the backup again"));
            for (String temp : Leftovers.removeTemps(journal, homes)) {
                lines.add("removed " + temp + ": a temporary file left by a run killed before its rename");
            }
            List<JournalRecord.Backup> saved =
                    new ArrayList<>(firstSaves(journal).values());
            java.util.Collections.reverse(saved);
            for (JournalRecord.Backup r : saved) {
                // targets() resolved every first save, so each has its path
                lines.add(restore(r, Objects.requireNonNull(targets.get(r)), backup, run));
            }
            lines.addAll(notUndone(journal));
            lines.addAll(ExportReplay.lines(journal, run, datasources, StepRunner.recordedBackup(journal)));
            journal.append(JournalRecord.note(Event.ROLLBACK_END, saved.size() + " path(s) restored"));
            return RunOutcome.completed(lines);
        }
    }

    /**
     * When the run was last rolled back, if no migrate work was journalled after that rollback ended: any record of a
     * step, or a run's start, means there is something to undo again.
     */
    private static Optional<String> rolledBackAt(Journal journal) {
        String at = null;
        for (JournalRecord r : journal.records()) {
            if (r instanceof Note n && n.event() == Event.ROLLBACK_END) {
                at = r.time();
            } else if (r instanceof JournalRecord.OfStep || r instanceof Note n && n.event() == Event.RUN_START) {
                at = null;
            }
        }
        return Optional.ofNullable(at);
    }

    /**
     * Where each saved path is, checked before anything is restored: a path that leaves its home (through a link
     * made since) is bad input naming the journal, and nothing is written.
     */
    private static Map<JournalRecord.Backup, Path> targets(Journal journal, Homes homes) throws InputException {
        Map<JournalRecord.Backup, Path> out = new java.util.IdentityHashMap<>();
        for (JournalRecord.Backup r : firstSaves(journal).values()) {
            try {
                out.put(r, homes.resolve(r.path()));
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        journal.file().toString(),
                        "the backup record of " + r.path() + " is" + " refused: " + e.getMessage()
                                + ". Nothing was restored");
            }
        }
        return out;
    }

    /** The first backup record of each path: the state before the run touched it. */
    private static Map<String, JournalRecord.Backup> firstSaves(Journal journal) {
        Map<String, JournalRecord.Backup> first = new LinkedHashMap<>();
        for (JournalRecord r : journal.records()) {
            if (r instanceof JournalRecord.Backup b) {
                first.putIfAbsent(b.path(), b);
            }
        }
        return first;
    }

    /** A server writing into a home (its H2 files, its deployment) while files are put back would lose its writes. */
    private static void refuseRunningServers(Homes homes) throws RunRefusedException {
        Installation both = new Installation(homes.oldHome(), Optional.of(homes.newHome()));
        for (Observation o : new ServerProcessScanner().scan(both)) {
            if (o instanceof ServerProcess p && p.alive()) {
                throw new RunRefusedException("a server is running (" + p.source() + ": " + p.observed() + "); stop"
                        + " it before rolling back. Nothing was changed.");
            }
        }
    }

    /**
     * Keeps what is there now before rollback replaces or removes it: after a migration the 3.1.0 server may have
     * written to it, and those writes must not be lost silently.
     */
    private static void setAside(RunDirectory run, JournalRecord.Backup r, Path target) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && (r.sha256() == null || !FileDigest.sha256(target).equals(r.sha256()))) {
            Path aside = run.root()
                    .resolve(SET_ASIDE)
                    .resolve(r.path().replace(':', '/'))
                    .normalize();
            Files.createDirectories(aside.getParent());
            Files.copy(target, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Where rollback keeps the files it replaced or removed, under the run folder. */
    public static final String SET_ASIDE = "rolled-back-aside";

    private static String restore(JournalRecord.Backup r, Path target, Backup backup, RunDirectory run)
            throws IOException {
        setAside(run, r, target);
        if (!r.existed()) {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.deleteIfExists(target);
                } catch (DirectoryNotEmptyException e) {
                    return "kept " + r.path() + ": the run created this folder, but it now holds files the run did"
                            + " not put there";
                }
            } else {
                Files.deleteIfExists(target);
            }
            return "removed " + r.path() + " (the run created it)";
        }
        if (r.directory()) {
            Files.createDirectories(target);
            return "folder " + r.path() + " is in place";
        }
        Path copy = backup.copyOf(r.path());
        if (!Files.isRegularFile(copy) || !FileDigest.sha256(copy).equals(r.sha256())) {
            throw new IOException("the saved copy of " + r.path() + " is missing or changed (" + copy + "); this"
                    + " file cannot be restored, and the rollback stops here");
        }
        if (!Files.isRegularFile(target) || !FileDigest.sha256(target).equals(r.sha256())) {
            AtomicFiles.copy(copy, target);
        }
        return "restored " + r.path();
    }

    static String notReplayed(String step, List<String> exports) {
        return "NOT REPLAYED: " + step + " changed a database in a committed transaction. What it deleted or"
                + " changed is exported in the run folder (" + String.join(", ", exports) + "); the operator's"
                + " database backup covers it: restore that backup to undo this step.";
    }

    private static List<String> notUndone(Journal journal) {
        List<String> lines = new ArrayList<>();
        for (JournalRecord r : journal.records()) {
            if (r instanceof JournalRecord.Outcome o && o.status() == Status.CONFIRMED) {
                lines.add("NOT UNDONE: " + o.step() + " was done by hand (" + o.detail() + "); undo it by hand if"
                        + " needed");
            }
        }
        return lines;
    }
}
