package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's own H2 scripts (read from the reference folder, never copied) run on copies of the sample databases, so
 * the sample schemas are faithful enough for the migrate command and the versioned rows behave as the guide expects.
 */
class GuideScriptsOnTheSamplesTest {
    @TempDir
    Path copies;

    private Connection copyOf(String sample, String database, String password) throws Exception {
        Path dir = Files.createDirectories(copies.resolve(sample));
        Files.copy(
                Samples.home(sample).resolve("repository/database/" + database + ".mv.db"),
                dir.resolve(database + ".mv.db"));
        String url = "jdbc:h2:file:" + dir.resolve(database) + ";IFEXISTS=TRUE";
        return DriverManager.getConnection(url, H2Databases.USER, password);
    }

    private static void run(Connection c, Path script) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String sql : H2Databases.statements(Files.readString(script))) {
                s.execute(sql);
            }
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theGuidesAmScriptRunsOnTheDefaultSamplesWso2AmDb() throws Exception {
        Path script = ReferenceFiles.require("migration/migration-3.0.0_to_3.1.0/h2.sql");
        try (Connection am = copyOf(Samples.DEFAULT, "WSO2AM_DB", Samples.plantedSecret("default.apim_db.password"))) {
            run(am, script);
            assertThat(count(am, "SELECT COUNT(*) FROM AM_SYSTEM_APPS WHERE TENANT_DOMAIN = 'carbon.super'"))
                    .isEqualTo(2);
            assertThat(count(am, "SELECT COUNT(*) FROM AM_API_CATEGORIES")).isZero();
        }
    }

    @Test
    void theVersioningCleanUpRemovesTheOldVersionsRowsOfTheCustomSampleAndTheOrphanedTag() throws Exception {
        Path script = ReferenceFiles.require("migration/migration-3.0.0_to_3.1.0/versioning-disable-scripts/h2.sql");
        try (Connection shared =
                copyOf(Samples.CUSTOM, "WSO2SHARED_DB", Samples.plantedSecret("custom.shared_db.password"))) {
            run(shared, script);
            // versions 1, 2 and 4 live only in REG_RESOURCE_HISTORY: their tag and property rows go
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_TAG")).isEqualTo(4);
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_TAG WHERE REG_PATH_ID IS NULL"))
                    .isZero();
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_TAG WHERE REG_TAG_NAME = 'beta'"))
                    .isZero();
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_PROPERTY"))
                    .isEqualTo(4);
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_PROPERTY")).isEqualTo(4);
        }
    }

    @Test
    void theVersioningCleanUpAlsoDeletesCommentsAndRatingsStoredWithoutVersionsWhenOnlySomeFlagsWereOn()
            throws Exception {
        // The script's UPDATEs have no WHERE clause: a row with REG_VERSION NULL (written while its flag was false)
        // gets REG_PATH_ID NULL and is then deleted. The custom sample versions properties and tags only.
        Path script = ReferenceFiles.require("migration/migration-3.0.0_to_3.1.0/versioning-disable-scripts/h2.sql");
        try (Connection shared =
                copyOf(Samples.CUSTOM, "WSO2SHARED_DB", Samples.plantedSecret("custom.shared_db.password"))) {
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_COMMENT"))
                    .isEqualTo(1);
            run(shared, script);
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_COMMENT"))
                    .isZero();
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_COMMENT")).isZero();
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_RATING"))
                    .isZero();
        }
    }

    @Test
    void theReIndexScriptKeepsTheNewestLogRowPerPathAndDropsAction7Rows() throws Exception {
        Path script = ReferenceFiles.require("migration/reg-index.sql");
        try (Connection shared =
                copyOf(Samples.CUSTOM, "WSO2SHARED_DB", Samples.plantedSecret("custom.shared_db.password"))) {
            run(shared, script);
            // 4 paths; the PizzaShack path's newest row was an action 7 row, which the last statement deletes
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_LOG")).isEqualTo(3);
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_LOG WHERE REG_ACTION = 7"))
                    .isZero();
        }
    }
}
