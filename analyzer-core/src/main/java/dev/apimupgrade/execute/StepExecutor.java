package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Carries out one action kind of the plan, exactly as the step says, and decides nothing: it checks the step's
 * post-condition, shows what it would change, and applies it (saving first every path it overwrites or deletes).
 * Applying a step whose post-condition holds changes nothing.
 */
public interface StepExecutor {
    /** The plan's action kind this executor runs (CopyFile, SetTomlValue, ...). */
    String kind();

    /** Whether the step's post-condition already holds, so applying it would change nothing. */
    boolean done(PlanStep step, CheckContext ctx) throws IOException;

    /** What applying the step would change (file lists, TOML diffs, SQL statements), without writing anything. */
    List<String> preview(PlanStep step, CheckContext ctx) throws IOException;

    /** Makes the post-condition hold; every path it overwrites or deletes goes through {@link Backup} first. */
    void apply(PlanStep step, ApplyContext ctx) throws IOException;

    /** Checked right after {@link #apply}: by default the post-condition itself. */
    default boolean holdsAfterApply(PlanStep step, ApplyContext ctx) throws IOException {
        return done(step, ctx.check());
    }

    /**
     * Why the step must not start on the installation as it is now (checked when it is not done, just before it
     * starts), with what the operator can do: the run is then refused with nothing changed by the step.
     */
    default Optional<String> refusal(PlanStep step, CheckContext ctx) throws IOException {
        return Optional.empty();
    }

    /** When this build cannot carry the step out itself: what the operator must do instead. */
    default Optional<String> needsOperator(PlanStep step, CheckContext ctx) {
        return Optional.empty();
    }
}
