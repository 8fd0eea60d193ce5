package dev.apimupgrade.execute;

import dev.apimupgrade.plan.PlanStep;
import java.util.List;

/**
 * AdaptSqlStatement: the planner already put the real constraint name into the script step's identifiers, so this
 * step has nothing of its own to run; its post-condition is checked when that script runs.
 */
final class AdaptSqlStatementExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "AdaptSqlStatement";
    }

    @Override
    public boolean done(PlanStep step, StepContext ctx) {
        return true;
    }

    @Override
    public List<String> preview(PlanStep step, StepContext ctx) {
        return List.of("the " + step.params().get("script") + " script on " + step.target() + " drops "
                + step.params().get("actualName") + " (carried by that script's step)");
    }

    @Override
    public void apply(PlanStep step, StepContext ctx) {
        // nothing: see the class comment
    }
}
