package dev.apimupgrade.execute;

import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DbKind;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * RunSqlScript, sent by the step's datasource to the executor of its product: PostgreSQL (one transaction per script),
 * MariaDB/MySQL (each DDL statement behind a metadata check, row changes in one transaction after their export) or H2
 * (a file snapshot); any other database, and a script this build has no export or checks for, is left to the
 * operator, who runs it as the runbook shows.
 */
final class RunSqlScriptExecutor implements StepExecutor {
    private final H2ScriptExecutor h2 = new H2ScriptExecutor();
    private final PostgresScriptExecutor postgres;
    private final MariaDbScriptExecutor mariadb;

    RunSqlScriptExecutor() {
        this(new PostgresScriptExecutor(), new MariaDbScriptExecutor());
    }

    RunSqlScriptExecutor(PostgresScriptExecutor postgres) {
        this(postgres, new MariaDbScriptExecutor());
    }

    RunSqlScriptExecutor(MariaDbScriptExecutor mariadb) {
        this(new PostgresScriptExecutor(), mariadb);
    }

    RunSqlScriptExecutor(PostgresScriptExecutor postgres, MariaDbScriptExecutor mariadb) {
        this.postgres = postgres;
        this.mariadb = mariadb;
    }

    @Override
    public String kind() {
        return "RunSqlScript";
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, StepContext ctx) {
        Optional<DatasourceSpec> my = mariaDbSpec(step, ctx);
        if (my.isPresent()) {
            String byHand = "run the " + step.params().get("script") + " script (mysql) on the " + step.target()
                    + " database as the runbook shows";
            if (my.get().problem().isPresent()) {
                return Optional.of(byHand + "; the tool cannot open it: " + my.get().problem().get());
            }
            if (!MariaDbScriptExecutor.handles(step.params().get("script"))) {
                return Optional.of(byHand + "; on MariaDB/MySQL this build runs only "
                        + String.join(", ", MariaDbScriptExecutor.purposes()));
            }
            return Optional.empty();
        }
        Optional<DatasourceSpec> pg = postgresSpec(step, ctx);
        if (pg.isEmpty()) {
            return h2.needsOperator(step, ctx);
        }
        String byHand = "run the " + step.params().get("script") + " script ("
                + step.params().getOrDefault(Planner.DIALECT_FOLDER, "postgres") + ") on the " + step.target()
                + " database as the runbook shows";
        if (pg.get().problem().isPresent()) {
            return Optional.of(byHand + "; the tool cannot open it: " + pg.get().problem().get());
        }
        if (!PostgresScriptExecutor.handles(step.params().get("script"))) {
            return Optional.of(byHand + "; on PostgreSQL this build runs only "
                    + String.join(", ", PostgresScriptExecutor.purposes()));
        }
        return Optional.empty();
    }

    @Override
    public boolean done(PlanStep step, StepContext ctx) throws IOException {
        Optional<DatasourceSpec> my = mariaDbSpec(step, ctx);
        if (my.isPresent()) {
            return mariadb.done(step, ctx, my.get());
        }
        Optional<DatasourceSpec> pg = postgresSpec(step, ctx);
        return pg.isPresent() ? postgres.done(step, ctx, pg.get()) : h2.done(step, ctx);
    }

    @Override
    public Optional<String> refusal(PlanStep step, StepContext ctx) throws IOException {
        Optional<DatasourceSpec> my = mariaDbSpec(step, ctx);
        return my.isPresent() ? mariadb.refusal(step, ctx, my.get()) : Optional.empty();
    }

    @Override
    public boolean holdsAfterApply(PlanStep step, StepContext ctx) throws IOException {
        return postgresSpec(step, ctx).isPresent() || mariaDbSpec(step, ctx).isPresent() ? done(step, ctx) : h2.holdsAfterApply(step, ctx);
    }

    @Override
    public List<String> preview(PlanStep step, StepContext ctx) throws IOException {
        Optional<DatasourceSpec> my = mariaDbSpec(step, ctx);
        if (my.isPresent()) {
            return mariadb.preview(step, ctx, my.get());
        }
        Optional<DatasourceSpec> pg = postgresSpec(step, ctx);
        return pg.isPresent() ? postgres.preview(step, ctx, pg.get()) : h2.preview(step, ctx);
    }

    @Override
    public void apply(PlanStep step, StepContext ctx) throws IOException {
        Optional<DatasourceSpec> my = mariaDbSpec(step, ctx);
        if (my.isPresent()) {
            mariadb.apply(step, ctx, my.get());
            return;
        }
        Optional<DatasourceSpec> pg = postgresSpec(step, ctx);
        if (pg.isPresent()) {
            postgres.apply(step, ctx, pg.get());
        } else {
            h2.apply(step, ctx);
        }
    }

    /** A jdbc:mariadb: or jdbc:mysql: datasource: both speak MySQL's SQL, which the mysql scripts are written in. */
    private static Optional<DatasourceSpec> mariaDbSpec(PlanStep step, StepContext ctx) {
        return ctx.datasources() == null ? Optional.empty() : ctx.datasources().all().stream()
                .filter(d -> d.name().equals(step.target())
                        && (d.kind().orElse(null) == DbKind.MARIADB || d.kind().orElse(null) == DbKind.MYSQL))
                .findFirst();
    }

    private static Optional<DatasourceSpec> postgresSpec(PlanStep step, StepContext ctx) {
        return ctx.datasources() == null ? Optional.empty() : ctx.datasources().all().stream()
                .filter(d -> d.name().equals(step.target()) && d.kind().orElse(null) == DbKind.POSTGRESQL)
                .findFirst();
    }
}
