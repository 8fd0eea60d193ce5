package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import java.util.List;
import java.util.Optional;

/**
 * ManualStep: what only the operator can do (start the server with a migration flag, run ciphertool, ...). The run
 * stops here with the exact instruction until the operator confirms the step ({@code --confirm <step id>}).
 */
final class ManualStepExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "ManualStep";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, StepContext ctx) {
        String what = step.params().getOrDefault("step", step.target());
        String command = step.params().get("command");
        return Optional.of(what + (command == null ? "" : "; command: " + command));
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
        throw new IllegalStateException("a manual step is done by the operator, never applied by the tool");
    }
}
