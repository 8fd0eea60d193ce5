package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;

/** An action kind this build has no executor for: the step is left to the operator rather than guessed at. */
final class UnknownKind implements ByHandOnly {
    private final String kind;

    UnknownKind(String kind) {
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String instruction(PlanStep step) {
        return "this build cannot carry out " + kind + " steps; do it as the runbook says: " + step.postCondition();
    }
}
