package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.Dialect;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresScriptExecutorTest {
    private static final Fingerprint PRINT = Fingerprint.of(new Facts(List.of()), "rules", "test");
    private static final String PASSWORD = "pg-Secret-77";
    private static final String BINDINGS = "SELECT COALESCE(SCOPE_BINDING, '<null>') FROM IDN_OAUTH2_SCOPE_BINDING"
            + " ORDER BY SCOPE_ID";

    @TempDir
    Path tmp;
    PostgresTestDatabase db;
    Homes homes;
    RunDirectory run;

    @BeforeEach
    void seeded() throws Exception {
        db = new PostgresTestDatabase(PostgresTestDatabase.AM_SCHEMA);
        db.run("INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME) VALUES (1, 'a', 'A'), (2, 'b', 'B'),"
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
        return new PlanStep(id, "DB-SCOPE-BINDING-NULL", "RunSqlScript", "apim_db",
                Map.of("script", purpose, Planner.DIALECT_FOLDER, "postgres"), true, List.of(), "Step 2.3", "",
                purpose + " has run", List.of(), List.of());
    }

    private RunOutcome migrate(String purpose) throws Exception {
        return new Engine().migrate(plan(purpose), run, homes, preflight(),
                new Engine.Options(false, Map.of(), java.util.Optional.of("/backups/pg-full.dump"), Progress.NONE));
    }

    private static MigrationPlan plan(String purpose) {
        return new MigrationPlan("test", "rules", PRINT, List.of(step("sql-" + purpose, purpose)));
    }

    private Preflight preflight() {
        return () -> new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(),
                new DatasourceSpecs(List.of(db.spec("apim_db", PASSWORD))));
    }

    @Test
    void aScriptOnPostgresWaitsForTheLocationOfTheOperatorsFullBackupAndRecordsIt() throws Exception {
        // (PRE-BACKUP) without the location the run stops before the first PostgreSQL script, changing nothing
        RunOutcome stopped = new Engine().migrate(plan("scope-binding-cleanup"), run, homes, preflight(),
                new Engine.Options(false, java.util.Set.of()));
        assertThat(stopped.completed()).isFalse();
        assertThat(stopped.toContinue()).contains("PRE-BACKUP").contains("--database-backup");
        assertThat(Journal.open(run.journal()).records()).noneMatch(r -> "intent".equals(r.type()));

        RunOutcome done = migrate("scope-binding-cleanup");

        assertThat(done.completed()).isTrue();
        assertThat(done.lines()).contains("the full database backup is at /backups/pg-full.dump (recorded)");
        assertThat(Journal.open(run.journal()).records())
                .anyMatch(r -> "database-backup".equals(r.status()) && "/backups/pg-full.dump".equals(r.detail()));
    }

    @Test
    void aDryRunShowsTheExportAndEveryStatementAndChangesNothing() throws Exception {
        RunOutcome dry = new Engine().dryRun(plan(SqlScripts.SCOPE_BINDING_CLEANUP), run, homes, preflight());

        assertThat(dry.lines()).contains("  export to exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl:"
                        + " SELECT * FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''"
                        + " ORDER BY SCOPE_ID", "  then run on 127.0.0.1:5432/" + db.name + " in one transaction:")
                .anyMatch(l -> l.contains("01_delete_empty_scope_bindings.sql:4: DELETE FROM IDN_OAUTH2_SCOPE_BINDING"));
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
        assertThat(run.root()).doesNotExist();
    }

    @Test
    void aPostgresqlScriptThisBuildHasNoExportForStopsTheRunForTheOperatorWithNothingChanged() throws Exception {
        RunOutcome outcome = migrate(SqlScripts.REG_INDEX);

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.toContinue()).contains("run the reg-index script (postgres) on the apim_db database as the"
                + " runbook shows; on PostgreSQL this build runs only am-3.0.0-to-3.1.0, registry-versioning-cleanup,"
                + " scope-binding-cleanup");
        assertThat(run.exports()).isEmptyDirectory();
    }

    @Test
    void dbScopeBindingNullTheCleanupDeletesExactlyTheNullAndEmptyBindingsAfterExportingThem() throws Exception {
        RunOutcome outcome = migrate(SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThat(outcome.completed()).isTrue();
        assertThat(db.strings(BINDINGS)).containsExactly("admin");
        Path export = run.root().resolve("exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl");
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"columns\":[\"scope_id\",\"scope_binding\"]");
        assertThat(lines.subList(1, 3)).containsExactly("{\"scope_id\":\"1\",\"scope_binding\":null}",
                "{\"scope_id\":\"2\",\"scope_binding\":\"\"}");
        assertThat(Journal.open(run.journal()).records()).anySatisfy(r -> {
            assertThat(r.type()).isEqualTo("export");
            assertThat(r.path()).isEqualTo("exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl");
            assertThat(r.sha256()).isEqualTo(FileDigest.sha256(export));
        });
    }

    @Test
    void dbScopeBindingNullASecondRunIsANoOpThatKeepsTheExportAndTheRows() throws Exception {
        migrate(SqlScripts.SCOPE_BINDING_CLEANUP);
        Path export = run.root().resolve("exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl");
        String before = FileDigest.sha256(export);
        long exports = exportRecords();

        RunOutcome again = migrate(SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThat(again.completed()).isTrue();
        assertThat(again.lines()).contains("sql-scope-binding-cleanup: done earlier, still holds");
        assertThat(FileDigest.sha256(export)).isEqualTo(before);
        assertThat(db.strings(BINDINGS)).containsExactly("admin");
        assertThat(exportRecords()).isEqualTo(exports);
    }

    private long exportRecords() throws Exception {
        return Journal.open(run.journal()).records().stream().filter(r -> r.type().equals("export")).count();
    }

    @Test
    void aScriptFailingMidwayIsRolledBackWholeAndTheStepFailsWithFileLineAndSqlStateButNoPassword()
            throws Exception {
        List<SqlStatement> broken = new ArrayList<>(SqlScripts.statements(SqlScripts.SCOPE_BINDING_CLEANUP,
                Dialect.POSTGRESQL));
        broken.add(new SqlStatement("sql/test/postgres/02_broken.sql", 7, "UPDATE NO_SUCH_TABLE SET X = 1"));
        RunSqlScriptExecutor executor = new RunSqlScriptExecutor(new PostgresScriptExecutor((p, ids) -> broken));
        run.create();
        Journal journal = Journal.open(run.journal());
        StepContext ctx = new StepContext(homes, new Backup(run, journal, homes), new Facts(List.of()),
                new DatasourceSpecs(List.of(db.spec("apim_db", PASSWORD))), run, journal);
        PlanStep step = step("sql-broken", SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThat(executor.needsOperator(step, ctx)).isEmpty();
        assertThatThrownBy(() -> executor.apply(step, ctx))
                .hasMessageContaining("sql/test/postgres/02_broken.sql:7 failed (SQL state 42P01)")
                .hasMessageContaining("rolled back")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
        assertThat(executor.done(step, ctx)).isFalse();
    }

    @Test
    void theAmScriptExportsTheAlteredTableDefinitionsThenAddsTheTablesAndIsDoneAfterwards() throws Exception {
        RunOutcome outcome = migrate(SqlScripts.AM_UPGRADE);

        assertThat(outcome.completed()).isTrue();
        List<String> defs = Files.readAllLines(run.root().resolve("exports/sql-am-3.0.0-to-3.1.0/"
                + "table-definitions.jsonl"));
        assertThat(defs.subList(1, defs.size())).isNotEmpty()
                .allMatch(l -> l.contains("\"table_name\":\"am_system_apps\""))
                .noneMatch(l -> l.contains("tenant_domain"));
        assertThat(db.strings("SELECT column_name FROM information_schema.columns WHERE table_name ="
                + " 'am_system_apps' AND column_name = 'tenant_domain'")).containsExactly("tenant_domain");
        assertThat(migrate(SqlScripts.AM_UPGRADE).lines()).contains("sql-am-3.0.0-to-3.1.0: done earlier, still holds");
    }

    @Test
    void rollbackAfterAPostgresqlScriptWithoutTheDatasourcesNamesTheExportsAndTheBackupThatCoversThem()
            throws Exception {
        migrate(SqlScripts.SCOPE_BINDING_CLEANUP);

        RunOutcome rollback = Rollback.of(run, false);

        assertThat(rollback.lines()).containsExactly("NOT REPLAYED: sql-scope-binding-cleanup changed a database in"
                + " a committed transaction. What it deleted or changed is exported in the run folder"
                + " (exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl); the operator's database"
                + " backup covers it: restore that backup to undo this step. (the tool cannot reach the apim_db"
                + " database to replay them)");
        assertThat(db.strings(BINDINGS)).containsExactly("admin");
    }

    @Test
    void rollbackAfterAPostgresqlScriptReinsertsTheDeletedRowsFromTheExportOnce() throws Exception {
        migrate(SqlScripts.SCOPE_BINDING_CLEANUP);
        DatasourceSpecs specs = new DatasourceSpecs(List.of(db.spec("apim_db", PASSWORD)));

        RunOutcome rollback = Rollback.of(run, false, java.util.Optional.of(specs));

        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
        assertThat(rollback.lines()).contains("replayed exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl"
                + " into apim_db.IDN_OAUTH2_SCOPE_BINDING: 2 row(s) re-inserted, 0 already there");
        assertThat(Rollback.of(run, false, java.util.Optional.of(specs)).lines()).contains("replayed"
                + " exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl into"
                + " apim_db.IDN_OAUTH2_SCOPE_BINDING: 0 row(s) re-inserted, 2 already there");
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
    }

    @Test
    void rollbackAfterThePostgresqlAmScriptSaysItsDdlIsNotUndoneAndNamesTheRecordedBackup() throws Exception {
        migrate(SqlScripts.AM_UPGRADE);

        RunOutcome rollback = Rollback.of(run, false,
                java.util.Optional.of(new DatasourceSpecs(List.of(db.spec("apim_db", PASSWORD)))));

        assertThat(rollback.lines()).anySatisfy(l -> assertThat(l).startsWith("NOT UNDONE: sql-am-3.0.0-to-3.1.0"
                + " changed the schema of the apim_db PostgreSQL database").contains("/backups/pg-full.dump"));
    }

    @Test
    void rollbackOfAPostgresqlScriptThatFailedNamesNothingToReplayAsItsTransactionWasRolledBack() throws Exception {
        db.run("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused';"
                + " END $$", "CREATE TRIGGER no_delete BEFORE DELETE ON IDN_OAUTH2_SCOPE_BINDING FOR EACH ROW"
                + " EXECUTE FUNCTION refuse()");
        assertThatThrownBy(() -> migrate(SqlScripts.SCOPE_BINDING_CLEANUP)).isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("01_delete_empty_scope_bindings.sql:4 failed (SQL state P0001)");

        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");

        assertThat(Rollback.of(run, false).lines()).noneMatch(l -> l.startsWith("NOT REPLAYED"));
    }
}
