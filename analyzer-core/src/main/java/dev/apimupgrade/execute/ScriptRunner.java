package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.scan.db.DatasourceSpec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a database product must provide for migrate to run RunSqlScript steps on it: the {@link StepExecutor} contract
 * on the step's datasource. {@link RunSqlScriptExecutor} picks the runner by the datasource's {@link DatabaseProduct};
 * a product without one is left to the operator. Adding a product is one runner and one constant (docs/adr/0019-typed-action-and-database-vocabulary.md).
 */
interface ScriptRunner {
    /** The products this runner runs scripts on. */
    Set<DatabaseProduct> products();

    /** When this build cannot run the step's script on this datasource: what the operator must do instead. */
    Optional<String> needsOperator(PlanStep step, CheckContext ctx, DatasourceSpec spec);

    boolean done(PlanStep step, CheckContext ctx, DatasourceSpec spec) throws IOException;

    List<String> preview(PlanStep step, CheckContext ctx, DatasourceSpec spec) throws IOException;

    void apply(PlanStep step, ApplyContext ctx, DatasourceSpec spec) throws IOException;

    default boolean holdsAfterApply(PlanStep step, ApplyContext ctx, DatasourceSpec spec) throws IOException {
        return done(step, ctx.check(), spec);
    }

    default Optional<String> refusal(PlanStep step, CheckContext ctx, DatasourceSpec spec) throws IOException {
        return Optional.empty();
    }

    /** "run the &lt;script&gt; script (&lt;folder&gt;) on the &lt;target&gt; database as the runbook shows". */
    static String byHand(PlanStep step, String folder) {
        return "run the " + step.params().get("script") + " script ("
                + step.params().getOrDefault(Planner.DIALECT_FOLDER, folder) + ") on the " + step.target()
                + " database as the runbook shows";
    }

    /**
     * The common reasons a server runner leaves a step to the operator: the tool cannot open the database, or this
     * build has no export and post-condition for the script on this product.
     */
    static Optional<String> cannotRun(
            PlanStep step, DatasourceSpec spec, String folder, String product, boolean handles, List<String> purposes) {
        if (spec.problem().isPresent()) {
            return Optional.of(byHand(step, folder) + "; the tool cannot open it: "
                    + spec.problem().get());
        }
        if (!handles) {
            return Optional.of(
                    byHand(step, folder) + "; on " + product + " this build runs only " + String.join(", ", purposes));
        }
        return Optional.empty();
    }
}
