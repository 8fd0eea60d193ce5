package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import java.util.List;
import java.util.Optional;

/** An action kind this build has no executor for: the step is left to the operator rather than guessed at. */
final class UnknownKind implements StepExecutor {
    private final String kind;

    UnknownKind(String kind) {
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, StepContext ctx) {
        return Optional.of("this build cannot carry out " + kind + " steps; do it as the runbook says: "
                + step.postCondition());
    }

    @Override
    public boolean done(PlanStep step, StepContext ctx) {
        return false;
    }

    @Override
    public List<String> preview(PlanStep step, StepContext ctx) {
        return List.of("by hand: " + needsOperator(step, ctx).orElseThrow());
    }

    @Override
    public void apply(PlanStep step, StepContext ctx) {
        throw new IllegalStateException("no executor for " + kind);
    }
}
