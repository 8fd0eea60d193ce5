package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * AdaptSqlStatement: the planner already put the real constraint name ({@code actualName}) into the script step's
 * identifiers, so this step runs nothing of its own. What it checks: before the script, that the database still has a
 * constraint by that name on the step's datasource (else the adapted DROP would fail half-way through the script);
 * after it, "done" is that a script step on the same datasource completed having dropped exactly that name (its
 * journalled identifiers say so), or, on a rerun, that it completed and the fresh scan no longer shows the name.
 */
final class AdaptSqlStatementExecutor implements StepExecutor {
    @Override
    public String kind() {
        return "AdaptSqlStatement";
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx) {
        String name = step.param("actualName");
        Journal journal =
                ctx.requireRun("the script steps' journalled identifiers").journal();
        boolean droppedByTheScript = journal.records().stream()
                .anyMatch(r -> r instanceof JournalRecord.Snapshot s
                        && journal.completed(s.step())
                        && name.equals(s.identifierMap().get(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT)));
        boolean scriptCompleted = journal.records().stream()
                .anyMatch(r -> r instanceof JournalRecord.Intent i
                        && i.scriptDatabase().equals(Optional.of(step.target()))
                        && journal.completed(i.step()));
        return droppedByTheScript || scriptCompleted && !constraintPresent(step, ctx);
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) {
        return List.of("the " + step.params().get("script") + " script on " + step.target() + " drops "
                + step.params().get("actualName") + " (carried by that script's step)");
    }

    /** Nothing to change: the check is that the name the script will drop is really there. */
    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        if (!constraintPresent(step, ctx.check())) {
            throw new IOException("the plan adapts the " + step.params().get("script") + " script to drop "
                    + step.params().get("actualName") + " on " + step.target() + ", but the database has no"
                    + " constraint by that name any more; make a new plan");
        }
    }

    @Override
    public boolean holdsAfterApply(PlanStep step, ApplyContext ctx) {
        return constraintPresent(step, ctx.check());
    }

    private static boolean constraintPresent(PlanStep step, CheckContext ctx) {
        String name = step.param("actualName");
        return ctx.facts().ofType(DbConstraint.class).stream()
                .anyMatch(c -> c.datasource().equals(step.target()) && c.name().equalsIgnoreCase(name));
    }
}
