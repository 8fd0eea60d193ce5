package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom sample's analytics homes show what the analytics conditions must find: APIM_ANALYTICS_DB with the 3.0.0
 * key, a NULL APIVERSION row (on which the guide's own H2 script fails) and two rows that differ only in case, the
 * planted password in the worker yaml, one custom dashboard, and a WUM-updated 3.1.0 target.
 */
class AnalyticsSampleTest {
    private static final String STATS_DB = "wso2/worker/database/WSO2AM_STATS_DB";

    @TempDir
    Path copies;

    private Connection statsCopy() throws Exception {
        Path source = Samples.home(Samples.ANALYTICS_CUSTOM).resolve(STATS_DB + ".mv.db");
        Files.copy(source, copies.resolve("STATS.mv.db"));
        return DriverManager.getConnection(
                "jdbc:h2:file:" + copies.resolve("STATS") + ";IFEXISTS=TRUE",
                H2Databases.USER,
                Samples.plantedSecret("custom.analytics_db.password"));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theAnalyticsDatabaseHasThe300KeyANullVersionRowAndTwinsThatDifferOnlyInCase() throws Exception {
        try (Connection c = statsCopy()) {
            List<String> key = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, "APILASTACCESSSUMMARY")) {
                while (rs.next()) {
                    key.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertThat(key).containsExactlyInAnyOrder("APINAME", "APICREATOR", "APICREATORTENANTDOMAIN");
            assertThat(count(c, "SELECT COUNT(*) FROM APILASTACCESSSUMMARY WHERE APIVERSION IS NULL"))
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM (SELECT UPPER(APINAME), APICREATOR, APIVERSION,"
                                    + " APICREATORTENANTDOMAIN FROM APILASTACCESSSUMMARY GROUP BY UPPER(APINAME), APICREATOR, APIVERSION,"
                                    + " APICREATORTENANTDOMAIN HAVING COUNT(*) > 1)"))
                    .isEqualTo(1);
        }
    }

    @Test
    void theGuidesH2AnalyticsScriptFailsOnTheNullApiVersionRowAsAnaPkDuplicatesWarns() throws Exception {
        Path script = ReferenceFiles.require("migration/docs-apim-guide/analytics-3.0.0_to_3.1.0/h2.sql");
        try (Connection c = statsCopy();
                Statement s = c.createStatement()) {
            List<String> statements = H2Databases.statements(Files.readString(script));
            s.execute(statements.get(0));
            assertThatThrownBy(() -> s.execute(statements.get(1))).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theOldWorkerYamlHoldsThePlantedAnalyticsPasswordAndTheTargetIsWumUpdated() throws Exception {
        Path old = Samples.home(Samples.ANALYTICS_CUSTOM);
        assertThat(Files.readString(old.resolve("conf/worker/deployment.yaml")))
                .contains(Samples.plantedSecret("custom.analytics_db.password"))
                .contains("WSO2AM_STATS_DB");
        assertThat(old.resolve(AnalyticsSample.DASHBOARDS + "partner-sla.json")).isRegularFile();
        assertThat(old.resolve(AnalyticsSample.WIDGETS + AnalyticsSample.CUSTOM_WIDGET))
                .isDirectory();
        assertThat(Samples.home(Samples.ANALYTICS_TARGET)
                        .resolve(AnalyticsSample.WIDGETS + AnalyticsSample.CUSTOM_WIDGET))
                .doesNotExist();
        Path target = Samples.home(Samples.ANALYTICS_TARGET);
        assertThat(target.resolve("updates/wum/" + AnalyticsSample.WUM_LEVEL)).isRegularFile();
        assertThat(Files.readString(target.resolve("conf/worker/deployment.yaml")))
                .contains("APIM_ANALYTICS_DB;");
    }

    @Test
    void theAnalyticsExpectationListsEveryCatalogueIdOnceAndDiffersFromTheCustomSampleOnlyInAnalytics() {
        List<String> ids =
                ConditionCatalogue.load().all().stream().map(Condition::id).toList();
        var withAnalytics = Samples.expectedStatuses(Samples.CUSTOM_WITH_ANALYTICS);
        var without = Samples.expectedStatuses(Samples.CUSTOM);

        assertThat(withAnalytics.keySet()).containsExactlyElementsOf(ids);
        withAnalytics.forEach((id, status) -> {
            if (!id.startsWith("ANA-")) {
                assertThat(status).as(id).isEqualTo(without.get(id));
            }
        });
        assertThat(withAnalytics.get("ANA-PK-DUPLICATES")).isEqualTo("APPLIES");
    }
}
