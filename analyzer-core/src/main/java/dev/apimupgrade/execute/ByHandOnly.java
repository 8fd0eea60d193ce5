package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import java.util.List;
import java.util.Optional;

/**
 * A step only the operator does: never done by the tool (the journal's confirmation is what completes it), previewed
 * as "by hand: " and the instruction, and never applied. Implementations say only what the instruction is.
 */
interface ByHandOnly extends StepExecutor {
    /** The instruction for the operator; never empty. */
    String instruction(PlanStep step);

    @Override
    default Optional<String> needsOperator(PlanStep step, CheckContext ctx) {
        return Optional.of(instruction(step));
    }

    @Override
    default boolean done(PlanStep step, CheckContext ctx) {
        return false;
    }

    @Override
    default List<String> preview(PlanStep step, CheckContext ctx) {
        return List.of("by hand: " + instruction(step));
    }

    @Override
    default void apply(PlanStep step, ApplyContext ctx) {
        throw new IllegalStateException(
                kind() + " " + step.id() + " is done by the operator, never applied by the tool");
    }
}
