package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared-database scripts on the real 3.0.0 kernel schema: the versioning clean-up (REG-VERSIONING-ENABLED)
 * deletes exactly the rows of versions that are no longer current and what only they referred to (docs/facts.md
 * section 6), and reg-index (IDX-REG-INDEX-SQL) keeps the newest REG_LOG row per path and tenant, minus action 7.
 */
class RegistryScriptsTest {
    private static final String T = "CURRENT_TIMESTAMP";

    /** Resource 'api' at /_system/governance/apis/pizza: version 12 is current, version 11 only in the history. */
    private static void seedVersionedRegistry(TestDatabase db) throws SQLException {
        db.run(
                "INSERT INTO REG_PATH (REG_PATH_ID, REG_PATH_VALUE, REG_PATH_PARENT_ID, REG_TENANT_ID)"
                        + " VALUES (1, '/_system/governance/apis/pizza', NULL, -1234)",
                "INSERT INTO REG_RESOURCE (REG_PATH_ID, REG_NAME, REG_VERSION, REG_CREATOR, REG_CREATED_TIME,"
                        + " REG_LAST_UPDATED_TIME, REG_TENANT_ID, REG_UUID)"
                        + " VALUES (1, 'api', 12, 'admin', " + T + ", " + T + ", -1234, 'uuid-12')",
                "INSERT INTO REG_RESOURCE_HISTORY (REG_PATH_ID, REG_NAME, REG_VERSION, REG_CREATOR, REG_CREATED_TIME,"
                        + " REG_LAST_UPDATED_TIME, REG_TENANT_ID, REG_UUID)"
                        + " VALUES (1, 'api', 11, 'admin', " + T + ", " + T + ", -1234, 'uuid-11')",
                "INSERT INTO REG_TAG (REG_ID, REG_TAG_NAME, REG_USER_ID, REG_TAGGED_TIME, REG_TENANT_ID)"
                        + " VALUES (1, 'beta', 'admin', " + T + ", -1234)",
                "INSERT INTO REG_TAG (REG_ID, REG_TAG_NAME, REG_USER_ID, REG_TAGGED_TIME, REG_TENANT_ID)"
                        + " VALUES (2, 'gold', 'admin', " + T + ", -1234)",
                "INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_TENANT_ID) VALUES (1, 11, -1234)",
                "INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_TENANT_ID) VALUES (2, 11, -1234)",
                "INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_TENANT_ID) VALUES (2, 12, -1234)",
                "INSERT INTO REG_PROPERTY (REG_ID, REG_NAME, REG_VALUE, REG_TENANT_ID)"
                        + " VALUES (1, 'state', 'CREATED', -1234)",
                "INSERT INTO REG_PROPERTY (REG_ID, REG_NAME, REG_VALUE, REG_TENANT_ID)"
                        + " VALUES (2, 'state', 'PUBLISHED', -1234)",
                "INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_VERSION, REG_TENANT_ID) VALUES (1, 11, -1234)",
                "INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_VERSION, REG_TENANT_ID) VALUES (2, 12, -1234)",
                "INSERT INTO REG_RATING (REG_ID, REG_RATING, REG_USER_ID, REG_RATED_TIME, REG_TENANT_ID)"
                        + " VALUES (1, 4, 'admin', " + T + ", -1234)",
                "INSERT INTO REG_RESOURCE_RATING (REG_RATING_ID, REG_VERSION, REG_TENANT_ID) VALUES (1, 11, -1234)",
                // a comment written while versioningComments was false: keyed by path and name, no version
                "INSERT INTO REG_COMMENT (REG_ID, REG_COMMENT_TEXT, REG_USER_ID, REG_COMMENTED_TIME, REG_TENANT_ID)"
                        + " VALUES (1, 'nice', 'admin', " + T + ", -1234)",
                "INSERT INTO REG_RESOURCE_COMMENT"
                        + " (REG_COMMENT_ID, REG_VERSION, REG_PATH_ID, REG_RESOURCE_NAME, REG_TENANT_ID)"
                        + " VALUES (1, NULL, 1, 'api', -1234)");
    }

    private static List<String> links(TestDatabase db, String kind, String idColumn) throws SQLException {
        return db.strings("SELECT CONCAT(CONCAT(CONCAT(CONCAT(CONCAT(CONCAT(CAST(" + idColumn
                + " AS VARCHAR(10)), ' v'), COALESCE(CAST(REG_VERSION AS VARCHAR(10)), '-')), ' path'),"
                + " COALESCE(CAST(REG_PATH_ID AS VARCHAR(10)), '-')), ' '), COALESCE(REG_RESOURCE_NAME, '-'))"
                + " FROM REG_RESOURCE_" + kind + " ORDER BY 1");
    }

    private static List<String> ids(TestDatabase db, String table) throws SQLException {
        return db.strings("SELECT CAST(REG_ID AS VARCHAR(10)) FROM " + table + " ORDER BY REG_ID");
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void regVersioningEnabledCleanUpDeletesExactlyTheRowsOfOldVersionsAndWhatOnlyTheyReferTo(DatabaseProduct dialect)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect)) {
            db.loadSchema("3.0.0", "");
            seedVersionedRegistry(db);

            db.run(SqlScripts.statements(SqlScripts.REGISTRY_VERSIONING_CLEANUP, dialect));

            assertThat(links(db, "TAG", "REG_TAG_ID")).containsExactly("2 v12 path1 api");
            assertThat(ids(db, "REG_TAG")).containsExactly("2");
            assertThat(links(db, "PROPERTY", "REG_PROPERTY_ID")).containsExactly("2 v12 path1 api");
            assertThat(ids(db, "REG_PROPERTY")).containsExactly("2");
            assertThat(links(db, "RATING", "REG_RATING_ID")).isEmpty();
            assertThat(ids(db, "REG_RATING")).isEmpty();
            assertThat(links(db, "COMMENT", "REG_COMMENT_ID")).containsExactly("1 v- path1 api");
            assertThat(ids(db, "REG_COMMENT")).containsExactly("1");
            assertThat(db.count("SELECT COUNT(*) FROM REG_RESOURCE")
                            + db.count("SELECT COUNT(*) FROM REG_RESOURCE_HISTORY"))
                    .isEqualTo(2);
        }
    }

    @Test
    void theGuidesVersioningScriptAlsoDeletesACommentStoredWithoutVersioning() throws Exception {
        String relative = "migration/migration-3.0.0_to_3.1.0/versioning-disable-scripts/h2.sql";
        try (TestDatabase db = TestDatabase.create(DatabaseProduct.H2)) {
            db.loadSchema("3.0.0", "");
            seedVersionedRegistry(db);

            db.run(StatementSplitter.split(
                    relative, TestDatabase.reference(relative), DatabaseProduct.Delimiter.SEMICOLON));

            assertThat(links(db, "COMMENT", "REG_COMMENT_ID")).isEmpty();
            assertThat(ids(db, "REG_COMMENT")).isEmpty();
            assertThat(links(db, "TAG", "REG_TAG_ID")).containsExactly("2 v12 path1 api");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void idxRegIndexSqlKeepsTheNewestLogRowPerPathAndTenantAndDropsAction7(DatabaseProduct dialect) throws Exception {
        Map<Integer, String> log = Map.of(
                1,
                "'/a', 1, -1234",
                2,
                "'/a', 2, -1234",
                3,
                "'/b', 1, -1234",
                4,
                "'/b', 7, -1234",
                5,
                "'/a', 1, 1",
                6,
                "NULL, 1, -1234",
                7,
                "NULL, 3, -1234");
        try (TestDatabase db = TestDatabase.create(dialect)) {
            db.loadSchema("3.0.0", "");
            for (Map.Entry<Integer, String> row : log.entrySet()) {
                db.run("INSERT INTO REG_LOG"
                        + " (REG_LOG_ID, REG_PATH, REG_ACTION, REG_TENANT_ID, REG_USER_ID, REG_LOGGED_TIME)"
                        + " VALUES (" + row.getKey() + ", " + row.getValue() + ", 'admin', " + T + ")");
            }

            db.run(SqlScripts.statements(SqlScripts.REG_INDEX, dialect));

            assertThat(db.strings("SELECT CAST(REG_LOG_ID AS VARCHAR(10)) FROM REG_LOG ORDER BY REG_LOG_ID"))
                    .containsExactly("2", "5", "7");
            assertThat(db.connection.getMetaData().getTables(null, null, "%", null))
                    .satisfies(r -> {
                        while (r.next()) {
                            assertThat(r.getString("TABLE_NAME")).isNotEqualToIgnoringCase("reg_log_ids_to_KEEP");
                        }
                    });
        }
    }
}
