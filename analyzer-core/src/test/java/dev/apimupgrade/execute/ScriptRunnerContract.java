package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.testkit.ScratchDatabase;
import dev.apimupgrade.testkit.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ScriptRunner} promises, proven on a real database of each product that has one (one
 * *ScriptRunnerContractTest per product, ADR 0048), loaded with the real 3.0.0 schema: migrate sends the step to the
 * product's runner, each shipped script does what it says after exporting what it deletes, a script done is not run
 * again, a failure names its statement and a rerun ends as one clean run, and rollback brings the rows back. What the
 * products answer differently (what a failure leaves, which rows a collation groups) the subclass states; what only one
 * product does stays in its *ScriptExecutorTest.
 */
abstract class ScriptRunnerContract {
    private static final Fingerprint PRINT = Fingerprint.of(new Facts(List.of()), "rules", "test");
    private static final String BACKUP = "/backups/full-before-the-run";
    private static final String BINDINGS =
            "SELECT COALESCE(SCOPE_BINDING, '<null>') FROM IDN_OAUTH2_SCOPE_BINDING ORDER BY SCOPE_ID";
    private static final String REG_LOG = "SELECT * FROM REG_LOG ORDER BY REG_LOG_ID";
    private static final String SUMMARY = "SELECT * FROM APILASTACCESSSUMMARY ORDER BY APINAME";

    @TempDir
    Path tmp;

    Homes homes;
    RunDirectory run;
    private final List<ScratchDatabase> databases = new ArrayList<>();

    /** The product the contract is proven on. */
    abstract DatabaseProduct product();

    /** An empty throw-away database of the product; an H2 file lies under {@code oldHome}, where migrate backs it up. */
    abstract ScratchDatabase create(Path oldHome) throws SQLException;

    /** The product's file among WSO2's dbscripts: postgresql.sql, mysql.sql, h2.sql. */
    abstract String schemaFile();

    /** The product's runner, running these statements in place of the shipped script's. */
    abstract ScriptRunner runner(BiFunction<String, Map<String, String>, List<SqlStatement>> script);

    /** Whether a script that fails half-way leaves the database as it was (one transaction), not as far as it got. */
    abstract boolean rollsBackAFailedScript();

    /** The REG_LOG ids reg-index keeps of {@link #registryWithLog()}'s: the collation says whether '/A' is '/a'. */
    abstract List<String> regLogKept();

    /** What a migrate run in a new run folder says of a script that a run in another folder completed. */
    abstract String aFreshRunSays(String stepId);

    /**
     * The ${NAME} identifiers the plan reads from the database's metadata for the shipped scripts' placeholders (H2's
     * generated name of AM_SYSTEM_APPS's UNIQUE(NAME)); none by default.
     */
    Map<String, String> identifiers(ScratchDatabase db) throws SQLException {
        return Map.of();
    }

    @BeforeEach
    void homes() throws Exception {
        homes = new Homes(Files.createDirectories(tmp.resolve("old")), Files.createDirectories(tmp.resolve("new")));
        run = new RunDirectory(tmp.resolve("run"));
    }

    @AfterEach
    void dropped() throws Exception {
        Collections.reverse(databases);
        for (ScratchDatabase db : databases) {
            db.close();
        }
    }

    /**
     * A database of the real 3.0.0 schema ("apimgt/" for WSO2AM_DB, "" for the shared registry database, null for none)
     * with these statements run. The schema is looked up first, so an absent one skips before anything is created.
     */
    private ScratchDatabase database(String schema, String... seed) throws Exception {
        String script = schema == null ? null : "apim-3.0.0/dbscripts/" + schema + schemaFile();
        if (script != null) {
            SharedFiles.reference(script);
        }
        ScratchDatabase db = create(homes.oldHome());
        databases.add(db);
        if (script != null) {
            db.load(script);
        }
        db.run(seed);
        return db;
    }

    private ScratchDatabase scopeBindings() throws Exception {
        return database(
                "apimgt/",
                "INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME) VALUES (1, 'a', 'A'), (2, 'b', 'B'),"
                        + " (3, 'c', 'C')",
                "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL), (2, ''),"
                        + " (3, 'admin')");
    }

    /** Ids 2 and 8 differ only in the case of their path, 4 is the newest of /b but of action 7, 6 and 7 have none. */
    private ScratchDatabase registryWithLog() throws Exception {
        return database(
                "",
                "INSERT INTO REG_LOG (REG_LOG_ID, REG_PATH, REG_ACTION, REG_TENANT_ID, REG_USER_ID, REG_LOGGED_TIME)"
                        + " VALUES (1, '/a', 1, -1234, 'admin', NOW()), (2, '/a', 2, -1234, 'admin', NOW()),"
                        + " (3, '/b', 1, -1234, 'admin', NOW()), (4, '/b', 7, -1234, 'admin', NOW()),"
                        + " (5, '/a', 1, 1, 'admin', NOW()), (6, NULL, 1, -1234, 'admin', NOW()),"
                        + " (7, NULL, 3, -1234, 'admin', NOW()), (8, '/A', 1, -1234, 'admin', NOW())");
    }

    /** APILASTACCESSSUMMARY as the 3.0.0 Siddhi app creates it, with two rows. */
    private ScratchDatabase analytics() throws Exception {
        String table = AnalyticsTable.createTable300(); // read (or skipped) before a database is made
        return database(
                null, table, AnalyticsTable.insert("PizzaShack", "1.0.0"), AnalyticsTable.insert("Weather", "2.0.0"));
    }

    private static DatasourceSpec spec(ScratchDatabase db) {
        return new DatasourceSpec(
                "apim_db",
                db.url(),
                db.url(),
                db.user(),
                "",
                Optional.empty(),
                SourceRef.db("apim_db", "deployment.toml"));
    }

    private PlanStep step(String purpose) {
        return step(purpose, Map.of());
    }

    /** The step as the plan makes it, with the identifiers it read from the database ("identifier.NAME"). */
    private PlanStep step(String purpose, Map<String, String> identifiers) {
        Map<String, String> params = new TreeMap<>();
        params.put("script", purpose);
        params.put(Planner.DIALECT_FOLDER, product().folder());
        identifiers.forEach((name, value) -> params.put(Planner.IDENTIFIER + name, value));
        return new PlanStep(
                "sql-" + purpose,
                "DB-SCRIPT",
                "RunSqlScript",
                "apim_db",
                params,
                true,
                List.of(),
                "Step 2.3",
                "",
                purpose + " has run",
                List.of(),
                List.of());
    }

    private Preflight preflight(ScratchDatabase on) {
        return () ->
                new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(), new DatasourceSpecs(List.of(spec(on))));
    }

    private MigrationPlan plan(String purpose, ScratchDatabase on) throws SQLException {
        return new MigrationPlan("test", "rules", PRINT, List.of(step(purpose, identifiers(on))));
    }

    private RunOutcome migrate(ScratchDatabase on, RunDirectory in, String purpose) throws Exception {
        return new Engine()
                .migrate(
                        plan(purpose, on),
                        in,
                        homes,
                        preflight(on),
                        new Engine.Options(false, Map.of(), Optional.of(BACKUP), Progress.NONE));
    }

    /** Rollback of the run with the datasource it ran on, as the CLI reads it from the old home. */
    private List<String> rollback(ScratchDatabase on) throws Exception {
        return Rollback.of(run, false, Optional.of(new DatasourceSpecs(List.of(spec(on)))))
                .lines();
    }

    private ApplyContext context(ScratchDatabase on) throws Exception {
        run.create();
        return ApplyContext.of(
                homes,
                new Facts(List.of()),
                new DatasourceSpecs(List.of(spec(on))),
                SuppliedFiles.NONE,
                RunState.of(run, Journal.open(run.journal()), homes),
                Progress.NONE);
    }

    /** The shipped script with {@code UPDATE NO_SUCH_TABLE} put in before statement {@code at}, at 02_broken.sql:9. */
    private BiFunction<String, Map<String, String>, List<SqlStatement>> brokenAt(int at) {
        return (purpose, ids) -> {
            List<SqlStatement> broken = new ArrayList<>(SqlScripts.statements(purpose, product(), ids));
            broken.add(
                    at < 0 ? broken.size() : at,
                    new SqlStatement(
                            "sql/test/" + product().folder() + "/02_broken.sql", 9, "UPDATE NO_SUCH_TABLE SET X = 1"));
            return broken;
        };
    }

    private static List<Map<String, String>> rows(ScratchDatabase db, String sql) throws Exception {
        try (Connection c = db.connect()) {
            return ExportedRows.query(c, sql);
        }
    }

    private long exportRecords() throws Exception {
        return Journal.open(run.journal()).records().stream()
                .filter(JournalRecord.Export.class::isInstance)
                .count();
    }

    @Test
    void theProductHasExactlyOneShippedRunner() {
        List<ScriptRunner> shipped =
                List.of(new H2ScriptExecutor(), new PostgresScriptExecutor(), new MariaDbScriptExecutor());
        assertThat(shipped.stream().filter(r -> r.products().contains(product())))
                .hasSize(1);
    }

    @Test
    void aDatasourceTheToolCannotOpenIsLeftToTheOperatorWithTheScriptItsFolderAndTheReason() throws Exception {
        ScratchDatabase db = database(null);
        DatasourceSpec cannotOpen = new DatasourceSpec(
                "apim_db",
                db.url(),
                db.url(),
                "apim",
                null,
                Optional.of("the password variable APIM_DB_PASSWORD is not set"),
                SourceRef.db("apim_db", "deployment.toml"));
        CheckContext ctx = new CheckContext(
                homes, new Facts(List.of()), new DatasourceSpecs(List.of(cannotOpen)), Optional.empty());

        Optional<String> byHand = new RunSqlScriptExecutor().needsOperator(step(SqlScripts.REG_INDEX), ctx);

        assertThat(byHand)
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("run the reg-index script (" + product().folder()
                                + ") on the apim_db database as the runbook shows")
                        .endsWith("the tool cannot open it: the password variable APIM_DB_PASSWORD is not set"));
    }

    @Test
    void aDryRunListsEveryStatementOfTheScriptWithItsFileAndLineAndChangesNothing() throws Exception {
        ScratchDatabase db = scopeBindings();

        RunOutcome dry = new Engine().dryRun(plan(SqlScripts.SCOPE_BINDING_CLEANUP, db), run, homes, preflight(db));

        for (SqlStatement s : SqlScripts.statements(SqlScripts.SCOPE_BINDING_CLEANUP, product())) {
            assertThat(dry.lines()).anyMatch(l -> l.contains(s.file() + ":" + s.line() + ": "));
        }
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
        assertThat(run.root()).doesNotExist();
    }

    @Test
    void dbScopeBindingNullTheCleanupDeletesExactlyTheNullAndEmptyBindingsAndExportsThemFirst() throws Exception {
        ScratchDatabase db = scopeBindings();
        List<Map<String, String>> before = rows(db, "SELECT * FROM IDN_OAUTH2_SCOPE_BINDING ORDER BY SCOPE_ID");

        RunOutcome outcome = migrate(db, run, SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThat(outcome.completed()).as(String.valueOf(outcome.toContinue())).isTrue();
        assertThat(db.strings(BINDINGS)).containsExactly("admin");
        Path export = run.root().resolve("exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl");
        assertThat(ExportedRows.read(export))
                .hasSize(2)
                .isEqualTo(ExportedRows.gone(
                        before, rows(db, "SELECT * FROM IDN_OAUTH2_SCOPE_BINDING ORDER BY SCOPE_ID")));
        assertThat(Journal.open(run.journal()).records())
                .anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(JournalRecord.Export.class, e -> {
                    assertThat(e.path()).isEqualTo("exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl");
                    assertThat(e.sha256()).isEqualTo(FileDigest.sha256(export));
                }));
    }

    @Test
    void dbScopeBindingNullASecondRunIsANoOpThatKeepsTheExportAndTheRows() throws Exception {
        ScratchDatabase db = scopeBindings();
        migrate(db, run, SqlScripts.SCOPE_BINDING_CLEANUP);
        Path export = run.root().resolve("exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl");
        String exported = FileDigest.sha256(export);
        long exports = exportRecords();

        RunOutcome again = migrate(db, run, SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThat(again.completed()).isTrue();
        assertThat(again.lines()).contains("sql-scope-binding-cleanup: done earlier, still holds");
        assertThat(FileDigest.sha256(export)).isEqualTo(exported);
        assertThat(exportRecords()).isEqualTo(exports);
        assertThat(db.strings(BINDINGS)).containsExactly("admin");
    }

    @Test
    void dbScopeBindingNullRollbackPutsTheDeletedBindingsBackOnceASecondRollbackAddsNone() throws Exception {
        ScratchDatabase db = scopeBindings();
        migrate(db, run, SqlScripts.SCOPE_BINDING_CLEANUP);

        rollback(db);

        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
        assertThat(rollback(db)).first().asString().startsWith(Rollback.ALREADY);
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
    }

    @Test
    void aStatementFailingAfterTheScriptFailsTheStepNamingItsFileAndLineAndTheRerunEndsAsACleanRun() throws Exception {
        ScratchDatabase db = scopeBindings();
        RunSqlScriptExecutor executor = new RunSqlScriptExecutor(runner(brokenAt(-1)));
        ApplyContext ctx = context(db);
        PlanStep step = step(SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThat(executor.needsOperator(step, ctx.check())).isEmpty();
        assertThatThrownBy(() -> executor.apply(step, ctx))
                .hasMessageContaining("sql/test/" + product().folder() + "/02_broken.sql:9 failed");

        assertThat(db.strings(BINDINGS))
                .as("what the failed attempt left")
                .isEqualTo(rollsBackAFailedScript() ? List.of("<null>", "", "admin") : List.of("admin"));
        assertThat(executor.done(step, ctx.check())).isFalse();
        assertThat(migrate(db, run, SqlScripts.SCOPE_BINDING_CLEANUP).completed())
                .isTrue();
        assertThat(db.strings(BINDINGS)).containsExactly("admin");
        rollback(db);
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
    }

    @Test
    void dbAmUpgradeAddsTheNewTablesAndTenantDomainAndASecondRunFindsItDoneChangingNothing() throws Exception {
        ScratchDatabase db = database("apimgt/");

        RunOutcome outcome = migrate(db, run, SqlScripts.AM_UPGRADE);

        assertThat(outcome.completed()).as(String.valueOf(outcome.toContinue())).isTrue();
        List<String> after = DatabaseShape.columns(db);
        assertThat(after)
                .contains("AM_SYSTEM_APPS.TENANT_DOMAIN")
                .anyMatch(c -> c.startsWith("AM_API_CATEGORIES."))
                .anyMatch(c -> c.startsWith("AM_USER."))
                .anyMatch(c -> c.startsWith("AM_SECURITY_AUDIT_UUID_MAPPING."));

        assertThat(migrate(db, run, SqlScripts.AM_UPGRADE).lines())
                .contains("sql-am-3.0.0-to-3.1.0: done earlier, still holds");
        assertThat(DatabaseShape.columns(db)).isEqualTo(after);
    }

    @Test
    void idxRegIndexSqlExportsExactlyTheLogRowsItDeletesDropsItsHelperTableAndARerunIsANoOp() throws Exception {
        ScratchDatabase shared = registryWithLog();
        List<Map<String, String>> before = rows(shared, REG_LOG);

        assertThat(migrate(shared, run, SqlScripts.REG_INDEX).completed()).isTrue();

        assertThat(shared.strings("SELECT REG_LOG_ID FROM REG_LOG ORDER BY 1")).isEqualTo(regLogKept());
        List<Map<String, String>> after = rows(shared, REG_LOG);
        assertThat(ExportedRows.read(run.root().resolve("exports/sql-reg-index/REG_LOG.jsonl")))
                .containsExactlyInAnyOrderElementsOf(ExportedRows.gone(before, after))
                .hasSize(8 - regLogKept().size());
        assertThat(DatabaseShape.tables(shared)).doesNotContain("REG_LOG_IDS_TO_KEEP");
        assertThat(migrate(shared, run, SqlScripts.REG_INDEX).lines())
                .contains("sql-reg-index: done earlier, still holds");
        assertThat(rows(shared, REG_LOG)).isEqualTo(after);
    }

    @Test
    void idxRegIndexSqlRunInANewRunFolderLeavesTheRowsAsTheFirstRunLeftThem() throws Exception {
        ScratchDatabase shared = registryWithLog();
        migrate(shared, run, SqlScripts.REG_INDEX);
        List<Map<String, String>> after = rows(shared, REG_LOG);

        RunOutcome fresh = migrate(shared, new RunDirectory(tmp.resolve("run-2")), SqlScripts.REG_INDEX);

        assertThat(fresh.lines()).contains(aFreshRunSays("sql-reg-index"));
        assertThat(rows(shared, REG_LOG)).isEqualTo(after);
    }

    @Test
    void idxRegIndexSqlOnceDoneIsNotRunAgainAfterTheServerWroteRegLogAgain() throws Exception {
        ScratchDatabase shared = registryWithLog();
        migrate(shared, run, SqlScripts.REG_INDEX);
        // the 3.1.0 server's first start logs /a twice more: the rows reg-index would delete again
        shared.run("INSERT INTO REG_LOG (REG_LOG_ID, REG_PATH, REG_ACTION, REG_TENANT_ID, REG_USER_ID,"
                + " REG_LOGGED_TIME) VALUES (9, '/a', 2, -1234, 'admin', NOW()), (10, '/a', 2, -1234, 'admin', NOW())");

        assertThat(migrate(shared, run, SqlScripts.REG_INDEX).lines())
                .contains("sql-reg-index: done earlier, still holds");

        List<String> kept = new ArrayList<>(regLogKept());
        kept.addAll(List.of("9", "10"));
        assertThat(shared.strings("SELECT REG_LOG_ID FROM REG_LOG ORDER BY 1")).isEqualTo(kept);
    }

    @Test
    void idxRegIndexSqlFailingHalfWayFailsTheStepTheRerunCompletesAndRollbackPutsEveryLogRowBack() throws Exception {
        ScratchDatabase shared = registryWithLog();
        List<Map<String, String>> before = rows(shared, REG_LOG);
        // after the first DELETE, before the helper table is dropped
        RunSqlScriptExecutor executor = new RunSqlScriptExecutor(runner(brokenAt(3)));
        ApplyContext ctx = context(shared);
        PlanStep step = step(SqlScripts.REG_INDEX);

        assertThatThrownBy(() -> executor.apply(step, ctx)).hasMessageContaining("02_broken.sql:9 failed");

        assertThat(rows(shared, REG_LOG).equals(before)).as("REG_LOG as it was").isEqualTo(rollsBackAFailedScript());
        assertThat(DatabaseShape.tables(shared).contains("REG_LOG_IDS_TO_KEEP"))
                .as("the helper table left")
                .isEqualTo(!rollsBackAFailedScript());
        assertThat(executor.done(step, ctx.check())).isFalse();
        assertThat(migrate(shared, run, SqlScripts.REG_INDEX).completed()).isTrue();
        assertThat(shared.strings("SELECT REG_LOG_ID FROM REG_LOG ORDER BY 1")).isEqualTo(regLogKept());
        assertThat(DatabaseShape.tables(shared)).doesNotContain("REG_LOG_IDS_TO_KEEP");
        rollback(shared);
        assertThat(rows(shared, REG_LOG)).isEqualTo(before);
    }

    @Test
    void idxRegIndexSqlRollbackPutsTheDeletedLogRowsBackOnceASecondRollbackAddsNone() throws Exception {
        ScratchDatabase shared = registryWithLog();
        List<Map<String, String>> before = rows(shared, REG_LOG);
        migrate(shared, run, SqlScripts.REG_INDEX);

        rollback(shared);

        assertThat(rows(shared, REG_LOG)).isEqualTo(before);
        assertThat(rollback(shared)).first().asString().startsWith(Rollback.ALREADY);
        assertThat(rows(shared, REG_LOG)).isEqualTo(before);
    }

    @Test
    void anaDbPkWidensTheKeyToTheApiVersionKeepingEveryRowAndASecondRunFindsItDone() throws Exception {
        ScratchDatabase analytics = analytics();
        List<Map<String, String>> rows = rows(analytics, SUMMARY);
        assertThat(DatabaseShape.primaryKey(analytics, "APILASTACCESSSUMMARY"))
                .containsExactly("APINAME", "APICREATOR", "APICREATORTENANTDOMAIN");

        assertThat(migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK).completed())
                .isTrue();

        assertThat(DatabaseShape.primaryKey(analytics, "APILASTACCESSSUMMARY"))
                .containsExactly("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN");
        assertThat(rows(analytics, SUMMARY)).isEqualTo(rows);
        assertThat(migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK).lines())
                .contains("sql-analytics-lastaccess-pk: done earlier, still holds");
        assertThat(DatabaseShape.primaryKey(analytics, "APILASTACCESSSUMMARY")).hasSize(4);
    }
}
