package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DbColumnCharset;
import dev.apimupgrade.fact.DbIndexLimit;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.rule.KeyFit;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.KeyStorage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RunSqlScript on MariaDB/MySQL, which commit DDL at once. A script of DDL runs statement by statement, each behind
 * its metadata check ({@link MariaDbGuards}), so a run stopped half-way and run again never repeats a statement, and a
 * second run changes nothing; the altered tables' definitions are exported once, before the first attempt. A script
 * that deletes or changes rows first exports them (sql/export/&lt;purpose&gt;/mysql) and runs in one InnoDB
 * transaction, rolled back whole on an error, and is done when its remaining.sql count is zero. A script that mixes
 * the two cannot be made safe either way and is refused before anything runs.
 */
final class MariaDbScriptExecutor implements ScriptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbScriptExecutor.class);

    /** The journal note of each DDL statement run (committed at once): rollback names those it cannot undo. */
    private final BiFunction<String, Map<String, String>, List<SqlStatement>> script;

    MariaDbScriptExecutor() {
        this((purpose, ids) -> SqlScripts.statements(purpose, DatabaseProduct.MYSQL, ids));
    }

    /** Tests hand in their own statements (one of them failing) in place of the shipped script. */
    MariaDbScriptExecutor(BiFunction<String, Map<String, String>, List<SqlStatement>> script) {
        this.script = script;
    }

    /** Both speak MySQL's SQL, which the mysql scripts are written in. */
    @Override
    public Set<DatabaseProduct> products() {
        return Set.of(DatabaseProduct.MARIADB, DatabaseProduct.MYSQL);
    }

    @Override
    public Optional<String> needsOperator(PlanStep step, CheckContext ctx, DatasourceSpec spec) {
        return ScriptRunner.cannotRun(step, spec, "mysql", "MariaDB/MySQL", handles(step.param("script")), purposes());
    }

    static boolean handles(String purpose) {
        return ScriptEffects.of(purpose, DatabaseProduct.MYSQL).isPresent();
    }

    static List<String> purposes() {
        return ScriptEffects.purposes(DatabaseProduct.MYSQL);
    }

    /** Whether the script is DDL run behind guards (true) or row changes in one transaction (false). */
    private static boolean isDdl(List<SqlStatement> statements) {
        boolean rows = statements.stream().anyMatch(MariaDbGuards::inTransaction);
        if (rows && !statements.stream().allMatch(MariaDbGuards::inTransaction)) {
            SqlStatement first = statements.get(0);
            throw new IllegalStateException(first.file() + " mixes DDL, which MariaDB/MySQL commit at once, with row"
                    + " changes: it can run neither in one transaction nor statement by statement behind checks");
        }
        if (!rows) {
            statements.forEach(s -> MariaDbGuards.of(s, statements)); // refuses an unguardable one before any runs
        }
        return !rows;
    }

    private List<SqlStatement> statements(PlanStep step, CheckContext ctx) {
        return script.apply(step.param("script"), ScriptIdentifiers.of(step, ctx.facts()));
    }

    @Override
    public boolean done(PlanStep step, CheckContext ctx, DatasourceSpec spec) throws IOException {
        if (ScriptEffects.settledByJournal(effect(step), step, ctx)) {
            return true;
        }
        List<SqlStatement> statements = statements(step, ctx);
        boolean ddl = isDdl(statements);
        try (Connection c = connect(spec)) {
            if (!ddl) {
                return ScriptTransaction.nothingRemains(c, remaining(step));
            }
            for (SqlStatement s : statements) {
                if (MariaDbGuards.needed(c, MariaDbGuards.of(s, statements))) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IOException(
                    "cannot check the post-condition of " + step.param("script") + " on " + spec.target()
                            + " (SQL state " + e.getSQLState() + "): " + e.getMessage(),
                    e);
        }
    }

    /**
     * A DDL script whose ADD PRIMARY KEY still has to run and whose key the server cannot hold (too many bytes for an
     * index, ANA-PK-KEY-LENGTH) is refused before its first statement: the DROP PRIMARY KEY before it would commit and
     * the ADD fail, leaving the table without a key.
     */
    @Override
    public Optional<String> refusal(PlanStep step, CheckContext ctx, DatasourceSpec spec) throws IOException {
        List<SqlStatement> statements = statements(step, ctx);
        if (!isDdl(statements)) {
            return Optional.empty();
        }
        try (Connection c = connect(spec)) {
            for (SqlStatement s : statements) {
                MariaDbGuards.Guard g = MariaDbGuards.of(s, statements);
                if (!g.query().equals(MariaDbGuards.PRIMARY_KEY_IS) || !MariaDbGuards.needed(c, g)) {
                    continue;
                }
                Optional<KeyStorage.KeyShape> key = KeyStorage.read(
                        c, spec.name(), g.args().get(0), List.of(g.args().get(1).split(",")));
                if (key.isEmpty()) {
                    continue;
                }
                DbIndexLimit limit = key.get().limit();
                List<DbColumnCharset> columns = key.get().columns();
                if (!KeyFit.fits(columns, limit)) {
                    return Optional.of(KeyFit.tooLong(columns, limit) + " (ANA-PK-KEY-LENGTH): " + s.file() + ":"
                            + s.line() + " would fail, and what runs before it on the table (a DROP PRIMARY KEY) would"
                            + " already be committed. Nothing was changed on " + spec.target() + ". Make the key fit,"
                            + " for example with (in strict SQL mode it fails rather than change a value the new"
                            + " columns cannot hold):\n  "
                            + KeyFit.fix(columns, limit).orElseThrow().replace("\n", "\n  ")
                            + "\nthen run migrate again (make a new plan first if migrate"
                            + " says the plan is stale).");
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IOException(
                    "cannot check the key of " + step.param("script") + " on " + spec.target() + " (SQL state "
                            + e.getSQLState() + "): " + e.getMessage(),
                    e);
        }
    }

    @Override
    public List<String> preview(PlanStep step, CheckContext ctx, DatasourceSpec spec) {
        List<String> lines = new ArrayList<>();
        effect(step).exports().forEach(x -> lines.add("export to " + RowExport.path(step, x) + ": " + x.query()));
        List<SqlStatement> statements = statements(step, ctx);
        lines.add(
                isDdl(statements)
                        ? "then run on " + spec.target() + " each statement whose metadata check says it"
                                + " has not run yet:"
                        : "then run on " + spec.target() + " in one transaction:");
        statements.forEach(s -> lines.add(s.toString().replace('\n', ' ')));
        return lines;
    }

    @Override
    public void apply(PlanStep step, ApplyContext ctx, DatasourceSpec spec) throws IOException {
        List<SqlStatement> statements = statements(step, ctx.check());
        boolean ddl = isDdl(statements);
        try (Connection c = connect(spec)) {
            if (!ddl) {
                remaining(step); // a row script without its post-condition query is refused before it runs
                ScriptTransaction.run(c, step, ctx, effect(step).exports(), statements);
                return;
            }
            // a rerun after a half-done attempt keeps the first export: it shows the tables before any change
            boolean exported = ctx.journal().records().stream()
                    .anyMatch(
                            r -> r instanceof JournalRecord.Export e && e.step().equals(step.id()));
            RowExport.writeAll(c, step, exported ? List.of() : effect(step).exports(), ctx);
            runGuarded(c, step, statements, ctx);
        } catch (SQLException e) {
            throw new IOException(
                    "MariaDB/MySQL database " + spec.target() + " as " + spec.user() + " (SQL state " + e.getSQLState()
                            + "): " + e.getMessage(),
                    e);
        }
    }

    private static void runGuarded(Connection c, PlanStep step, List<SqlStatement> statements, ApplyContext ctx)
            throws IOException, SQLException {
        int done = 0;
        int ran = 0;
        try (Statement st = c.createStatement()) {
            for (SqlStatement s : statements) {
                MariaDbGuards.Guard g = MariaDbGuards.of(s, statements);
                if (MariaDbGuards.needed(c, g)) {
                    try {
                        st.execute(s.sql());
                    } catch (SQLException e) {
                        throw new IOException(
                                s.file() + ":" + s.line() + " failed (SQL state " + e.getSQLState()
                                        + "): " + e.getMessage()
                                        + "; the statements before it are committed (MariaDB/MySQL"
                                        + " commit DDL at once) and a rerun skips them by their metadata checks",
                                e);
                    }
                    ran++;
                    ctx.journal()
                            .append(JournalRecord.note(
                                    JournalRecord.Event.STATEMENT_RAN, step.id() + " " + s.file() + ":" + s.line()));
                } else {
                    ctx.journal()
                            .append(JournalRecord.note(
                                    JournalRecord.Event.STATEMENT_SKIPPED,
                                    step.id() + " " + s.file() + ":" + s.line() + " (" + g.query()
                                            + " says it has run)"));
                }
                ctx.progress().update(step.id(), ++done, statements.size(), "statements");
            }
            LOG.debug(
                    "{}: {} of {} statements of {} ran, the others had run (their metadata checks say so)",
                    step.id(),
                    ran,
                    statements.size(),
                    step.param("script"));
        } finally {
            ctx.progress().finish(step.id());
        }
    }

    private static ScriptEffects.Effect effect(PlanStep step) {
        return ScriptEffects.of(step.param("script"), DatabaseProduct.MYSQL).orElseThrow();
    }

    private static String remaining(PlanStep step) {
        return effect(step)
                .remaining()
                .orElseThrow(() -> new IllegalStateException("sql/export/"
                        + step.param("script")
                        + "/mysql has no remaining.sql: a script that changes rows needs the"
                        + " count that says it is done"));
    }

    private static Connection connect(DatasourceSpec spec) throws SQLException {
        String url = spec.connectUrl();
        if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
            url += (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
        return DriverManager.getConnection(url, spec.user(), spec.password() == null ? "" : spec.password());
    }
}
