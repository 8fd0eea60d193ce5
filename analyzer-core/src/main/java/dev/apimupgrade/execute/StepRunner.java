package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.action.ActionKind;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.ServerProcessScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of one migrate run in plan order, journalling intent before and outcome after each. A step done
 * earlier is skipped once its post-condition is re-checked; a step for the operator stops the run unless confirmed.
 */
final class StepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final StepExecutors executors;
    private final Journal journal;
    private final ApplyContext ctx;
    /** The manual steps the operator confirmed, each with where: --confirm, the answers file and line, the terminal. */
    private final Map<String, String> confirmed;

    private final List<String> lines = new ArrayList<>();

    StepRunner(StepExecutors executors, Journal journal, ApplyContext ctx, Map<String, String> confirmed) {
        this.executors = executors;
        this.journal = journal;
        this.ctx = ctx;
        this.confirmed = confirmed;
    }

    /** Where the operator's full database backup is, as recorded in the journal (the latest), if it was. */
    static Optional<String> recordedBackup(Journal journal) {
        String last = null;
        for (JournalRecord r : journal.records()) {
            if (r instanceof JournalRecord.Note n && n.event() == JournalRecord.Event.DATABASE_BACKUP) {
                last = n.detail();
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * PRE-BACKUP: a script the tool runs on a database outside the old home's H2 files changes data only the
     * operator's full backup can bring back (the tool exports just the rows it deletes); its location must be on
     * record before the first such step.
     */
    private boolean needsOperatorsBackup(PlanStep step) {
        return needsOperatorsBackup(step, journal, ctx.check());
    }

    static boolean needsOperatorsBackup(PlanStep step, Journal journal, CheckContext ctx) {
        if (!step.is(ActionKind.RUN_SQL_SCRIPT) || recordedBackup(journal).isPresent()) {
            return false;
        }
        return ctx.datasources() == null
                || ctx.datasources().all().stream()
                        .filter(d -> d.name().equals(step.target()))
                        .noneMatch(d -> d.kind().orElse(null) == DatabaseProduct.H2);
    }

    private RunOutcome stoppedForBackup(PlanStep step) {
        journal.append(JournalRecord.note(
                JournalRecord.Event.STOPPED, step.id() + " needs the location of the full database backup"));
        String toContinue = "PRE-BACKUP: " + step.id() + " changes the " + step.target() + " database, which only"
                + " your full backup can bring back. Take a full backup of it, then run migrate again with"
                + " --database-backup <where it is> (or migrate.database_backup in the --answers file); the location"
                + " is recorded in the journal, so give no password. Nothing is lost: the steps done so far are"
                + " recorded in " + journal.file() + ".";
        return new RunOutcome(false, lines, step.id(), toContinue, RunOutcome.Awaits.DATABASE_BACKUP);
    }

    /** A line of the run's report written before the steps (e.g. a leftover removed). */
    void line(String text) {
        lines.add(text);
    }

    RunOutcome runAll(List<PlanStep> steps) throws IOException, RunRefusedException {
        for (PlanStep step : steps) {
            refuseRunningServers(step);
            StepExecutor ex = executors.of(step);
            Optional<String> byHand = Engine.byHand(ex, step, ctx.check());
            if (byHand.isPresent()) {
                if (journal.completed(step.id())) {
                    lines.add(title(step) + ": confirmed earlier");
                    continue;
                }
                if (!confirmed.containsKey(step.id())) {
                    return stopped(step, byHand.get());
                }
                Optional<RunOutcome> failedCheck = confirm(step, byHand.get());
                if (failedCheck.isPresent()) {
                    return failedCheck.get();
                }
            } else {
                if (!journal.completed(step.id()) && needsOperatorsBackup(step)) {
                    return stoppedForBackup(step);
                }
                Optional<PlanStep> changedLater = changedLater(step, steps);
                if (journal.completed(step.id()) && changedLater.isPresent()) {
                    lines.add(title(step) + ": done earlier; "
                            + changedLater.get().id() + " changed its target" + " afterwards, as the plan says");
                    continue;
                }
                runAutomated(step, ex);
            }
        }
        journal.append(JournalRecord.note(JournalRecord.Event.RUN_END, "every step of the plan is done"));
        return RunOutcome.completed(lines);
    }

    /**
     * A later step of the plan, done (or confirmed) already, that changes what this one put in place: the tenant
     * loader is copied before the re-indexing start and removed after it; the truststore is copied, then the operator
     * imports the 42Crunch certificate into it. This step's post-condition no longer holds by design, and redoing it
     * would undo the later step's work (the certificate would be lost).
     */
    private Optional<PlanStep> changedLater(PlanStep step, List<PlanStep> steps) {
        return steps.subList(steps.indexOf(step) + 1, steps.size()).stream()
                .filter(s -> s.target().equals(step.target())
                        && (journal.completed(s.id()) || confirmed.containsKey(s.id())))
                .findFirst();
    }

    /**
     * The operator says the step is done: first what the tool can observe is checked (the log since the pause, the
     * temporary files the step removes). A failed check stops the run here, unconfirmed, with what was found.
     */
    private Optional<RunOutcome> confirm(PlanStep step, String what) throws IOException {
        ManualStepChecks.Result checked = ManualStepChecks.check(step, ctx.homes(), pausedAt(step), ctx.supplied());
        checked.found().forEach(f -> lines.add(title(step) + ": checked " + f));
        if (!checked.problems().isEmpty()) {
            if (checked.logFailed()) {
                // what was read is judged: the next check reads only what a redo of the start writes from here
                journal.append(JournalRecord.pause(
                        step.id(), "NEW:" + ManualStepChecks.LOG, ManualStepChecks.logOffset(ctx.homes())));
            }
            // the journal gets the count, not the log lines: a log line may hold anything
            journal.append(JournalRecord.note(
                    JournalRecord.Event.CHECK_FAILED,
                    step.id() + ": " + checked.problems().size() + " problem(s) after the operator's confirmation"));
            String toContinue = "CHECK FAILED after " + step.id() + " (" + what + "):\n  "
                    + String.join("\n  ", checked.problems()) + "\nFix the cause (redo the step if it failed), then run"
                    + " migrate again with --confirm " + step.id() + ". Nothing is lost: the steps done so far are"
                    + " recorded in " + journal.file() + ".";
            return Optional.of(new RunOutcome(false, lines, step.id(), toContinue, RunOutcome.Awaits.CONFIRMATION));
        }
        journal.append(JournalRecord.outcome(
                step.id(),
                JournalRecord.Status.CONFIRMED,
                "the operator confirmed (" + confirmed.get(step.id()) + "): " + what));
        lines.add(title(step) + ": confirmed by the operator");
        return Optional.empty();
    }

    /** The new home's log size when the run last paused at this step, if it did. */
    private Optional<Long> pausedAt(PlanStep step) {
        Optional<Long> at = Optional.empty();
        for (JournalRecord r : journal.records()) {
            if (r instanceof JournalRecord.Pause p && p.step().equals(step.id())) {
                at = Optional.of(p.logOffset());
            }
        }
        return at;
    }

    private void runAutomated(PlanStep step, StepExecutor ex) throws IOException, RunRefusedException {
        boolean doneBefore = checkDone(step, ex);
        if (doneBefore && journal.completed(step.id())) {
            LOG.debug("step {} done earlier, its post-condition still holds", step.id());
            lines.add(title(step) + ": done earlier, still holds");
            return;
        }
        if (doneBefore) {
            LOG.debug("step {} already done: its post-condition holds before it ran", step.id());
            journal.append(JournalRecord.outcome(step.id(), JournalRecord.Status.ALREADY_DONE, step.postCondition()));
            lines.add(title(step) + ": already done");
            return;
        }
        refuseUnsafe(step, ex);
        journal.append(JournalRecord.intent(step.id(), step.kind() + " " + step.target()));
        LOG.debug("step {} ({} {}) starts", step.id(), step.kind(), step.target());
        long started = System.nanoTime();
        boolean holds;
        try {
            ex.apply(step, ctx);
            holds = ex.holdsAfterApply(step, ctx);
        } catch (IOException | RuntimeException e) {
            LOG.debug("step {} failed after {} ms", step.id(), (System.nanoTime() - started) / 1_000_000, e);
            journal.append(
                    JournalRecord.outcome(step.id(), JournalRecord.Status.FAILED, String.valueOf(e.getMessage())));
            throw new StepFailedException(title(step) + " failed: " + e.getMessage() + "\nEvery file it changed is"
                    + " saved under " + ctx.folder().backup() + "; fix the cause and run migrate again to resume,"
                    + " or roll back with: apim-upgrade rollback --run "
                    + ctx.folder().root());
        }
        if (!holds) {
            journal.append(
                    JournalRecord.outcome(step.id(), JournalRecord.Status.FAILED, "post-condition does not hold"));
            throw new StepFailedException(title(step) + " ran but its post-condition does not hold: "
                    + step.postCondition() + ". Run migrate again to retry, or roll back with: apim-upgrade rollback"
                    + " --run " + ctx.folder().root());
        }
        journal.append(JournalRecord.outcome(step.id(), JournalRecord.Status.DONE, step.postCondition()));
        lines.add(title(step) + ": done");
        LOG.debug(
                "step {} done in {} ms; its post-condition holds",
                step.id(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Re-checked just before each step, not only at the start: a server started meanwhile (by the operator during a
     * manual step, or by anyone) would write into the homes while the step changes them.
     */
    private void refuseRunningServers(PlanStep step) throws RunRefusedException {
        Installation both =
                new Installation(ctx.homes().oldHome(), Optional.of(ctx.homes().newHome()));
        for (Observation o : new ServerProcessScanner().scan(both)) {
            if (o instanceof ServerProcess p && p.alive()) {
                journal.append(JournalRecord.note(
                        JournalRecord.Event.STOPPED,
                        "before " + step.id() + ": the " + p.role() + " server is running"));
                throw new RunRefusedException("the " + p.role() + " server is running (" + p.observed() + "); "
                        + step.id() + " was not started. Stop the server and run migrate again to resume: the steps"
                        + " done so far are recorded in " + journal.file() + ".");
            }
        }
    }

    /**
     * A step its executor says must not start as things are (a key the database cannot hold) stops the run before it,
     * with nothing changed: the operator fixes the cause and reruns.
     */
    private void refuseUnsafe(PlanStep step, StepExecutor ex) throws RunRefusedException {
        Optional<String> refused;
        try {
            refused = ex.refusal(step, ctx.check());
        } catch (IOException | RuntimeException e) {
            journal.append(JournalRecord.note(JournalRecord.Event.CHECK_FAILED, step.id() + ": " + e.getMessage()));
            throw new RunRefusedException("could not check whether " + title(step) + " can run: " + e.getMessage()
                    + ". The step was not started; fix the cause and run migrate again to resume.");
        }
        if (refused.isPresent()) {
            journal.append(JournalRecord.note(
                    JournalRecord.Event.STOPPED,
                    step.id() + " refused before it started: "
                            + refused.get().lines().findFirst().orElse("")));
            throw new RunRefusedException(title(step) + " was not started. " + refused.get() + "\nThe steps done so far"
                    + " are recorded in " + journal.file() + ".");
        }
    }

    /** Whether a step's post-condition already holds; a check that cannot be made stops the run before the step. */
    private boolean checkDone(PlanStep step, StepExecutor ex) throws RunRefusedException {
        try {
            return ex.done(step, ctx.check());
        } catch (IOException | RuntimeException e) {
            journal.append(JournalRecord.note(JournalRecord.Event.CHECK_FAILED, step.id() + ": " + e.getMessage()));
            throw new RunRefusedException("could not check whether " + title(step) + " is already done: "
                    + e.getMessage() + ". The step was not started; fix the cause and run migrate again to resume.");
        }
    }

    private RunOutcome stopped(PlanStep step, String what) throws IOException {
        LOG.debug("stopped at step {}: it is for the operator", step.id());
        journal.append(JournalRecord.note(JournalRecord.Event.STOPPED, step.id() + " needs the operator: " + what));
        saveManualTarget(step);
        if (ManualStepChecks.scansLog(step)) {
            journal.append(JournalRecord.pause(
                    step.id(), "NEW:" + ManualStepChecks.LOG, ManualStepChecks.logOffset(ctx.homes())));
        }
        String log = ManualStepChecks.scansLog(step)
                ? "\nThe start has succeeded when NEW:" + ManualStepChecks.LOG
                        + " shows '" + ManualStepChecks.STARTED
                        + " ...'; on confirmation the run reads the log written from"
                        + " now on for that line and for ERROR lines."
                : "";
        String toContinue = "Do this by hand: " + what + log + "\nThen check: " + step.postCondition()
                + "\nand run migrate again with --confirm " + step.id() + " (or, without a person at the keyboard,"
                + " list " + step.id() + " under migrate.confirmed in the --answers file) to go on. Nothing is lost:"
                + " the steps done so far are recorded in " + journal.file() + ".";
        return new RunOutcome(false, lines, step.id(), toContinue, RunOutcome.Awaits.CONFIRMATION);
    }

    /**
     * A manual step that edits one file of the new home (re-applying a customisation) gets that file saved first, as
     * the run's own changes are: rollback puts it back, and a plan made later in the run compares with it as it was.
     */
    private void saveManualTarget(PlanStep step) throws IOException {
        if (!step.is(ActionKind.MANUAL_STEP)
                || Homes.isHomeName(step.target())
                || !step.target().contains("/")) {
            return;
        }
        java.nio.file.Path file;
        try {
            file = ctx.homes().resolve(dev.apimupgrade.fact.Role.NEW, step.target());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            ctx.backup().save(step.id(), dev.apimupgrade.fact.Role.NEW, step.target());
        }
    }

    static String title(PlanStep step) {
        return step.id();
    }
}
