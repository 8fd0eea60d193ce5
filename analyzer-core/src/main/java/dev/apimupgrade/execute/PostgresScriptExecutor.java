package dev.apimupgrade.execute;

import dev.apimupgrade.plan.Dialect;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.db.DatasourceSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * RunSqlScript on PostgreSQL: in one transaction, first exports what the script deletes or changes (rows, or the
 * altered tables' definitions) into the run folder's exports/, journaled with their SHA-256, then runs every
 * statement and commits; any error rolls the whole script back, so a failed step leaves the database as it was.
 * A script whose post-condition already holds is skipped, so a rerun after a commit changes nothing.
 */
final class PostgresScriptExecutor {
    private final BiFunction<String, Map<String, String>, List<SqlStatement>> script;

    PostgresScriptExecutor() {
        this((purpose, ids) -> SqlScripts.statements(purpose, Dialect.POSTGRESQL, ids));
    }

    /** Tests hand in their own statements (one of them failing) in place of the shipped script. */
    PostgresScriptExecutor(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        this.script = script;
    }

    static boolean handles(String purpose) {
        return PostgresScriptEffects.of(purpose).isPresent();
    }

    boolean done(PlanStep step, DatasourceSpec spec) throws IOException {
        PostgresScriptEffects.Effect effect = effect(step);
        try (Connection c = connect(spec); Statement st = c.createStatement();
             ResultSet r = st.executeQuery(effect.remaining())) {
            return r.next() && r.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IOException("cannot check the post-condition of " + step.params().get("script") + " on "
                    + spec.target() + " (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    List<String> preview(PlanStep step, StepContext ctx, DatasourceSpec spec) {
        List<String> lines = new ArrayList<>();
        effect(step).exports().forEach(x -> lines.add("export to " + exportPath(step, x) + ": " + x.query()));
        lines.add("then run on " + spec.target() + " in one transaction:");
        script.apply(step.params().get("script"), ScriptIdentifiers.of(step, ctx.facts()))
                .forEach(s -> lines.add(s.toString().replace('\n', ' ')));
        return lines;
    }

    void apply(PlanStep step, StepContext ctx, DatasourceSpec spec) throws IOException {
        List<SqlStatement> statements = script.apply(step.params().get("script"),
                ScriptIdentifiers.of(step, ctx.facts()));
        try (Connection c = connect(spec)) {
            c.setAutoCommit(false);
            try {
                for (PostgresScriptEffects.Export x : effect(step).exports()) {
                    RowExport.write(c, step, x, ctx);
                }
                run(c, statements);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("PostgreSQL database " + spec.target() + " as " + spec.user() + " (SQL state "
                    + e.getSQLState() + "): " + e.getMessage() + "; nothing was changed", e);
        }
    }

    private static void run(Connection c, List<SqlStatement> statements) throws IOException, SQLException {
        try (Statement st = c.createStatement()) {
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    c.rollback();
                    throw new IOException(s.file() + ":" + s.line() + " failed (SQL state " + e.getSQLState()
                            + "): " + e.getMessage() + "; the whole script was rolled back, nothing was changed", e);
                }
            }
        }
    }

    static String exportPath(PlanStep step, PostgresScriptEffects.Export x) {
        return "exports/" + step.id().replaceAll("[^A-Za-z0-9._-]", "_") + "/" + x.file();
    }

    private static PostgresScriptEffects.Effect effect(PlanStep step) {
        return PostgresScriptEffects.of(step.params().get("script")).orElseThrow();
    }

    private static Connection connect(DatasourceSpec spec) throws SQLException {
        return DriverManager.getConnection(spec.connectUrl(), spec.user(),
                spec.password() == null ? "" : spec.password());
    }
}
