package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.action.ActionKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The executors' own post-condition checks ({@link StepExecutor#done}) for verify: the same test migrate uses to
 * skip a step, asked after the run. Only asks; it never applies or previews anything.
 */
public final class PostConditionCheck {
    /** Whether the post-condition holds; empty when it cannot be told (no executor, a manual step, an error). */
    public record Outcome(Optional<Boolean> holds, String why) {}

    private static final Set<ActionKind> NEED_RUN =
            EnumSet.of(ActionKind.BACKUP, ActionKind.RUN_SQL_SCRIPT, ActionKind.ADAPT_SQL_STATEMENT);
    private final List<StepExecutor> executors =
            List.copyOf(StepExecutors.byLabel().values());

    /**
     * Whether migrate hands the step to the operator: a manual step, or one this build cannot carry out itself (a
     * script on a database or of a purpose it does not run). Like migrate, verify then goes by the journal's
     * confirmation.
     */
    public boolean forTheOperator(PlanStep step, CheckContext ctx) {
        Optional<StepExecutor> executor =
                executors.stream().filter(e -> e.kind().equals(step.kind())).findFirst();
        try {
            return step.is(ActionKind.MANUAL_STEP)
                    || executor.isPresent()
                            && Engine.byHand(executor.get(), step, ctx).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Outcome check(PlanStep step, CheckContext ctx) {
        if (step.is(ActionKind.MANUAL_STEP)) {
            return new Outcome(Optional.empty(), "a manual step: only the journal's confirmation tells it was done");
        }
        if (ctx.run().isEmpty() && step.actionKind().filter(NEED_RUN::contains).isPresent()) {
            return new Outcome(Optional.empty(), "no run folder given (--run): its journal and backup are needed");
        }
        Optional<StepExecutor> executor =
                executors.stream().filter(e -> e.kind().equals(step.kind())).findFirst();
        if (executor.isEmpty()) {
            return new Outcome(Optional.empty(), "no check for action kind " + step.kind());
        }
        try {
            return new Outcome(Optional.of(executor.get().done(step, ctx)), step.postCondition());
        } catch (Exception | LinkageError e) {
            // the message of a database error may hold a JDBC URL: only its kind is reported
            return new Outcome(
                    Optional.empty(), "could not be checked (" + e.getClass().getSimpleName() + ")");
        }
    }
}
