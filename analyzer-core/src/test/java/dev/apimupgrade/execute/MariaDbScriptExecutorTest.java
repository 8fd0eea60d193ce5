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
    private static final List<String> NEW_TABLES =
            List.of("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING", "AM_SYSTEM_APPS");
    private static final String IN_NEW_TABLES =
            " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('" + String.join("', '", NEW_TABLES) + "')";
    private static final String BINDINGS =
            "SELECT COALESCE(SCOPE_BINDING, '<null>') FROM IDN_OAUTH2_SCOPE_BINDING" + " ORDER BY SCOPE_ID";

    @TempDir
    Path tmp;

    TestDatabase db;
    Homes homes;
    RunDirectory run;

    @BeforeEach
    void schema300() throws Exception {
        db = TestDatabase.create(DatabaseProduct.MYSQL);
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
        return new PlanStep(
                id,
                "DB-AM-UPGRADE",
                "RunSqlScript",
                "apim_db",
                Map.of("script", purpose, Planner.DIALECT_FOLDER, "mysql"),
                true,
                List.of(),
                "Step 2.3",
                "",
                purpose + " has run",
                List.of(),
                List.of());
    }

    static DatasourceSpec spec(TestDatabase db, String scheme) {
        String url = db.url().replaceFirst("^jdbc:mariadb:", scheme);
        return new DatasourceSpec(
                "apim_db", url, url, "root", "", Optional.empty(), SourceRef.db("apim_db", "deployment.toml"));
    }

    private RunOutcome migrate(TestDatabase on, RunDirectory in, String purpose) throws Exception {
        MigrationPlan plan = new MigrationPlan("test", "rules", PRINT, List.of(step("sql-" + purpose, purpose)));
        Preflight preflight = () -> new Preflight.Snapshot(
                new Facts(List.of()), PRINT, List.of(), new DatasourceSpecs(List.of(spec(on, "jdbc:mysql:"))));
        return new Engine()
                .migrate(
                        plan,
                        in,
                        homes,
                        preflight,
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
        try (TestDatabase real310 = TestDatabase.create(DatabaseProduct.MYSQL)) {
            real310.loadSchema("3.1.0", "apimgt");
            List<String> expected = amObjects(real310);
            assertThat(expected).anyMatch(l -> l.startsWith("AM_SYSTEM_APPS|TENANT_DOMAIN|"));
            assertThat(amObjects(db)).isEqualTo(expected);
        }
        List<String> defs =
                Files.readAllLines(run.root().resolve("exports/sql-am-3.0.0-to-3.1.0/" + "table-definitions.jsonl"));
        assertThat(defs.subList(1, defs.size())).isNotEmpty().noneMatch(l -> l.contains("TENANT_DOMAIN"));
        assertThat(Files.readString(run.root().resolve("exports/sql-am-3.0.0-to-3.1.0/table-indexes.jsonl")))
                .contains("\"INDEX_NAME\":\"NAME\"");
    }

    @Test
    void dbAmUpgradeANewRunFolderOnMariaDbFindsEveryStatementDoneByItsMetadataCheckAndRunsNone() throws Exception {
        migrate(db, run, SqlScripts.AM_UPGRADE);
        List<String> after = schema(db);

        RunDirectory fresh = new RunDirectory(tmp.resolve("run2"));
        assertThat(migrate(db, fresh, SqlScripts.AM_UPGRADE).completed()).isTrue();
        assertThat(schema(db)).isEqualTo(after);
        assertThat(Journal.open(fresh.journal()).records())
                .noneMatch(r -> isNote(r, JournalRecord.Event.STATEMENT_RAN));
    }

    @Test
    void dbAmUpgradeARunThatFailsHalfWayThenARerunEndsAsOneCleanRun() throws Exception {
        List<SqlStatement> real = SqlScripts.statements(SqlScripts.AM_UPGRADE, DatabaseProduct.MYSQL);
        List<SqlStatement> broken = new ArrayList<>(real.subList(0, 3));
        broken.add(new SqlStatement("sql/test/mysql/02_broken.sql", 7, "ALTER TABLE NO_SUCH_TABLE ADD X INTEGER"));
        broken.addAll(real.subList(3, real.size()));
        RunSqlScriptExecutor executor = new RunSqlScriptExecutor(new MariaDbScriptExecutor((p, ids) -> broken));
        run.create();
        Journal journal = Journal.open(run.journal());
        ApplyContext ctx = ApplyContext.of(
                homes,
                new Facts(List.of()),
                new DatasourceSpecs(List.of(spec(db, "jdbc:mariadb:"))),
                SuppliedFiles.NONE,
                RunState.of(run, journal, homes),
                Progress.NONE);
        PlanStep step = step("sql-" + SqlScripts.AM_UPGRADE, SqlScripts.AM_UPGRADE);
        List<String> before = schema(db);

        assertThat(executor.needsOperator(step, ctx.check())).isEmpty();
        assertThatThrownBy(() -> executor.apply(step, ctx))
                .hasMessageContaining("sql/test/mysql/02_broken.sql:7 failed (SQL state 42S02)")
                .hasMessageContaining("a rerun skips them");
        assertThat(schema(db)).as("the first statements committed").isNotEqualTo(before);
        assertThat(executor.done(step, ctx.check())).isFalse();

        assertThat(migrate(db, run, SqlScripts.AM_UPGRADE).completed()).isTrue();

        try (TestDatabase clean = TestDatabase.create(DatabaseProduct.MYSQL)) {
            clean.loadSchema("3.0.0", "apimgt");
            migrate(clean, new RunDirectory(tmp.resolve("clean-run")), SqlScripts.AM_UPGRADE);
            assertThat(schema(db)).isEqualTo(schema(clean));
        }
        assertThat(Journal.open(run.journal()).records())
                .filteredOn(r -> isNote(r, JournalRecord.Event.STATEMENT_SKIPPED))
                .hasSize(3);
    }

    @Test
    void aMariaDbScriptThisBuildHasNoChecksForStopsForTheOperator() throws Exception {
        RunOutcome outcome = migrate(db, run, "custom-cleanup");

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.toContinue())
                .contains("on MariaDB/MySQL this build runs only am-3.0.0-to-3.1.0,"
                        + " analytics-lastaccess-pk, reg-index, registry-versioning-cleanup, scope-binding-cleanup");
    }

    @Test
    void rollbackOnMariaDbReinsertsTheDeletedScopeBindingsOnceAndSaysTheAmDdlIsNotUndoneButCoveredByTheBackup()
            throws Exception {
        db.run(
                "INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME) VALUES (1, 'a', 'A'), (2, 'b', 'B'),"
                        + " (3, 'c', 'C')",
                "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL), (2, ''),"
                        + " (3, 'admin')");
        MigrationPlan plan = new MigrationPlan(
                "test",
                "rules",
                PRINT,
                List.of(step("sql-am", SqlScripts.AM_UPGRADE), step("sql-scope", SqlScripts.SCOPE_BINDING_CLEANUP)));
        DatasourceSpecs specs = new DatasourceSpecs(List.of(spec(db, "jdbc:mysql:")));
        Preflight preflight = () -> new Preflight.Snapshot(new Facts(List.of()), PRINT, List.of(), specs);
        assertThat(new Engine()
                        .migrate(
                                plan,
                                run,
                                homes,
                                preflight,
                                new Engine.Options(
                                        false, Map.of(), Optional.of("/backups/maria-full.sql"), Progress.NONE))
                        .completed())
                .isTrue();
        assertThat(db.strings(BINDINGS)).containsExactly("admin");

        RunOutcome rollback = Rollback.of(run, false, Optional.of(specs));

        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
        assertThat(rollback.lines())
                .contains("replayed exports/sql-scope/IDN_OAUTH2_SCOPE_BINDING.jsonl into"
                        + " apim_db.IDN_OAUTH2_SCOPE_BINDING: 2 row(s) re-inserted, 0 already there");
        assertThat(rollback.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("NOT UNDONE: sql-am changed the" + " schema of the apim_db MariaDB/MySQL database")
                        .contains("/backups/maria-full.sql")
                        .contains("exports/sql-am/table-definitions.jsonl"));
        assertThat(schema(db)).anyMatch(l -> l.startsWith("AM_SYSTEM_APPS|TENANT_DOMAIN|"));

        RunOutcome again = Rollback.of(run, false, Optional.of(specs));
        assertThat(again.lines())
                .contains("replayed exports/sql-scope/IDN_OAUTH2_SCOPE_BINDING.jsonl into"
                        + " apim_db.IDN_OAUTH2_SCOPE_BINDING: 0 row(s) re-inserted, 2 already there");
        assertThat(db.strings(BINDINGS)).containsExactly("<null>", "", "admin");
    }

    private ApplyContext context(TestDatabase on) throws Exception {
        run.create();
        Journal journal = Journal.open(run.journal());
        return ApplyContext.of(
                homes,
                new Facts(List.of()),
                new DatasourceSpecs(List.of(spec(on, "jdbc:mariadb:"))),
                SuppliedFiles.NONE,
                RunState.of(run, journal, homes),
                Progress.NONE);
    }

    private static final String BROKEN_ROWS = "UPDATE NO_SUCH_TABLE SET X = 1";
    private static final String BROKEN_DDL = "ALTER TABLE NO_SUCH_TABLE ADD X INTEGER";

    /** The shipped script with a failing statement (of the script's kind, rows or DDL) put in before statement {@code at}. */
    private static List<SqlStatement> brokenAt(String purpose, int at, String sql) {
        List<SqlStatement> broken = new ArrayList<>(SqlScripts.statements(purpose, DatabaseProduct.MYSQL));
        broken.add(at, new SqlStatement("sql/test/mysql/02_broken.sql", 9, sql));
        return broken;
    }

    /** A database of the real 3.0.0 shared (registry) schema, or of none; dropped when seeding it fails. */
    private static TestDatabase seeded(String schema, String... sql) throws Exception {
        TestDatabase on = TestDatabase.create(DatabaseProduct.MYSQL);
        try {
            if (schema != null) {
                on.loadSchema("3.0.0", schema);
            }
            on.run(sql);
            return on;
        } catch (Exception | Error e) {
            on.close();
            throw e;
        }
    }

    // REG-VERSIONING-ENABLED: the registry clean-up on MariaDB

    private static final String TAGS = "SELECT CONCAT_WS(':', REG_TAG_ID, IFNULL(REG_VERSION, '-'),"
            + " IFNULL(REG_PATH_ID, 'null')) FROM REG_RESOURCE_TAG ORDER BY REG_TAG_ID, REG_VERSION";
    private static final String REG_TAG = "SELECT * FROM REG_TAG ORDER BY REG_ID";

    /** Version 10 is the resource's current version, version 9 only an old one; the third tag row is unversioned. */
    private static TestDatabase versionedRegistry() throws Exception {
        return seeded(
                "",
                "INSERT INTO REG_PATH (REG_PATH_ID, REG_PATH_VALUE, REG_TENANT_ID) VALUES (1, '/_system/a',"
                        + " -1234)",
                "INSERT INTO REG_RESOURCE (REG_PATH_ID, REG_NAME, REG_VERSION, REG_CREATOR, REG_CREATED_TIME,"
                        + " REG_LAST_UPDATED_TIME, REG_TENANT_ID, REG_UUID) VALUES (1, 'api.rxt', 10, 'admin', NOW(),"
                        + " NOW(), -1234, 'u-1')",
                "INSERT INTO REG_TAG (REG_ID, REG_TAG_NAME, REG_USER_ID, REG_TAGGED_TIME, REG_TENANT_ID) VALUES"
                        + " (1, 'old', 'admin', NOW(), -1234), (2, 'current', 'admin', NOW(), -1234),"
                        + " (3, 'plain', 'admin', NOW(), -1234)",
                "INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME, REG_TENANT_ID)"
                        + " VALUES (1, 9, NULL, NULL, -1234), (2, 10, NULL, NULL, -1234), (3, NULL, 1, 'api.rxt', -1234)");
    }

    @Test
    void regVersioningEnabledOnMariaDbExportsTheRowsItDeletesAndChangesThenARerunIsANoOp() throws Exception {
        try (TestDatabase shared = versionedRegistry()) {
            List<Map<String, String>> tagsBefore = ExportedRows.query(shared.connection, REG_TAG);

            assertThat(migrate(shared, run, SqlScripts.REGISTRY_VERSIONING_CLEANUP)
                            .completed())
                    .isTrue();

            assertThat(shared.strings(TAGS)).containsExactly("2:10:1", "3:-:1");
            Path exports = run.root().resolve("exports/sql-registry-versioning-cleanup");
            assertThat(ExportedRows.read(exports.resolve("REG_TAG.jsonl")))
                    .isEqualTo(ExportedRows.gone(tagsBefore, ExportedRows.query(shared.connection, REG_TAG)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("REG_TAG_NAME")).isEqualTo("old"));
            assertThat(ExportedRows.read(exports.resolve("REG_RESOURCE_TAG.jsonl")))
                    .extracting(r -> r.get("REG_TAG_ID") + ":" + r.get("REG_VERSION") + ":" + r.get("REG_PATH_ID"))
                    .containsExactly("1:9:null", "2:10:null");

            assertThat(migrate(shared, run, SqlScripts.REGISTRY_VERSIONING_CLEANUP)
                            .lines())
                    .contains("sql-registry-versioning-cleanup: done earlier, still holds");
            assertThat(migrate(shared, new RunDirectory(tmp.resolve("run-2")), SqlScripts.REGISTRY_VERSIONING_CLEANUP)
                            .lines())
                    .contains("sql-registry-versioning-cleanup: already done");
            assertThat(shared.strings(TAGS)).containsExactly("2:10:1", "3:-:1");
        }
    }

    @Test
    void regVersioningEnabledFailingHalfWayOnMariaDbIsRolledBackWhole() throws Exception {
        try (TestDatabase shared = versionedRegistry()) {
            List<String> tags = shared.strings(TAGS);
            // after the UPDATEs and the first DELETEs
            RunSqlScriptExecutor executor = new RunSqlScriptExecutor(new MariaDbScriptExecutor(
                    (p, ids) -> brokenAt(SqlScripts.REGISTRY_VERSIONING_CLEANUP, 6, BROKEN_ROWS)));
            ApplyContext ctx = context(shared);
            PlanStep step = step("sql-versioning", SqlScripts.REGISTRY_VERSIONING_CLEANUP);

            assertThatThrownBy(() -> executor.apply(step, ctx))
                    .hasMessageContaining("02_broken.sql:9 failed")
                    .hasMessageContaining("the whole script was rolled back");

            assertThat(shared.strings(TAGS)).isEqualTo(tags);
            assertThat(shared.strings("SELECT REG_TAG_NAME FROM REG_TAG ORDER BY REG_ID"))
                    .containsExactly("old", "current", "plain");
            assertThat(executor.done(step, ctx.check())).isFalse();
        }
    }

    @Test
    void regVersioningEnabledRollbackOnMariaDbReinsertsTheDeletedTagAndNamesTheRowsUpdatedInPlace() throws Exception {
        try (TestDatabase shared = versionedRegistry()) {
            List<Map<String, String>> tagsBefore = ExportedRows.query(shared.connection, REG_TAG);
            migrate(shared, run, SqlScripts.REGISTRY_VERSIONING_CLEANUP);
            DatasourceSpecs specs = new DatasourceSpecs(List.of(spec(shared, "jdbc:mysql:")));

            RunOutcome rollback = Rollback.of(run, false, Optional.of(specs));

            assertThat(rollback.lines())
                    .contains("replayed exports/sql-registry-versioning-cleanup/REG_TAG.jsonl into"
                            + " apim_db.REG_TAG: 1 row(s) re-inserted, 0 already there");
            assertThat(rollback.lines())
                    .anySatisfy(l -> assertThat(l)
                            .startsWith("NOT REPLAYED:"
                                    + " exports/sql-registry-versioning-cleanup/REG_RESOURCE_TAG.jsonl holds rows")
                            .contains("/backups/maria-full.sql"));
            assertThat(ExportedRows.query(shared.connection, REG_TAG)).isEqualTo(tagsBefore);
            assertThat(Rollback.of(run, false, Optional.of(specs)).lines())
                    .contains("replayed"
                            + " exports/sql-registry-versioning-cleanup/REG_TAG.jsonl into apim_db.REG_TAG: 0 row(s)"
                            + " re-inserted, 1 already there");
        }
    }

    /** Rollback of the run with the datasource it ran on (as the CLI reads it from the old home). */
    private List<String> rollback(TestDatabase on) throws Exception {
        return Rollback.of(run, false, Optional.of(new DatasourceSpecs(List.of(spec(on, "jdbc:mysql:")))))
                .lines();
    }

    // ANA-DB-PK: APILASTACCESSSUMMARY as the 3.0.0 Siddhi app creates it; each ALTER behind its primary-key check

    private static final String PRIMARY_KEY = "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE"
            + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'APILASTACCESSSUMMARY' AND INDEX_NAME = 'PRIMARY'"
            + " ORDER BY SEQ_IN_INDEX";
    private static final String SUMMARY = "SELECT * FROM APILASTACCESSSUMMARY ORDER BY APINAME";

    private static TestDatabase analytics() throws Exception {
        String table = AnalyticsTable.createTable300(); // read (or skipped) before a database is made
        return seeded(
                null, table, AnalyticsTable.insert("PizzaShack", "1.0.0"), AnalyticsTable.insert("Weather", "2.0.0"));
    }

    @Test
    void anaDbPkOnMariaDbExportsTheOldIndexesAndColumnsFirstAndANewRunFolderRunsNoStatement() throws Exception {
        try (TestDatabase analytics = analytics()) {
            assertThat(migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK)
                            .completed())
                    .isTrue();

            Path exports = run.root().resolve("exports/sql-analytics-lastaccess-pk");
            assertThat(ExportedRows.read(exports.resolve("table-indexes.jsonl")))
                    .filteredOn(r -> "PRIMARY".equals(r.get("INDEX_NAME")))
                    .extracting(r -> r.get("COLUMN_NAME"))
                    .containsExactly("APINAME", "APICREATOR", "APICREATORTENANTDOMAIN");
            assertThat(ExportedRows.read(exports.resolve("table-definitions.jsonl")))
                    .filteredOn(r -> "APIVERSION".equals(r.get("COLUMN_NAME")))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("IS_NULLABLE")).isEqualTo("YES"));

            RunDirectory fresh = new RunDirectory(tmp.resolve("run-2"));
            assertThat(migrate(analytics, fresh, SqlScripts.ANALYTICS_LASTACCESS_PK)
                            .lines())
                    .contains("sql-analytics-lastaccess-pk: already done");
            assertThat(Journal.open(fresh.journal()).records())
                    .noneMatch(r -> isNote(r, JournalRecord.Event.STATEMENT_RAN));
            assertThat(analytics.strings(PRIMARY_KEY)).hasSize(4);
        }
    }

    @Test
    void anaDbPkFailingAfterTheDropOnMariaDbResumesWithoutDroppingAgainAndEndsAsOneCleanRun() throws Exception {
        try (TestDatabase analytics = analytics();
                TestDatabase clean = analytics()) {
            RunSqlScriptExecutor executor = new RunSqlScriptExecutor(
                    new MariaDbScriptExecutor((p, ids) -> brokenAt(SqlScripts.ANALYTICS_LASTACCESS_PK, 1, BROKEN_DDL)));
            ApplyContext ctx = context(analytics);
            PlanStep step = step("sql-" + SqlScripts.ANALYTICS_LASTACCESS_PK, SqlScripts.ANALYTICS_LASTACCESS_PK);

            assertThatThrownBy(() -> executor.apply(step, ctx))
                    .hasMessageContaining("02_broken.sql:9 failed")
                    .hasMessageContaining("a rerun skips them");
            assertThat(analytics.strings(PRIMARY_KEY)).as("the DROP committed").isEmpty();
            assertThat(executor.done(step, ctx.check())).isFalse();

            assertThat(migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK)
                            .completed())
                    .isTrue();

            migrate(clean, new RunDirectory(tmp.resolve("clean-run")), SqlScripts.ANALYTICS_LASTACCESS_PK);
            assertThat(schema(analytics)).isEqualTo(schema(clean));
            assertThat(ExportedRows.query(analytics.connection, SUMMARY))
                    .isEqualTo(ExportedRows.query(clean.connection, SUMMARY));
            List<JournalRecord> journal = Journal.open(run.journal()).records();
            assertThat(journal)
                    .filteredOn(r -> isNote(r, JournalRecord.Event.STATEMENT_RAN))
                    .extracting(r -> ((JournalRecord.Note) r).detail())
                    .containsExactly(
                            step.id() + " sql/analytics-lastaccess-pk/mysql/01_primary_key_with_version.sql:6",
                            step.id() + " sql/analytics-lastaccess-pk/mysql/01_primary_key_with_version.sql:7");
            assertThat(journal)
                    .filteredOn(r -> isNote(r, JournalRecord.Event.STATEMENT_SKIPPED))
                    .singleElement()
                    .satisfies(r -> assertThat(((JournalRecord.Note) r).detail())
                            .contains("01_primary_key_with_version.sql:6")
                            .contains("primary_key_differs"));
            assertThat(journal)
                    .filteredOn(JournalRecord.Export.class::isInstance)
                    .hasSize(2);
        }
    }

    @Test
    void anaDbPkRollbackOnMariaDbSaysTheKeyChangeIsNotUndoneEvenAfterAFailureHalfWay() throws Exception {
        try (TestDatabase analytics = analytics()) {
            // a NULL APIVERSION (ANA-PK-DUPLICATES, missed): the DROP commits, the ADD PRIMARY KEY fails (strict mode)
            analytics.run("INSERT INTO APILASTACCESSSUMMARY VALUES ('/maps', 'Maps', NULL, 'admin', 'carbon.super',"
                    + " 'admin', 1590000000000)");
            assertThatThrownBy(() -> migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK))
                    .hasMessageContaining("01_primary_key_with_version.sql:7 failed");
            assertThat(analytics.strings(PRIMARY_KEY)).as("the DROP committed").isEmpty();

            assertThat(rollback(analytics))
                    .singleElement()
                    .asString()
                    .startsWith(
                            "NOT UNDONE:"
                                    + " sql-analytics-lastaccess-pk changed (it failed half-way, after 1 statement(s) had run) the"
                                    + " schema of the apim_db MariaDB/MySQL database; DDL is committed at once on MariaDB/MySQL")
                    .contains("exports/sql-analytics-lastaccess-pk/table-definitions.jsonl")
                    .contains("exports/sql-analytics-lastaccess-pk/table-indexes.jsonl")
                    .contains("/backups/maria-full.sql");
        }
    }

    // ANA-PK-KEY-LENGTH: a key the server cannot hold is refused before the DROP PRIMARY KEY

    private static final String SHOW_CREATE = "SHOW CREATE TABLE APILASTACCESSSUMMARY";

    /** The 3.0.0 table in a character set of its own (the database is latin1), with two rows. */
    private static TestDatabase analyticsIn(String charset) throws Exception {
        String table = AnalyticsTable.createTable300() + " DEFAULT CHARSET=" + charset;
        return seeded(
                null, table, AnalyticsTable.insert("PizzaShack", "1.0.0"), AnalyticsTable.insert("Weather", "2.0.0"));
    }

    private static String showCreate(TestDatabase on) throws Exception {
        try (java.sql.Statement s = on.connection.createStatement();
                java.sql.ResultSet r = s.executeQuery(SHOW_CREATE)) {
            r.next();
            return r.getString(2);
        }
    }

    /** The ALTER TABLE statement a refusal message gives, from its "ALTER TABLE" line to the line ending in ';'. */
    private static String alterIn(String message) {
        List<String> lines = message.lines().map(String::strip).toList();
        int from = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("ALTER TABLE"))
                .findFirst()
                .orElseThrow());
        StringBuilder sql = new StringBuilder();
        for (String l : lines.subList(from, lines.size())) {
            sql.append(l).append('\n');
            if (l.endsWith(";")) {
                break;
            }
        }
        return sql.toString().strip().replaceFirst(";$", "");
    }

    @Test
    void anaPkKeyLengthOnAUtf8mb4TableMigrateRefusesBeforeAnyStatementAndLeavesTheTableAndItsKeyAsTheyWere()
            throws Exception {
        try (TestDatabase analytics = analyticsIn("utf8mb4")) {
            String definition = showCreate(analytics);
            List<String> schema = schema(analytics);
            List<Map<String, String>> rows = ExportedRows.query(analytics.connection, SUMMARY);

            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK));

            assertThat(refused).isInstanceOf(RunRefusedException.class).isNotInstanceOf(StepFailedException.class);
            assertThat(refused.getMessage())
                    .contains("APILASTACCESSSUMMARY")
                    .contains("4064 bytes")
                    .contains("more than the 3072 bytes InnoDB allows a key")
                    .contains("ANA-PK-KEY-LENGTH")
                    .contains("Nothing was changed")
                    .contains("CHARACTER SET utf8mb3")
                    .contains("run migrate again");
            assertThat(showCreate(analytics)).as("the table, byte for byte").isEqualTo(definition);
            assertThat(schema(analytics)).isEqualTo(schema);
            assertThat(analytics.strings(PRIMARY_KEY))
                    .containsExactly("APINAME", "APICREATOR", "APICREATORTENANTDOMAIN");
            assertThat(ExportedRows.query(analytics.connection, SUMMARY)).isEqualTo(rows);
            List<JournalRecord> journal = Journal.open(run.journal()).records();
            assertThat(journal)
                    .noneMatch(r -> r instanceof JournalRecord.Intent
                            || r instanceof JournalRecord.Export
                            || isNote(r, JournalRecord.Event.STATEMENT_RAN));

            MigrationPlan plan = new MigrationPlan(
                    "test",
                    "rules",
                    PRINT,
                    List.of(step("sql-" + SqlScripts.ANALYTICS_LASTACCESS_PK, SqlScripts.ANALYTICS_LASTACCESS_PK)));
            Preflight preflight = () -> new Preflight.Snapshot(
                    new Facts(List.of()),
                    PRINT,
                    List.of(),
                    new DatasourceSpecs(List.of(spec(analytics, "jdbc:mysql:"))));
            assertThat(new Engine()
                            .dryRun(plan, new RunDirectory(tmp.resolve("dry")), homes, preflight)
                            .lines())
                    .as("the dry run")
                    .anySatisfy(l -> assertThat(l).startsWith("  refused: ").contains("4064 bytes"));
            assertThat(showCreate(analytics)).isEqualTo(definition);
        }
    }

    @Test
    void anaPkKeyLengthTheAlterTableTheRefusalGivesMakesTheKeyFitAndTheRerunWidensItKeepingEveryRow() throws Exception {
        try (TestDatabase analytics = analyticsIn("utf8mb4")) {
            List<Map<String, String>> rows = ExportedRows.query(analytics.connection, SUMMARY);
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK));

            analytics.run(alterIn(refused.getMessage()));

            assertThat(migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK)
                            .completed())
                    .isTrue();
            assertThat(analytics.strings(PRIMARY_KEY))
                    .containsExactly("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN");
            assertThat(ExportedRows.query(analytics.connection, SUMMARY)).isEqualTo(rows);
        }
    }

    @Test
    void anaPkKeyLengthOnAUtf8mb3TableTheKeyOf3048BytesFitsAndTheScriptRuns() throws Exception {
        try (TestDatabase analytics = analyticsIn("utf8mb3")) {
            assertThat(migrate(analytics, run, SqlScripts.ANALYTICS_LASTACCESS_PK)
                            .completed())
                    .isTrue();

            assertThat(analytics.strings(PRIMARY_KEY))
                    .containsExactly("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN");
        }
    }

    private static boolean isNote(JournalRecord r, JournalRecord.Event event) {
        return r instanceof JournalRecord.Note n && n.event() == event;
    }
}
