package dev.apimupgrade.execute;

import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Executes a plan's steps in order and records what happened; it decides nothing (each step's executor does exactly
 * what the step says). A run takes the lock, refuses a running server, a stale plan and open blockers, then for each
 * step journals the intent, applies it and journals the outcome; a rerun skips what is done after re-checking it.
 */
public final class Engine {
    private final StepExecutors executors;

    public Engine() {
        this.executors = new StepExecutors();
    }

    /**
     * How the operator started the run: whether to break a stale lock; the manual steps confirmed, each with where the
     * confirmation came from ("--confirm", or the answers file and line); where the operator's full database backup
     * is, if given; where long steps report their progress; the files given that the tool does not ship; and how
     * to take the before-inventory; and what another part of a deployment's run changed on these homes or their
     * databases (ADR 0032: the deployment-wide steps), as step targets ("db:apim_db/"): not drift for this run, as
     * its own steps' changes are not.
     */
    public record Options(
            boolean breakLock,
            Map<String, String> confirmations,
            Optional<String> databaseBackup,
            Progress progress,
            SuppliedFiles supplied,
            BeforeInventory inventory,
            Set<String> changedElsewhere) {
        public Options {
            confirmations = Map.copyOf(confirmations);
            changedElsewhere = Set.copyOf(changedElsewhere);
        }

        /** Nothing changed elsewhere (a single home's run). */
        public Options(
                boolean breakLock,
                Map<String, String> confirmations,
                Optional<String> databaseBackup,
                Progress progress,
                SuppliedFiles supplied,
                BeforeInventory inventory) {
            this(breakLock, confirmations, databaseBackup, progress, supplied, inventory, Set.of());
        }

        /** Without a before-inventory. */
        public Options(
                boolean breakLock,
                Map<String, String> confirmations,
                Optional<String> databaseBackup,
                Progress progress,
                SuppliedFiles supplied) {
            this(breakLock, confirmations, databaseBackup, progress, supplied, BeforeInventory.NONE);
        }

        /** Without files given by the operator. */
        public Options(
                boolean breakLock,
                Map<String, String> confirmations,
                Optional<String> databaseBackup,
                Progress progress) {
            this(breakLock, confirmations, databaseBackup, progress, SuppliedFiles.NONE);
        }

        /** Confirmations given with --confirm, no database backup location, no progress display. */
        public Options(boolean breakLock, Set<String> confirmed) {
            this(
                    breakLock,
                    confirmed.stream().collect(Collectors.toMap(id -> id, id -> "--confirm")),
                    Optional.empty(),
                    Progress.NONE);
        }

        public Set<String> confirmed() {
            return confirmations.keySet();
        }
    }

    public RunOutcome migrate(MigrationPlan plan, RunDirectory run, Homes homes, Preflight preflight, Options options)
            throws IOException, InputException, RunRefusedException {
        PlanPaths.require(plan, homes, "plan.json");
        requireStepsOfThePlan(plan, options.confirmations());
        boolean fresh = !java.nio.file.Files.exists(run.root());
        run.create();
        try (RunLocks lock = locks(run, homes, options.breakLock(), fresh)) {
            // opened under the lock: a live run's journal is never read half-written
            Journal journal = Journal.open(run.journal());
            lock.record(journal);
            RunRecord.requireSameHomes(run, homes, journal);
            refuseRolledBack(run, journal);
            BackupRecords.requireRecorded(run, journal, homes);
            Preflight.Snapshot now = preflight.scan();
            new RunChecks(journal, plan.steps(), options.confirmed())
                    .alsoExcusing(options.changedElsewhere())
                    .refuseToStart(plan, now, run);
            ApplyContext ctx = ApplyContext.of(
                    homes,
                    now.facts(),
                    now.datasources(),
                    options.supplied(),
                    RunState.of(run, journal, homes),
                    options.progress());
            try {
                requireManual(plan, options.confirmations(), ctx.check());
            } catch (InputException e) {
                lock.close();
                if (fresh) {
                    removeEmpty(run);
                }
                throw e;
            }
            Optional<MigrationPlan> earlier = RunRecord.earlierPlan(run, plan, journal);
            List<String> adopted = earlier.isPresent()
                    ? PlanAdoption.adopt(run, journal, earlier.get(), plan, options.confirmed())
                    : List.of();
            RunRecord.startIfNew(run, plan, homes, journal);
            takeInventoryBeforeTheFirstChange(run, journal, options.inventory());
            journal.append(JournalRecord.note(
                    JournalRecord.Event.RUN_START,
                    plan.steps().size() + " step(s), plan " + plan.fingerprint().sha256()));
            StepRunner runner = new StepRunner(executors, journal, ctx, options.confirmations());
            adopted.forEach(runner::line);
            if (options.databaseBackup().isPresent()
                    && !options.databaseBackup().equals(StepRunner.recordedBackup(journal))) {
                journal.append(JournalRecord.note(
                        JournalRecord.Event.DATABASE_BACKUP,
                        options.databaseBackup().get()));
                runner.line("the full database backup is at "
                        + options.databaseBackup().get() + " (recorded)");
            }
            for (String temp : Leftovers.removeTemps(journal, homes)) {
                runner.line("removed " + temp + ": a temporary file left by a run killed before its rename");
            }
            return runner.runAll(plan.steps());
        }
    }

    /**
     * compare needs the installation as it was before the run: taken once, before the first step starts, and never
     * again (a resumed run's databases are already changed). A run folder whose journal already records a step started
     * without one says so in the journal instead.
     */
    private static void takeInventoryBeforeTheFirstChange(RunDirectory run, Journal journal, BeforeInventory inventory)
            throws IOException, InputException {
        if (java.nio.file.Files.exists(run.inventory())) {
            return;
        }
        boolean changed = journal.records().stream()
                .anyMatch(r -> r instanceof JournalRecord.Intent
                        || r instanceof JournalRecord.Outcome o && o.status() == JournalRecord.Status.CONFIRMED);
        if (changed) {
            return;
        }
        byte[] json = inventory.json();
        if (json != null) {
            AtomicFiles.write(run.inventory(), json);
            journal.append(JournalRecord.note(
                    JournalRecord.Event.BEFORE_INVENTORY,
                    "taken before the first change: " + run.root().relativize(run.inventory())));
        }
    }

    /**
     * Refuses a plan that names a path outside where it must lie, naming the plan file: the CLI calls this with the
     * file it read before migrate, which checks the same again for any caller.
     */
    public static void requirePaths(MigrationPlan plan, Homes homes, String planFile) throws InputException {
        PlanPaths.require(plan, homes, planFile);
    }

    /** The run's locks; a run refused by another's lock leaves no run folder behind when it made one. */
    private static RunLocks locks(RunDirectory run, Homes homes, boolean breakLock, boolean fresh)
            throws IOException, RunRefusedException {
        try {
            return RunLocks.acquire(run, homes, breakLock);
        } catch (RunRefusedException e) {
            if (fresh) {
                removeEmpty(run);
            }
            throw e;
        }
    }

    /** A --confirm that names no step of this plan is a typo or another plan's step: bad input, before anything. */
    private static void requireStepsOfThePlan(MigrationPlan plan, Map<String, String> confirmed) throws InputException {
        Set<String> ids = plan.steps().stream().map(PlanStep::id).collect(Collectors.toSet());
        for (String id : new java.util.TreeSet<>(confirmed.keySet())) {
            if (!ids.contains(id)) {
                throw new InputException(
                        Objects.requireNonNull(confirmed.get(id)),
                        "'" + id + "' is not a step of this plan; the steps for" + " the operator are: "
                                + manualIds(plan));
            }
        }
    }

    /**
     * A confirmation must name a step for the operator: a manual step, or one this build cannot carry out itself.
     * Confirming a step the tool runs would skip it unchecked.
     */
    private void requireManual(MigrationPlan plan, Map<String, String> confirmed, CheckContext ctx)
            throws InputException {
        for (PlanStep step : plan.steps()) {
            if (confirmed.containsKey(step.id())
                    && byHand(executor(step), step, ctx).isEmpty()) {
                throw new InputException(
                        confirmed.get(step.id()),
                        "'" + step.id() + "' is not a manual step of this"
                                + " plan (the tool carries it out itself); the steps for the operator are: "
                                + manualIds(plan));
            }
        }
    }

    private static String manualIds(MigrationPlan plan) {
        List<String> ids = plan.steps().stream()
                .filter(s -> !s.automated())
                .map(PlanStep::id)
                .toList();
        return ids.isEmpty() ? "(none)" : String.join(", ", ids);
    }

    /** A run refused as bad input before it started leaves no run folder behind when it made one. */
    private static void removeEmpty(RunDirectory run) throws IOException {
        for (java.nio.file.Path p :
                List.of(run.backup(), run.exports(), run.journal(), run.journalHead(), run.key(), run.root())) {
            try {
                java.nio.file.Files.deleteIfExists(p);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    /**
     * A rolled-back run folder's journal still says which steps completed; resuming from it would skip work that
     * rollback undid, so a new run needs a new folder.
     */
    private static void refuseRolledBack(RunDirectory run, Journal journal) throws RunRefusedException {
        if (journal.records().stream()
                .anyMatch(r -> r instanceof JournalRecord.Note n && n.event() == JournalRecord.Event.ROLLBACK_START)) {
            throw new RunRefusedException(run.root() + " was rolled back; its journal no longer describes the homes."
                    + " Start the migration again with a new --run folder. Nothing was changed.");
        }
    }

    /** What a run would do, step by step, with nothing written (no run folder, no journal, no lock). */
    public RunOutcome dryRun(MigrationPlan plan, RunDirectory run, Homes homes, Preflight preflight)
            throws IOException, InputException, RunRefusedException {
        return RunOutcome.completed(
                rehearse(plan, run, homes, preflight, SuppliedFiles.NONE).lines());
    }

    /**
     * The dry run with its sums: the steps the tool would do, those done already, and every stop; with the files the
     * operator gives (a tenant loader jar the tool does not ship).
     */
    public Rehearsal rehearse(
            MigrationPlan plan, RunDirectory run, Homes homes, Preflight preflight, SuppliedFiles supplied)
            throws IOException, InputException, RunRefusedException {
        PlanPaths.require(plan, homes, "plan.json");
        Journal journal = Journal.open(run.journal());
        Preflight.Snapshot now = preflight.scan();
        new RunChecks(journal, plan.steps(), Set.of()).refuseToStart(plan, now, run);
        CheckContext ctx = new CheckContext(
                homes, now.facts(), now.datasources(), supplied, Optional.of(RunState.of(run, journal, homes)));
        List<String> lines = new ArrayList<>();
        List<Rehearsal.Stop> stops = new ArrayList<>();
        int automated = 0;
        int done = 0;
        String backupFor = null;
        for (PlanStep step : plan.steps()) {
            StepExecutor ex = executor(step);
            Optional<String> byHand = byHand(ex, step, ctx);
            lines.add(StepRunner.title(step));
            if (byHand.isPresent()) {
                if (journal.completed(step.id())) {
                    done++;
                    lines.add("  done earlier (confirmed)");
                } else {
                    stops.add(new Rehearsal.Stop(step.id(), byHand.get(), step.postCondition()));
                    lines.add("  by hand: " + byHand.get());
                }
            } else if (ex.done(step, ctx)) {
                done++;
                lines.add("  already done: " + step.postCondition());
            } else {
                automated++;
                if (backupFor == null && StepRunner.needsOperatorsBackup(step, journal, ctx)) {
                    backupFor = step.id();
                }
                Optional<String> refused = ex.refusal(step, ctx);
                (refused.isPresent()
                                ? refused.get()
                                        .lines()
                                        .map(l -> "  refused: " + l)
                                        .toList()
                                : ex.preview(step, ctx).stream()
                                        .map(l -> "  " + l)
                                        .toList())
                        .forEach(lines::add);
            }
        }
        return new Rehearsal(lines, automated, done, stops, backupFor != null, backupFor);
    }

    StepExecutor executor(PlanStep step) {
        return executors.of(step);
    }

    static Optional<String> byHand(StepExecutor ex, PlanStep step, CheckContext ctx) {
        return step.automated()
                ? ex.needsOperator(step, ctx)
                : Optional.of(ex.needsOperator(step, ctx).orElse(step.kind() + " " + step.target()));
    }
}
