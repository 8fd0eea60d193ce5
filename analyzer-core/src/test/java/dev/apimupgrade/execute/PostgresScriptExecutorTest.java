package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresScriptExecutorTest {
    private static final Fingerprint PRINT = Fingerprint.of(new Facts(List.of()), "rules", "test");
    private static final String PASSWORD = "pg-Secret-77";
    private static final String BINDINGS =
            "SELECT COALESCE(SCOPE_BINDING, '<null>') FROM IDN_OAUTH2_SCOPE_BINDING" + " ORDER BY SCOPE_ID";

    @TempDir
    Path tmp;

    ScratchDatabase db;
    Homes homes;
    RunDirectory run;

    @BeforeEach
    void seeded() throws Exception {
        db = ScratchDatabase.create(DatabaseServer.POSTGRESQL, "", PostgresSpecs.AM_SCHEMA);
        db.run(
                "INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME) VALUES (1, 'a', 'A'), (2, 'b', 'B'),"
                        + " (3, 'c', 'C')",
                "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL), (2, ''),"
                        + " (3, 'admin')");
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        homes = new Homes(tmp.resolve("old"), tmp.resolve("new"));
        run = new RunDirectory(tmp.resolve("run"));
    }

    @AfterEach
    void dropped() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static PlanStep step(String id, String purpose) {
        return new PlanStep(
                id,
                "DB-SCOPE-BINDING-NULL",
                "RunSqlScript",
                "apim_db",
                Map.of("script", purpose, Planner.DIALECT_FOLDER, "postgres"),
                true,
                List.of(),
                "Step 2.3",
                "",
                purpose + " has run",
                List.of(),
                List.of());
    }

    private RunOutcome migrate(String purpose) throws Exception {
        return migrate(db, run, purpose);
    }

    private RunOutcome migrate(ScratchDatabase on, RunDirectory in, String purpose) throws Exception {
        Preflight preflight = () -> new Preflight.Snapshot(
                new Facts(List.of()),
                PRINT,
                List.of(),
                new DatasourceSpecs(List.of(PostgresSpecs.spec(on, "apim_db", PASSWORD))));
        return new Engine()
                .migrate(
                        plan(purpose),
                        in,
                        homes,
                        preflight,
                        new Engine.Options(
                                false, Map.of(), java.util.Optional.of("/backups/pg-full.dump"), Progress.NONE));
    }

    private ApplyContext context(ScratchDatabase on) throws Exception {
        run.create();
        Journal journal = Journal.open(run.journal());
        return ApplyContext.of(
                homes,
                new Facts(List.of()),
                new DatasourceSpecs(List.of(PostgresSpecs.spec(on, "apim_db", PASSWORD))),
                SuppliedFiles.NONE,
                RunState.of(run, journal, homes),
                Progress.NONE);
    }

    /** The shipped script with a failing statement put in before statement {@code at}. */
    private static List<SqlStatement> brokenAt(String purpose, int at) {
        List<SqlStatement> broken = new ArrayList<>(SqlScripts.statements(purpose, DatabaseProduct.POSTGRESQL));
        broken.add(at, new SqlStatement("sql/test/postgres/02_broken.sql", 9, "UPDATE NO_SUCH_TABLE SET X = 1"));
        return broken;
    }

    private static MigrationPlan plan(String purpose) {
        return new MigrationPlan("test", "rules", PRINT, List.of(step("sql-" + purpose, purpose)));
    }

    private Preflight preflight() {
        return () -> new Preflight.Snapshot(
                new Facts(List.of()),
                PRINT,
                List.of(),
                new DatasourceSpecs(List.of(PostgresSpecs.spec(db, "apim_db", PASSWORD))));
    }

    @Test
    void aScriptOnPostgresWaitsForTheLocationOfTheOperatorsFullBackupAndRecordsIt() throws Exception {
        // (PRE-BACKUP) without the location the run stops before the first PostgreSQL script, changing nothing
        RunOutcome stopped = new Engine()
                .migrate(
                        plan("scope-binding-cleanup"),
                        run,
                        homes,
                        preflight(),
                        new Engine.Options(false, java.util.Set.of()));
        assertThat(stopped.completed()).isFalse();
        assertThat(stopped.toContinue()).contains("PRE-BACKUP").contains("--database-backup");
        assertThat(Journal.open(run.journal()).records()).noneMatch(JournalRecord.Intent.class::isInstance);

        RunOutcome done = migrate("scope-binding-cleanup");

        assertThat(done.completed()).isTrue();
        assertThat(done.lines()).contains("the full database backup is at /backups/pg-full.dump (recorded)");
        assertThat(Journal.open(run.journal()).records())
                .anyMatch(r -> r instanceof JournalRecord.Note n
                        && n.event() == JournalRecord.Event.DATABASE_BACKUP
                        && n.detail().equals("/backups/pg-full.dump"));
    }

    @Test
    void aDryRunOnPostgresqlShowsTheExportThenTheOneTransactionTheScriptRunsIn() throws Exception {
        RunOutcome dry = new Engine().dryRun(plan(SqlScripts.SCOPE_BINDING_CLEANUP), run, homes, preflight());

        assertThat(dry.lines())
                .contains(
                        "  export to exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl:"
                                + " SELECT * FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''"
                                + " ORDER BY SCOPE_ID",
                        "  then run on 127.0.0.1:5432/" + db.name() + " in one transaction:");
    }

    @Test
    void aPostgresqlScriptThisBuildHasNoExportForStopsTheRunForTheOperatorWithNothingChanged() throws Exception {
        RunOutcome outcome = migrate("custom-cleanup");

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.toContinue())
                .contains("run the custom-cleanup script (postgres) on the apim_db database as"
                        + " the runbook shows; on PostgreSQL this build runs only am-3.0.0-to-3.1.0, analytics-lastaccess-pk,"
                        + " reg-index, registry-versioning-cleanup, scope-binding-cleanup");
        assertThat(run.exports()).isEmptyDirectory();
    }

    @Test
    void aStatementFailingOnPostgresqlNamesItsSqlStateAndTheRollbackOfTheWholeScriptButNeverThePassword()
            throws Exception {
        List<SqlStatement> broken =
                new ArrayList<>(SqlScripts.statements(SqlScripts.SCOPE_BINDING_CLEANUP, DatabaseProduct.POSTGRESQL));
        broken.add(new SqlStatement("sql/test/postgres/02_broken.sql", 7, "UPDATE NO_SUCH_TABLE SET X = 1"));
        RunSqlScriptExecutor executor = new RunSqlScriptExecutor(new PostgresScriptExecutor((p, ids) -> broken));
        run.create();
        Journal journal = Journal.open(run.journal());
        ApplyContext ctx = ApplyContext.of(
                homes,
                new Facts(List.of()),
                new DatasourceSpecs(List.of(PostgresSpecs.spec(db, "apim_db", PASSWORD))),
                SuppliedFiles.NONE,
                RunState.of(run, journal, homes),
                Progress.NONE);
        PlanStep step = step("sql-broken", SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThat(executor.needsOperator(step, ctx.check())).isEmpty();
        assertThatThrownBy(() -> executor.apply(step, ctx))
                .hasMessageContaining("sql/test/postgres/02_broken.sql:7 failed (SQL state 42P01)")
                .hasMessageContaining("rolled back")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @Test
    void theAmScriptOnPostgresqlExportsTheDefinitionOfAmSystemAppsAsItWasBeforeTenantDomain() throws Exception {
        RunOutcome outcome = migrate(SqlScripts.AM_UPGRADE);

        assertThat(outcome.completed()).isTrue();
        List<String> defs =
                Files.readAllLines(run.root().resolve("exports/sql-am-3.0.0-to-3.1.0/" + "table-definitions.jsonl"));
        assertThat(defs.subList(1, defs.size()))
                .isNotEmpty()
                .allMatch(l -> l.contains("\"table_name\":\"am_system_apps\""))
                .noneMatch(l -> l.contains("tenant_domain"));
    }

    @Test
    void rollbackAfterAPostgresqlScriptWithoutTheDatasourcesNamesTheExportsAndTheBackupThatCoversThem()
            throws Exception {
        migrate(SqlScripts.SCOPE_BINDING_CLEANUP);

        RunOutcome rollback = Rollback.of(run, false);

        assertThat(rollback.lines())
                .containsExactly("NOT REPLAYED: sql-scope-binding-cleanup changed a database in"
                        + " a committed transaction. What it deleted or changed is exported in the run folder"
                        + " (exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl); the operator's database"
                        + " backup covers it: restore that backup to undo this step. (the tool cannot reach the apim_db"
                        + " database to replay them)");
        assertThat(db.strings(BINDINGS)).containsExactly("admin");
    }

    @Test
    void rollbackAfterThePostgresqlAmScriptSaysItsDdlIsNotUndoneAndNamesTheRecordedBackup() throws Exception {
        migrate(SqlScripts.AM_UPGRADE);

        RunOutcome rollback = Rollback.of(
                run,
                false,
                java.util.Optional.of(new DatasourceSpecs(List.of(PostgresSpecs.spec(db, "apim_db", PASSWORD)))));

        assertThat(rollback.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("NOT UNDONE: sql-am-3.0.0-to-3.1.0"
                                + " changed the schema of the apim_db PostgreSQL database")
                        .contains("/backups/pg-full.dump"));
    }

    @Test
    void rollbackOfAPostgresqlScriptThatFailedNamesNothingToReplayAsItsTransactionWasRolledBack() throws Exception {
        db.run(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused';"
                        + " END $$",
                "CREATE TRIGGER no_delete BEFORE DELETE ON IDN_OAUTH2_SCOPE_BINDING FOR EACH ROW"
                        + " EXECUTE FUNCTION refuse()");
        assertThatThrownBy(() -> migrate(SqlScripts.SCOPE_BINDING_CLEANUP))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("01_delete_empty_scope_bindings.sql:4 failed (SQL state P0001)");

        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");

        assertThat(Rollback.of(run, false).lines()).noneMatch(l -> l.startsWith("NOT REPLAYED"));
    }

    // IDX-REG-INDEX-SQL: reg-index on the real 3.0.0 shared (registry) schema

    /** Ids 2, 5, 7 and 8 are the newest of their path and tenant; 4 is the newest of /b but of action 7. */
    private static ScratchDatabase registryWithLog() throws Exception {
        return seeded(
                ScratchDatabase.create(DatabaseServer.POSTGRESQL, "", PostgresSpecs.SHARED_SCHEMA),
                "INSERT INTO REG_LOG (REG_LOG_ID,"
                        + " REG_PATH, REG_ACTION, REG_TENANT_ID, REG_USER_ID, REG_LOGGED_TIME) VALUES"
                        + " (1, '/a', 1, -1234, 'admin', now()), (2, '/a', 2, -1234, 'admin', now()),"
                        + " (3, '/b', 1, -1234, 'admin', now()), (4, '/b', 7, -1234, 'admin', now()),"
                        + " (5, '/a', 1, 1, 'admin', now()), (6, NULL, 1, -1234, 'admin', now()),"
                        + " (7, NULL, 3, -1234, 'admin', now()), (8, '/A', 1, -1234, 'admin', now())");
    }

    /** The database with these statements run, or dropped when they fail (a skip included). */
    private static ScratchDatabase seeded(ScratchDatabase on, String... sql) throws Exception {
        try {
            on.run(sql);
            return on;
        } catch (Exception | Error e) {
            on.close();
            throw e;
        }
    }

    private static final String REG_LOG = "SELECT * FROM REG_LOG ORDER BY REG_LOG_ID";
    private static final String REPLAYED_LOG = "replayed exports/sql-reg-index/REG_LOG.jsonl into apim_db.REG_LOG:"
            + " 4 row(s) re-inserted, 0 already there";

    /** Rollback of the run with the datasource it ran on (as the CLI reads it from the old home). */
    private List<String> rollback(ScratchDatabase on) throws Exception {
        return Rollback.of(
                        run,
                        false,
                        java.util.Optional.of(
                                new DatasourceSpecs(List.of(PostgresSpecs.spec(on, "apim_db", PASSWORD)))))
                .lines();
    }

    @Test
    void idxRegIndexSqlCommittedJustBeforeAKillIsFoundDoneOnTheRerunAndStillReplayedByRollback() throws Exception {
        try (ScratchDatabase shared = registryWithLog()) {
            List<Map<String, String>> before = ExportedRows.query(shared.connection(), REG_LOG);
            RunSqlScriptExecutor executor = new RunSqlScriptExecutor();
            ApplyContext ctx = context(shared);
            PlanStep step = step("sql-reg-index", SqlScripts.REG_INDEX);
            ctx.journal().append(JournalRecord.intent(step.id(), "RunSqlScript apim_db")); // as the engine does
            executor.apply(step, ctx); // committed; the kill comes before the journal's outcome

            assertThat(migrate(shared, run, SqlScripts.REG_INDEX).lines()).contains("sql-reg-index: already done");

            assertThat(rollback(shared)).containsExactly(REPLAYED_LOG);
            assertThat(ExportedRows.query(shared.connection(), REG_LOG)).isEqualTo(before);
        }
    }

    // ANA-DB-PK: APILASTACCESSSUMMARY as the 3.0.0 Siddhi app creates it

    private static final String PRIMARY_KEY = "SELECT k.column_name FROM information_schema.table_constraints c"
            + " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
            + " AND k.table_name = c.table_name WHERE c.table_name = 'apilastaccesssummary'"
            + " AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position";

    private static ScratchDatabase analytics() throws Exception {
        String table = AnalyticsTable.createTable300(); // read (or skipped) before a database is made
        return seeded(
                ScratchDatabase.create(DatabaseServer.POSTGRESQL),
                table,
                AnalyticsTable.insert("PizzaShack", "1.0.0"),
                AnalyticsTable.insert("Weather", "2.0.0"));
    }

    @Test
    void anaDbPkOnPostgresqlExportsTheOldKeyAndColumnsFirstAndANewRunFolderFindsItAlreadyDone() throws Exception {
        try (ScratchDatabase analytics = analytics()) {
            assertThat(migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK)
                            .completed())
                    .isTrue();

            Path exports = run.root().resolve("exports/sql-analytics-lastaccess-pk");
            assertThat(ExportedRows.read(exports.resolve("table-constraints.jsonl")))
                    .filteredOn(r -> "PRIMARY KEY".equals(r.get("constraint_type")))
                    .extracting(r -> r.get("column_name"))
                    .containsExactly("apiname", "apicreator", "apicreatortenantdomain");
            assertThat(ExportedRows.read(exports.resolve("table-definitions.jsonl")))
                    .filteredOn(r -> "apiversion".equals(r.get("column_name")))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("is_nullable")).isEqualTo("YES"));

            assertThat(migrate(analytics, new RunDirectory(tmp.resolve("run-2")), SqlScripts.ANALYTICS_LASTACCESS_PK)
                            .lines())
                    .contains("sql-analytics-lastaccess-pk: already done");
            assertThat(analytics.strings(PRIMARY_KEY)).hasSize(4);
        }
    }

    @Test
    void anaDbPkFailingAfterTheDropOnPostgresqlKeepsTheOldKey() throws Exception {
        try (ScratchDatabase analytics = analytics()) {
            RunSqlScriptExecutor executor = new RunSqlScriptExecutor(
                    new PostgresScriptExecutor((p, ids) -> brokenAt(SqlScripts.ANALYTICS_LASTACCESS_PK, 1)));
            ApplyContext ctx = context(analytics);
            PlanStep step = step("sql-analytics", SqlScripts.ANALYTICS_LASTACCESS_PK);

            assertThatThrownBy(() -> executor.apply(step, ctx))
                    .hasMessageContaining("02_broken.sql:9 failed")
                    .hasMessageContaining("rolled back");

            assertThat(analytics.strings(PRIMARY_KEY))
                    .containsExactly("apiname", "apicreator", "apicreatortenantdomain");
            assertThat(executor.done(step, ctx.check())).isFalse();
        }
    }

    @Test
    void anaDbPkRollbackOnPostgresqlSaysTheKeyChangeIsNotUndoneAndNamesTheRecordedBackup() throws Exception {
        try (ScratchDatabase analytics = analytics()) {
            migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK);

            assertThat(rollback(analytics))
                    .singleElement()
                    .asString()
                    .startsWith("NOT UNDONE:"
                            + " sql-analytics-lastaccess-pk changed the schema of the apim_db PostgreSQL database;")
                    .contains("exports/sql-analytics-lastaccess-pk/table-definitions.jsonl")
                    .contains("/backups/pg-full.dump");
        }
    }
}
