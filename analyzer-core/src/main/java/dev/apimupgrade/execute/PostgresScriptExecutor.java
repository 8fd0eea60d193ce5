package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.db.DatasourceSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * RunSqlScript on PostgreSQL: in one transaction, first exports what the script deletes or changes (rows, or the
 * altered tables' definitions) into the run folder's exports/, journaled with their SHA-256, then runs every
 * statement and commits; any error rolls the whole script back, so a failed step leaves the database as it was.
 * A script whose post-condition already holds is skipped, so a rerun after a commit changes nothing.
 */
final class PostgresScriptExecutor implements ScriptRunner {
    private final BiFunction<String, Map<String, String>, List<SqlStatement>> script;

    PostgresScriptExecutor() {
        this((purpose, ids) -> SqlScripts.statements(purpose, DatabaseProduct.POSTGRESQL, ids));
    }

    /** Tests hand in their own statements (one of them failing) in place of the shipped script. */
    PostgresScriptExecutor(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        this.script = script;
    }

    @Override
    public Set<DatabaseProduct> products() {
        return Set.of(DatabaseProduct.POSTGRESQL);
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, CheckContext ctx, DatasourceSpec spec) {
        return ScriptRunner.cannotRun(step, spec, "postgres", "PostgreSQL", handles(step.param("script")), purposes());
    }

    static boolean handles(String purpose) {
        return ScriptEffects.of(purpose, DatabaseProduct.POSTGRESQL).isPresent();
    }

    static List<String> purposes() {
        return ScriptEffects.purposes(DatabaseProduct.POSTGRESQL);
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx, DatasourceSpec spec) throws IOException {
        if (ScriptEffects.settledByJournal(effect(step), step, ctx)) {
            return true;
        }
        try (Connection c = connect(spec)) {
            return ScriptTransaction.nothingRemains(c, effect(step).remaining().orElseThrow());
        } catch (SQLException e) {
            throw new IOException(
                    "cannot check the post-condition of " + step.param("script") + " on " + spec.target()
                            + " (SQL state " + e.getSQLState() + "): " + e.getMessage(),
                    e);
        }
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx, DatasourceSpec spec) {
        List<String> lines = new ArrayList<>();
        effect(step).exports().forEach(x -> lines.add("export to " + RowExport.path(step, x) + ": " + x.query()));
        lines.add("then run on " + spec.target() + " in one transaction:");
        script.apply(step.param("script"), ScriptIdentifiers.of(step, ctx.facts()))
                .forEach(s -> lines.add(s.toString().replace('\n', ' ')));
        return lines;
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx, DatasourceSpec spec) throws IOException {
        List<SqlStatement> statements = script.apply(step.param("script"), ScriptIdentifiers.of(step, ctx.facts()));
        try (Connection c = connect(spec)) {
            ScriptTransaction.run(c, step, ctx, effect(step).exports(), statements);
        } catch (SQLException e) {
            throw new IOException(
                    "PostgreSQL database " + spec.target() + " as " + spec.user() + " (SQL state " + e.getSQLState()
                            + "): " + e.getMessage() + "; nothing was changed",
                    e);
        }
    }

    private static ScriptEffects.Effect effect(PlanStep step) {
        return ScriptEffects.of(step.param("script"), DatabaseProduct.POSTGRESQL)
                .orElseThrow();
    }

    private static Connection connect(DatasourceSpec spec) throws SQLException {
        return DriverManager.getConnection(
                spec.connectUrl(), spec.user(), spec.password() == null ? "" : spec.password());
    }
}
