package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.Dialect;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.plan.TestDatabase;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RunSqlScript on the real MariaDB server (root, empty password) holding the real 3.0.0 WSO2AM_DB schema: the AM
 * script's DDL statements each run behind a metadata check, row deletions run in one transaction after their export.
 */
class MariaDbScriptExecutorTest {
    private static final Fingerprint PRINT = Fingerprint.of(new Facts(List.of()), "rules", "test");
    private static final List<String> NEW_TABLES = List.of("AM_API_CATEGORIES", "AM_USER",
            "AM_SECURITY_AUDIT_UUID_MAPPING", "AM_SYSTEM_APPS");
    private static final String IN_NEW_TABLES = " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('"
            + String.join("', '", NEW_TABLES) + "')";
    private static final String BINDINGS = "SELECT COALESCE(SCOPE_BINDING, '<null>') FROM IDN_OAUTH2_SCOPE_BINDING"
            + " ORDER BY SCOPE_ID";

    @TempDir
    Path tmp;
    TestDatabase db;
    Homes homes;
    RunDirectory run;

    @BeforeEach
    void schema300() throws Exception {
        db = TestDatabase.create(Dialect.MYSQL);
        db.loadSchema("3.0.0", "apimgt");
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

    static PlanStep step(String id, String purpose) {
        return new PlanStep(id, "DB-AM-UPGRADE", "RunSqlScript", "apim_db",
                Map.of("script", purpose, Planner.DIALECT_FOLDER, "mysql"), true, List.of(), "Step 2.3", "",
                purpose + " has run", List.of(), List.of());
    }

    static DatasourceSpec spec(TestDatabase db, String scheme) {
        String url = db.url().replaceFirst("^jdbc:mariadb:", scheme);
        return new DatasourceSpec("apim_db", url, url, "root", "", Optional.empty(),
                SourceRef.db("apim_db", "deployment.toml"));
    }

    private RunOutcome migrate(TestDatabase on, RunDirectory in, String purpose) throws Exception {
        MigrationPlan plan = new MigrationPlan("test", "rules", PRINT, List.of(step("sql-" + purpose, purpose)));
        Preflight preflight = () -> new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(),
                new DatasourceSpecs(List.of(spec(on, "jdbc:mysql:"))));
        return new Engine().migrate(plan, in, homes, preflight,
                new Engine.Options(false, Map.of(), Optional.of("/backups/maria-full.sql"), Progress.NONE));
    }

    /** Every column, index and constraint of the database, in a stable order: the state a run leaves behind. */
    static List<String> schema(TestDatabase on) throws Exception {
        List<String> all = new ArrayList<>(on.strings("SELECT CONCAT_WS('|', TABLE_NAME, COLUMN_NAME, COLUMN_TYPE,"
                + " IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '-'), ORDINAL_POSITION) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"));
        all.addAll(on.strings("SELECT CONCAT_WS('|', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME)"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"));
        all.addAll(on.strings("SELECT CONCAT_WS('|', TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE,"
                + " REFERENCED_TABLE_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1"));
        return all;
    }

    /** The new and altered tables' columns and indexes, without names the server generates. */
    private static List<String> amObjects(TestDatabase on) throws Exception {
        List<String> all = new ArrayList<>(on.strings("SELECT CONCAT_WS('|', TABLE_NAME, COLUMN_NAME, COLUMN_TYPE,"
                + " IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '-'), COLUMN_KEY) FROM information_schema.COLUMNS"
                + IN_NEW_TABLES + " ORDER BY 1"));
        all.addAll(on.strings("SELECT CONCAT_WS('|', TABLE_NAME, NON_UNIQUE, GROUP_CONCAT(COLUMN_NAME ORDER BY"
                + " SEQ_IN_INDEX)) FROM information_schema.STATISTICS" + IN_NEW_TABLES
                + " GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE ORDER BY 1"));
        all.addAll(on.strings("SELECT CONCAT_WS('|', TABLE_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME)"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                + " AND TABLE_NAME IN ('" + String.join("', '", NEW_TABLES) + "') ORDER BY 1"));
        return all;
    }

    @Test
    void dbAmUpgradeOneRunOnMariaDbLeavesTheNewAndAlteredTablesAsTheReal310SchemaDefinesThem() throws Exception {
        RunOutcome outcome = migrate(db, run, SqlScripts.AM_UPGRADE);

        assertThat(outcome.completed()).as(String.valueOf(outcome.toContinue())).isTrue();
        try (TestDatabase real310 = TestDatabase.create(Dialect.MYSQL)) {
            real310.loadSchema("3.1.0", "apimgt");
            List<String> expected = amObjects(real310);
            assertThat(expected).anyMatch(l -> l.startsWith("AM_SYSTEM_APPS|TENANT_DOMAIN|"));
            assertThat(amObjects(db)).isEqualTo(expected);
        }
        List<String> defs = Files.readAllLines(run.root().resolve("exports/sql-am-3.0.0-to-3.1.0/"
                + "table-definitions.jsonl"));
        assertThat(defs.subList(1, defs.size())).isNotEmpty().noneMatch(l -> l.contains("TENANT_DOMAIN"));
        assertThat(Files.readString(run.root().resolve("exports/sql-am-3.0.0-to-3.1.0/table-indexes.jsonl")))
                .contains("\"INDEX_NAME\":\"NAME\"");
    }

    @Test
    void dbAmUpgradeASecondRunOnMariaDbChangesNothing() throws Exception {
        migrate(db, run, SqlScripts.AM_UPGRADE);
        List<String> after = schema(db);

        RunOutcome again = migrate(db, run, SqlScripts.AM_UPGRADE);

        assertThat(again.lines()).contains("sql-am-3.0.0-to-3.1.0: done earlier, still holds");
        assertThat(schema(db)).isEqualTo(after);
        // and a fresh run (a new run folder, nothing journalled) finds every statement done and runs none of them
        RunDirectory fresh = new RunDirectory(tmp.resolve("run2"));
        assertThat(migrate(db, fresh, SqlScripts.AM_UPGRADE).completed()).isTrue();
        assertThat(schema(db)).isEqualTo(after);
        assertThat(Journal.open(fresh.journal()).records()).noneMatch(r -> "statement-ran".equals(r.status()));
    }

    @Test
    void dbAmUpgradeARunThatFailsHalfWayThenARerunEndsAsOneCleanRun() throws Exception {
        List<SqlStatement> real = SqlScripts.statements(SqlScripts.AM_UPGRADE, Dialect.MYSQL);
        List<SqlStatement> broken = new ArrayList<>(real.subList(0, 3));
        broken.add(new SqlStatement("sql/test/mysql/02_broken.sql", 7, "ALTER TABLE NO_SUCH_TABLE ADD X INTEGER"));
        broken.addAll(real.subList(3, real.size()));
        RunSqlScriptExecutor executor = new RunSqlScriptExecutor(new MariaDbScriptExecutor((p, ids) -> broken));
        run.create();
        Journal journal = Journal.open(run.journal());
        StepContext ctx = new StepContext(homes, new Backup(run, journal, homes), new Facts(List.of()),
                new DatasourceSpecs(List.of(spec(db, "jdbc:mariadb:"))), run, journal);
        PlanStep step = step("sql-" + SqlScripts.AM_UPGRADE, SqlScripts.AM_UPGRADE);
        List<String> before = schema(db);

        assertThat(executor.needsOperator(step, ctx)).isEmpty();
        assertThatThrownBy(() -> executor.apply(step, ctx))
                .hasMessageContaining("sql/test/mysql/02_broken.sql:7 failed (SQL state 42S02)")
                .hasMessageContaining("a rerun skips them");
        assertThat(schema(db)).as("the first statements committed").isNotEqualTo(before);
        assertThat(executor.done(step, ctx)).isFalse();

        assertThat(migrate(db, run, SqlScripts.AM_UPGRADE).completed()).isTrue();

        try (TestDatabase clean = TestDatabase.create(Dialect.MYSQL)) {
            clean.loadSchema("3.0.0", "apimgt");
            migrate(clean, new RunDirectory(tmp.resolve("clean-run")), SqlScripts.AM_UPGRADE);
            assertThat(schema(db)).isEqualTo(schema(clean));
        }
        assertThat(Journal.open(run.journal()).records()).filteredOn(r -> "statement-skipped".equals(r.status()))
                .hasSize(3);
    }

    @Test
    void dbScopeBindingNullOnMariaDbDeletesExactlyTheEmptyBindingsAfterExportingThemAndASecondRunIsANoOp()
            throws Exception {
        db.run("INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME) VALUES (1, 'a', 'A'), (2, 'b', 'B'),"
                        + " (3, 'c', 'C')",
                "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL), (2, ''),"
                        + " (3, 'admin')");

        assertThat(migrate(db, run, SqlScripts.SCOPE_BINDING_CLEANUP).completed()).isTrue();

        assertThat(db.strings(BINDINGS)).containsExactly("admin");
        List<String> lines = Files.readAllLines(run.root().resolve(
                "exports/sql-scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl"));
        assertThat(lines.subList(1, lines.size())).containsExactly("{\"SCOPE_ID\":\"1\",\"SCOPE_BINDING\":null}",
                "{\"SCOPE_ID\":\"2\",\"SCOPE_BINDING\":\"\"}");
        assertThat(migrate(db, run, SqlScripts.SCOPE_BINDING_CLEANUP).lines())
                .contains("sql-scope-binding-cleanup: done earlier, still holds");
    }

    @Test
    void aRowScriptFailingOnMariaDbIsRolledBackWhole() throws Exception {
        db.run("INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME) VALUES (1, 'a', 'A'), (3, 'c', 'C')",
                "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL), (3, 'admin')");
        List<SqlStatement> broken = new ArrayList<>(SqlScripts.statements(SqlScripts.SCOPE_BINDING_CLEANUP,
                Dialect.MYSQL));
        broken.add(new SqlStatement("sql/test/mysql/02_broken.sql", 3, "UPDATE NO_SUCH_TABLE SET X = 1"));
        RunSqlScriptExecutor executor = new RunSqlScriptExecutor(new MariaDbScriptExecutor((p, ids) -> broken));
        run.create();
        Journal journal = Journal.open(run.journal());
        StepContext ctx = new StepContext(homes, new Backup(run, journal, homes), new Facts(List.of()),
                new DatasourceSpecs(List.of(spec(db, "jdbc:mariadb:"))), run, journal);
        PlanStep step = step("sql-broken", SqlScripts.SCOPE_BINDING_CLEANUP);

        assertThatThrownBy(() -> executor.apply(step, ctx)).hasMessageContaining("02_broken.sql:3 failed")
                .hasMessageContaining("rolled back");
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "admin");
    }

    @Test
    void aMariaDbScriptThisBuildHasNoChecksForStopsForTheOperator() throws Exception {
        RunOutcome outcome = migrate(db, run, SqlScripts.REG_INDEX);

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.toContinue()).contains("on MariaDB/MySQL this build runs only am-3.0.0-to-3.1.0,"
                + " scope-binding-cleanup");
    }

    @Test
    void rollbackOnMariaDbReinsertsTheDeletedScopeBindingsOnceAndSaysTheAmDdlIsNotUndoneButCoveredByTheBackup()
            throws Exception {
        db.run("INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME) VALUES (1, 'a', 'A'), (2, 'b', 'B'),"
                        + " (3, 'c', 'C')",
                "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL), (2, ''),"
                        + " (3, 'admin')");
        MigrationPlan plan = new MigrationPlan("test", "rules", PRINT, List.of(
                step("sql-am", SqlScripts.AM_UPGRADE), step("sql-scope", SqlScripts.SCOPE_BINDING_CLEANUP)));
        DatasourceSpecs specs = new DatasourceSpecs(List.of(spec(db, "jdbc:mysql:")));
        Preflight preflight = () -> new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(), specs);
        assertThat(new Engine().migrate(plan, run, homes, preflight, new Engine.Options(false, Map.of(),
                Optional.of("/backups/maria-full.sql"), Progress.NONE)).completed()).isTrue();
        assertThat(db.strings(BINDINGS)).containsExactly("admin");

        RunOutcome rollback = Rollback.of(run, false, Optional.of(specs));

        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
        assertThat(rollback.lines()).contains("replayed exports/sql-scope/IDN_OAUTH2_SCOPE_BINDING.jsonl into"
                + " apim_db.IDN_OAUTH2_SCOPE_BINDING: 2 row(s) re-inserted, 0 already there");
        assertThat(rollback.lines()).anySatisfy(l -> assertThat(l).startsWith("NOT UNDONE: sql-am changed the"
                + " schema of the apim_db MariaDB/MySQL database").contains("/backups/maria-full.sql")
                .contains("exports/sql-am/table-definitions.jsonl"));
        assertThat(schema(db)).anyMatch(l -> l.startsWith("AM_SYSTEM_APPS|TENANT_DOMAIN|"));

        RunOutcome again = Rollback.of(run, false, Optional.of(specs));
        assertThat(again.lines()).contains("replayed exports/sql-scope/IDN_OAUTH2_SCOPE_BINDING.jsonl into"
                + " apim_db.IDN_OAUTH2_SCOPE_BINDING: 0 row(s) re-inserted, 2 already there");
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
    }
}
