package dev.apimupgrade.execute;

import dev.apimupgrade.plan.Dialect;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.db.DatasourceSpec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RunSqlScript on MariaDB/MySQL, which commit DDL at once. A script of DDL runs statement by statement, each behind
 * a metadata check read from sql/guard/mysql (CREATE TABLE only when the table is absent, ADD column only when the
 * column is absent, DROP INDEX only when the index is there...), so a run stopped half-way and run again never
 * repeats a statement, and a second run changes nothing. A script that deletes or changes rows first exports them
 * (sql/export/&lt;purpose&gt;/mysql) and runs in one InnoDB transaction, rolled back whole on an error.
 */
final class MariaDbScriptExecutor {
    /** The purposes this build runs on MariaDB/MySQL, with the exports taken before each. */
    private static final Map<String, List<String>> EXPORTS = Map.of(
            SqlScripts.AM_UPGRADE, List.of("table-definitions", "table-indexes"),
            SqlScripts.SCOPE_BINDING_CLEANUP, List.of("IDN_OAUTH2_SCOPE_BINDING"));

    private static final String NAME = "`?([A-Za-z0-9_$]+)`?";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + NAME + ".*");
    private static final Pattern ALTER = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+" + NAME + "\\s+(.*)$");
    private static final Pattern ADD_INDEX = Pattern.compile("(?is)^ADD\\s+(?:UNIQUE\\s+)?(?:INDEX|KEY)\\s+" + NAME
            + "\\s*\\(.*");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("(?is)^ADD\\s+CONSTRAINT\\s+" + NAME + "\\s.*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^DROP\\s+(?:INDEX|KEY)\\s+" + NAME + "\\s*$");
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("(?is)^DROP\\s+(?:CONSTRAINT|FOREIGN\\s+KEY)\\s+"
            + NAME + "\\s*$");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)^ADD\\s+(?:COLUMN\\s+)?" + NAME + "\\s.*");
    private static final Pattern DML = Pattern.compile("(?is)^\\s*(DELETE|UPDATE|INSERT)\\s.*");

    private final BiFunction<String, Map<String, String>, List<SqlStatement>> script;

    MariaDbScriptExecutor() {
        this((purpose, ids) -> SqlScripts.statements(purpose, Dialect.MYSQL, ids));
    }

    /** Tests hand in their own statements (one of them failing) in place of the shipped script. */
    MariaDbScriptExecutor(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        this.script = script;
    }

    static boolean handles(String purpose) {
        return EXPORTS.containsKey(purpose);
    }

    static List<String> purposes() {
        return EXPORTS.keySet().stream().sorted().toList();
    }

    /** How the statement is checked before it runs: the guard query and its arguments, and whether a hit means skip. */
    record Guard(String query, List<String> args, boolean skipWhenFound) {
    }

    /**
     * The metadata check of one DDL statement; empty for DML (which the transaction protects). A DDL statement
     * without a known check cannot be made safe to repeat, so it is refused before anything runs.
     */
    static Optional<Guard> guard(SqlStatement s) {
        Matcher m = CREATE_TABLE.matcher(s.sql());
        if (m.matches()) {
            return Optional.of(new Guard("table_exists", List.of(m.group(1)), true));
        }
        if (DML.matcher(s.sql()).matches()) {
            return Optional.empty();
        }
        m = ALTER.matcher(s.sql());
        if (m.matches()) {
            String table = m.group(1);
            String action = m.group(2).strip();
            Matcher a;
            if ((a = ADD_INDEX.matcher(action)).matches()) {
                return Optional.of(new Guard("index_exists", List.of(table, a.group(1)), true));
            }
            if ((a = ADD_CONSTRAINT.matcher(action)).matches()) {
                return Optional.of(new Guard("constraint_exists", List.of(table, a.group(1)), true));
            }
            if ((a = DROP_INDEX.matcher(action)).matches()) {
                return Optional.of(new Guard("index_exists", List.of(table, a.group(1)), false));
            }
            if ((a = DROP_CONSTRAINT.matcher(action)).matches()) {
                return Optional.of(new Guard("constraint_exists", List.of(table, a.group(1)), false));
            }
            if ((a = ADD_COLUMN.matcher(action)).matches()
                    && !List.of("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "INDEX", "KEY", "CONSTRAINT")
                    .contains(a.group(1).toUpperCase(Locale.ROOT))) {
                return Optional.of(new Guard("column_exists", List.of(table, a.group(1)), true));
            }
        }
        throw new IllegalStateException(s.file() + ":" + s.line() + ": no metadata check makes this statement safe to"
                + " repeat on MariaDB/MySQL: " + s.sql().lines().findFirst().orElse(""));
    }

    private static boolean isDdl(List<SqlStatement> statements) {
        return statements.stream().noneMatch(s -> DML.matcher(s.sql()).matches());
    }

    private List<SqlStatement> statements(PlanStep step, StepContext ctx) {
        return script.apply(step.params().get("script"), ScriptIdentifiers.of(step, ctx.facts()));
    }

    boolean done(PlanStep step, StepContext ctx, DatasourceSpec spec) throws IOException {
        List<SqlStatement> statements = statements(step, ctx);
        try (Connection c = connect(spec)) {
            if (isDdl(statements)) {
                for (SqlStatement s : statements) {
                    if (needed(c, guard(s).orElseThrow())) {
                        return false;
                    }
                }
                return true;
            }
            try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(query(step, "remaining"))) {
                return r.next() && r.getLong(1) == 0;
            }
        } catch (SQLException e) {
            throw new IOException("cannot check the post-condition of " + step.params().get("script") + " on "
                    + spec.target() + " (SQL state " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    List<String> preview(PlanStep step, StepContext ctx, DatasourceSpec spec) {
        List<String> lines = new ArrayList<>();
        exports(step).forEach(x -> lines.add("export to " + PostgresScriptExecutor.exportPath(step, x) + ": "
                + x.query()));
        List<SqlStatement> statements = statements(step, ctx);
        lines.add(isDdl(statements) ? "then run on " + spec.target() + " each statement whose metadata check says it"
                + " has not run yet:" : "then run on " + spec.target() + " in one transaction:");
        statements.forEach(s -> lines.add(s.toString().replace('\n', ' ')));
        return lines;
    }

    void apply(PlanStep step, StepContext ctx, DatasourceSpec spec) throws IOException {
        List<SqlStatement> statements = statements(step, ctx);
        boolean ddl = isDdl(statements);
        if (ddl) {
            statements.forEach(MariaDbScriptExecutor::guard); // refuses an unguardable statement before any runs
        }
        try (Connection c = connect(spec)) {
            if (ddl) {
                // a rerun after a half-done attempt keeps the first export: it shows the table before any change
                boolean exported = ctx.journal().records().stream()
                        .anyMatch(r -> r.type().equals("export") && step.id().equals(r.step()));
                for (PostgresScriptEffects.Export x : exported ? List.<PostgresScriptEffects.Export>of() : exports(step)) {
                    RowExport.write(c, step, x, ctx);
                }
                runGuarded(c, step, statements, ctx);
                return;
            }
            c.setAutoCommit(false);
            try {
                for (PostgresScriptEffects.Export x : exports(step)) {
                    RowExport.write(c, step, x, ctx);
                }
                try (Statement st = c.createStatement()) {
                    for (SqlStatement s : statements) {
                        try {
                            st.execute(s.sql());
                        } catch (SQLException e) {
                            throw new IOException(s.file() + ":" + s.line() + " failed (SQL state " + e.getSQLState()
                                    + "): " + e.getMessage() + "; the whole script was rolled back, nothing was"
                                    + " changed", e);
                        }
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("MariaDB/MySQL database " + spec.target() + " as " + spec.user() + " (SQL state "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    private static void runGuarded(Connection c, PlanStep step, List<SqlStatement> statements, StepContext ctx)
            throws IOException, SQLException {
        int done = 0;
        try (Statement st = c.createStatement()) {
            for (SqlStatement s : statements) {
                Guard g = guard(s).orElseThrow();
                if (needed(c, g)) {
                    try {
                        st.execute(s.sql());
                    } catch (SQLException e) {
                        throw new IOException(s.file() + ":" + s.line() + " failed (SQL state " + e.getSQLState()
                                + "): " + e.getMessage() + "; the statements before it are committed (MariaDB/MySQL"
                                + " commit DDL at once) and a rerun skips them by their metadata checks", e);
                    }
                    ctx.journal().append(JournalRecord.note("statement-ran", step.id() + " " + s.file() + ":"
                            + s.line()));
                } else {
                    ctx.journal().append(JournalRecord.note("statement-skipped", step.id() + " " + s.file() + ":"
                            + s.line() + " (" + g.query() + " says it has run)"));
                }
                ctx.progress().update(step.id(), ++done, statements.size(), "statements");
            }
        } finally {
            ctx.progress().finish(step.id());
        }
    }

    /** Whether the statement behind this guard still has to run. */
    private static boolean needed(Connection c, Guard g) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlScripts.read("sql/guard/mysql/" + g.query() + ".sql"))) {
            for (int i = 0; i < g.args().size(); i++) {
                ps.setString(i + 1, g.args().get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                boolean found = r.next() && r.getLong(1) > 0;
                return found != g.skipWhenFound();
            }
        }
    }

    private static List<PostgresScriptEffects.Export> exports(PlanStep step) {
        return EXPORTS.get(step.params().get("script")).stream()
                .map(n -> new PostgresScriptEffects.Export(n + ".jsonl", query(step, n))).toList();
    }

    private static String query(PlanStep step, String name) {
        return PostgresScriptEffects.query(step.params().get("script"), "mysql", name);
    }

    private static Connection connect(DatasourceSpec spec) throws SQLException {
        String url = spec.connectUrl();
        if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            url += (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return DriverManager.getConnection(url, spec.user(), spec.password() == null ? "" : spec.password());
    }
}
