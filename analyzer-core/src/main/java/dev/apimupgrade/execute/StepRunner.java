package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.ServerProcessScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the steps of one migrate run in plan order, journalling intent before and outcome after each. A step done
 * earlier is skipped once its post-condition is re-checked; a step for the operator stops the run unless confirmed.
 */
final class StepRunner {
    private final Map<String, StepExecutor> executors;
    private final Journal journal;
    private final StepContext ctx;
    private final Set<String> confirmed;
    private final List<String> lines = new ArrayList<>();

    StepRunner(Map<String, StepExecutor> executors, Journal journal, StepContext ctx, Set<String> confirmed) {
        this.executors = executors;
        this.journal = journal;
        this.ctx = ctx;
        this.confirmed = confirmed;
    }

    /** A line of the run's report written before the steps (e.g. a leftover removed). */
    void line(String text) {
        lines.add(text);
    }

    RunOutcome runAll(List<PlanStep> steps) throws IOException, RunRefusedException {
        for (PlanStep step : steps) {
            refuseRunningServers(step);
            StepExecutor ex = executors.getOrDefault(step.kind(), new UnknownKind(step.kind()));
            Optional<String> byHand = Engine.byHand(ex, step, ctx);
            if (byHand.isPresent()) {
                if (!confirmOrStop(step, byHand.get())) {
                    return stopped(step, byHand.get());
                }
            } else {
                runAutomated(step, ex);
            }
        }
        journal.append(JournalRecord.note("run-end", "every step of the plan is done"));
        return new RunOutcome(true, lines, null, null);
    }

    private boolean confirmOrStop(PlanStep step, String what) {
        if (journal.completed(step.id())) {
            lines.add(title(step) + ": confirmed earlier");
            return true;
        }
        if (!confirmed.contains(step.id())) {
            return false;
        }
        journal.append(JournalRecord.outcome(step.id(), JournalRecord.CONFIRMED, "the operator confirmed: " + what));
        lines.add(title(step) + ": confirmed by the operator");
        return true;
    }

    private void runAutomated(PlanStep step, StepExecutor ex) throws IOException, RunRefusedException {
        boolean doneBefore = checkDone(step, ex);
        if (doneBefore && journal.completed(step.id())) {
            lines.add(title(step) + ": done earlier, still holds");
            return;
        }
        if (doneBefore) {
            journal.append(JournalRecord.outcome(step.id(), JournalRecord.ALREADY_DONE, step.postCondition()));
            lines.add(title(step) + ": already done");
            return;
        }
        journal.append(JournalRecord.intent(step.id(), step.kind() + " " + step.target()));
        boolean holds;
        try {
            ex.apply(step, ctx);
            holds = ex.holdsAfterApply(step, ctx);
        } catch (IOException | RuntimeException e) {
            journal.append(JournalRecord.outcome(step.id(), JournalRecord.FAILED, String.valueOf(e.getMessage())));
            throw new StepFailedException(title(step) + " failed: " + e.getMessage() + "\nEvery file it changed is"
                    + " saved under " + ctx.run().backup() + "; fix the cause and run migrate again to resume,"
                    + " or roll back with: apim-upgrade rollback --run " + ctx.run().root());
        }
        if (!holds) {
            journal.append(JournalRecord.outcome(step.id(), JournalRecord.FAILED, "post-condition does not hold"));
            throw new StepFailedException(title(step) + " ran but its post-condition does not hold: "
                    + step.postCondition() + ". Run migrate again to retry, or roll back with: apim-upgrade rollback"
                    + " --run " + ctx.run().root());
        }
        journal.append(JournalRecord.outcome(step.id(), JournalRecord.DONE, step.postCondition()));
        lines.add(title(step) + ": done");
    }

    /**
     * Re-checked just before each step, not only at the start: a server started meanwhile (by the operator during a
     * manual step, or by anyone) would write into the homes while the step changes them.
     */
    private void refuseRunningServers(PlanStep step) throws RunRefusedException {
        Installation both = new Installation(ctx.homes().oldHome(), Optional.of(ctx.homes().newHome()));
        for (Observation o : new ServerProcessScanner().scan(both)) {
            if (o instanceof ServerProcess p && p.alive()) {
                journal.append(JournalRecord.note("stopped", "before " + step.id() + ": the " + p.role()
                        + " server is running"));
                throw new RunRefusedException("the " + p.role() + " server is running (" + p.observed() + "); "
                        + step.id() + " was not started. Stop the server and run migrate again to resume: the steps"
                        + " done so far are recorded in " + journal.file() + ".");
            }
        }
    }

    /** Whether a step's post-condition already holds; a check that cannot be made stops the run before the step. */
    private boolean checkDone(PlanStep step, StepExecutor ex) throws RunRefusedException {
        try {
            return ex.done(step, ctx);
        } catch (IOException | RuntimeException e) {
            journal.append(JournalRecord.note("check-failed", step.id() + ": " + e.getMessage()));
            throw new RunRefusedException("could not check whether " + title(step) + " is already done: "
                    + e.getMessage() + ". The step was not started; fix the cause and run migrate again to resume.");
        }
    }

    private RunOutcome stopped(PlanStep step, String what) {
        journal.append(JournalRecord.note("stopped", step.id() + " needs the operator: " + what));
        String toContinue = "Do this by hand: " + what + "\nThen check: " + step.postCondition()
                + "\nand run migrate again with --confirm " + step.id() + " to go on. Nothing is lost: the steps"
                + " done so far are recorded in " + journal.file() + ".";
        return new RunOutcome(false, lines, step.id(), toContinue);
    }

    static String title(PlanStep step) {
        return step.id();
    }
}
