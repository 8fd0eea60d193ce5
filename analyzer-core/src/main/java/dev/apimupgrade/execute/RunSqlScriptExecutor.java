package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import java.util.List;
import java.util.Optional;

/** RunSqlScript: in this build the operator runs the shipped script on the named datasource (shown in the runbook). */
final class RunSqlScriptExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "RunSqlScript";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, StepContext ctx) {
        return Optional.of("run the " + step.params().get("script") + " script ("
                + step.params().getOrDefault("dialectFolder", "its dialect") + ") on the " + step.target()
                + " database as the runbook shows; this build does not run it itself");
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
        throw new IllegalStateException("this build leaves " + step.id() + " to the operator");
    }
}
