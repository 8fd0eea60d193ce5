package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;

/**
 * ManualStep: what only the operator can do (start the server with a migration flag, run ciphertool, ...). The run
 * stops here with the exact instruction until the operator confirms the step ({@code --confirm <step id>}).
 */
final class ManualStepExecutor implements ByHandOnly {
    @Override
    public String kind() {
        return "ManualStep";
    }

    @Override
    public String instruction(PlanStep step) {
        String what = step.params().getOrDefault("step", step.target());
        String command = step.params().get("command");
        return what + (command == null ? "" : "; command: " + command);
    }
}
