package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.db.DatasourceSpec;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RunSqlScript, sent by the product of the step's datasource to its {@link ScriptRunner}: PostgreSQL (one transaction
 * per script), MariaDB/MySQL (each DDL statement behind a metadata check, row changes in one transaction after their
 * export) or H2 (a file snapshot). Any other database, and a script a runner has no export or checks for, is left to
 * the operator, who runs it as the runbook shows.
 */
final class RunSqlScriptExecutor implements StepExecutor {
    private final Map<DatabaseProduct, ScriptRunner> runners = new EnumMap<>(DatabaseProduct.class);

    /** The shipped runners; tests hand in runners of their own (with a failing statement), replacing those. */
    RunSqlScriptExecutor(ScriptRunner... replacing) {
        for (ScriptRunner r :
                List.of(new H2ScriptExecutor(), new PostgresScriptExecutor(), new MariaDbScriptExecutor())) {
            r.products().forEach(p -> runners.put(p, r));
        }
        for (ScriptRunner r : replacing) {
            r.products().forEach(p -> runners.put(p, r));
        }
    }

    @Override
    public String kind() {
        return "RunSqlScript";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, CheckContext ctx) {
        Optional<DatasourceSpec> spec = spec(step, ctx);
        if (spec.isEmpty() || runner(spec.get()).isEmpty()) {
            return Optional.of(ScriptRunner.byHand(step, "its dialect")
                    + "; this build runs scripts on H2, PostgreSQL and MariaDB/MySQL only");
        }
        return runner(spec.get()).orElseThrow().needsOperator(step, ctx, spec.get());
    }

    /** A script left to the operator (no runner for its product) is done once the journal records it confirmed. */
    @Override
    public boolean done(PlanStep step, CheckContext ctx) throws IOException {
        Optional<DatasourceSpec> spec = spec(step, ctx);
        Optional<ScriptRunner> runner = spec.flatMap(this::runner);
        if (runner.isEmpty()) {
            return ctx.completed(step.id());
        }
        return runner.get().done(step, ctx, spec.get());
    }

    @Override
    public Optional<String> refusal(PlanStep step, CheckContext ctx) throws IOException {
        DatasourceSpec spec = spec(step, ctx).orElseThrow();
        return runnerOf(spec).refusal(step, ctx, spec);
    }

    @Override
    public boolean holdsAfterApply(PlanStep step, ApplyContext ctx) throws IOException {
        DatasourceSpec spec = spec(step, ctx.check()).orElseThrow();
        return runnerOf(spec).holdsAfterApply(step, ctx, spec);
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx) throws IOException {
        DatasourceSpec spec = spec(step, ctx).orElseThrow();
        return runnerOf(spec).preview(step, ctx, spec);
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx) throws IOException {
        DatasourceSpec spec = spec(step, ctx.check()).orElseThrow();
        runnerOf(spec).apply(step, ctx, spec);
    }

    private Optional<ScriptRunner> runner(DatasourceSpec spec) {
        return spec.kind().map(runners::get);
    }

    /** Only reached for a step needsOperator left to the tool, so a runner exists. */
    private ScriptRunner runnerOf(DatasourceSpec spec) {
        return runner(spec).orElseThrow(() -> new IllegalStateException("no script runner for " + spec.target()));
    }

    private static Optional<DatasourceSpec> spec(PlanStep step, CheckContext ctx) {
        return ctx.datasources() == null
                ? Optional.empty()
                : ctx.datasources().all().stream()
                        .filter(d -> d.name().equals(step.target()))
                        .findFirst();
    }
}
