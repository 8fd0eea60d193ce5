package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.jar;
import static dev.apimupgrade.scan.FileHomes.reference;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.AnalyticsDashboard;
import dev.apimupgrade.fact.AnalyticsDatasource;
import dev.apimupgrade.fact.AnalyticsHome;
import dev.apimupgrade.fact.AnalyticsJar;
import dev.apimupgrade.fact.AnalyticsWidget;
import dev.apimupgrade.fact.AnalyticsWumUpdates;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsHomeScannerTest {
    static final String WORKER_YAML = """
            wso2.carbon:
              id: wso2-am-analytics
            wso2.datasources:
              dataSources:
                - name: WSO2_METRICS_DB
                  definition:
                    type: RDBMS
                    configuration:
                      jdbcUrl: 'jdbc:h2:${sys:carbon.home}/wso2/dashboard/database/metrics;AUTO_SERVER=TRUE'
                      username: wso2carbon
                      password: wso2carbon
                      driverClassName: org.h2.Driver
                - name: APIM_ANALYTICS_DB
                  definition:
                    type: RDBMS
                    configuration:
                      jdbcUrl: 'jdbc:mysql://analytics.example:3306/stats?user=root&password=hunter2'
                      username: root
                      password: hunter2
                      driverClassName: com.mysql.jdbc.Driver
            """;

    @TempDir
    Path tmp;

    private Facts scan(Path oldAnalytics, Path newAnalytics) throws InputException {
        AnalyticsHomes homes = new AnalyticsHomes(Optional.ofNullable(oldAnalytics), Optional.ofNullable(newAnalytics));
        return new Facts(new AnalyticsHomeScanner(homes).scan(new Installation(tmp.resolve("apim"), Optional.empty())));
    }

    private Path analyticsHome(String name) throws IOException {
        Path home = tmp.resolve(name);
        Files.createDirectories(home.resolve("conf/worker"));
        Files.createDirectories(home.resolve("conf/dashboard"));
        return home;
    }

    @Test
    void everyWorkerDatasourceBecomesAFactWithItsLineAndAMaskedUrlAndNoPassword() throws IOException, InputException {
        Path home = analyticsHome("old");
        write(home, AnalyticsYaml.WORKER, WORKER_YAML);

        Facts facts = scan(home, null);

        assertThat(facts.ofType(AnalyticsDatasource.class))
                .extracting(AnalyticsDatasource::name)
                .containsExactly("WSO2_METRICS_DB", "APIM_ANALYTICS_DB");
        AnalyticsDatasource stats = facts.ofType(AnalyticsDatasource.class).get(1);
        assertThat(stats.profile()).isEqualTo("worker");
        assertThat(stats.driverClassName()).isEqualTo("com.mysql.jdbc.Driver");
        assertThat(stats.source().where()).isEqualTo("OLD-analytics:conf/worker/deployment.yaml");
        assertThat(stats.source().line()).isEqualTo(17);
        assertThat(stats.url()).contains("password=****");
        assertThat(facts.all().toString()).doesNotContain("hunter2");
    }

    @Test
    void malformedYamlIsAnInputErrorNamingTheFileAndLine() throws IOException {
        Path home = analyticsHome("old");
        write(home, AnalyticsYaml.DASHBOARD, "wso2.datasources:\n  dataSources:\n    - name: [unclosed\n");

        assertThatThrownBy(() -> scan(home, null)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.file()).endsWith("deployment.yaml");
            assertThat(e.line()).isGreaterThan(2);
        });
    }

    @Test
    void aFolderWithoutAnalyticsProfilesIsRefusedAsAnAnalyticsHome() throws IOException {
        Path notAnalytics = Files.createDirectories(tmp.resolve("elsewhere"));

        assertThatThrownBy(() -> scan(null, notAnalytics))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--new-analytics");
    }

    @Test
    void dashboardsOutsideTheShippedNamesAreCustomAndImportedMarkersAreNotDashboards()
            throws IOException, InputException {
        Path home = analyticsHome("old");
        write(home, AnalyticsHomeScanner.DASHBOARDS + "/apimpublisher.json", "{}");
        write(home, AnalyticsHomeScanner.DASHBOARDS + "/apimpublisher.json.imported", "123");
        write(home, AnalyticsHomeScanner.DASHBOARDS + "/partner-sla.json", "{}");

        Facts facts = scan(home, null);

        assertThat(facts.ofType(AnalyticsDashboard.class))
                .extracting(AnalyticsDashboard::name, AnalyticsDashboard::custom)
                .containsExactly(tuple("apimpublisher", false), tuple("partner-sla", true));
    }

    @Test
    void jarsOfLibAndDropinsSayWhetherTheyAreBundlesAndWhichDriverTheyDeclare() throws IOException, InputException {
        Path home = analyticsHome("new");
        jar(
                home,
                "lib/mysql_connector_java_8.0.19_1.0.0.jar",
                Map.of("Bundle-SymbolicName", "mysql_connector_java_8.0.19_1.0.0"),
                Map.of("META-INF/services/java.sql.Driver", "com.mysql.cj.jdbc.Driver\n"));
        jar(home, "dropins/plain.jar", Map.of(), Map.of("a.txt", "x"));

        Facts facts = scan(null, home);

        assertThat(facts.ofType(AnalyticsJar.class))
                .extracting(AnalyticsJar::name, AnalyticsJar::osgiBundle, AnalyticsJar::jdbcDriverClass)
                .containsExactly(
                        tuple("mysql_connector_java_8.0.19_1.0.0.jar", true, "com.mysql.cj.jdbc.Driver"),
                        tuple("plain.jar", false, ""));
        assertThat(facts.ofType(AnalyticsJar.class)).allMatch(j -> j.role() == Role.NEW);
    }

    @Test
    void theWumLevelAndVersionMarkerOfEachAnalyticsHomeAreRead() throws IOException, InputException {
        Path updated = analyticsHome("new");
        write(updated, "updates/product.txt", "wso2am-analytics-3.1.0\n");
        write(updated, "updates/wum/1590663289530", "level");
        Path plain = analyticsHome("old");

        Facts facts = scan(plain, updated);

        assertThat(facts.ofType(AnalyticsWumUpdates.class))
                .extracting(AnalyticsWumUpdates::role, AnalyticsWumUpdates::present, AnalyticsWumUpdates::level)
                .containsExactly(tuple(Role.OLD, false, ""), tuple(Role.NEW, true, "1590663289530"));
        assertThat(facts.ofType(AnalyticsHome.class))
                .extracting(AnalyticsHome::versionMarker)
                .containsExactly("", "wso2am-analytics-3.1.0");
    }

    @Test
    void withoutAnalyticsHomesNothingIsObserved() throws InputException {
        assertThat(scan(null, null).all()).isEmpty();
    }

    @Test
    void theRealAnalyticsWorkerAndDashboardYamlGiveTheirApimAnalyticsDbAndAmDb() throws IOException, InputException {
        Path real = reference().resolve("apim-analytics-3.0.0");
        Path home = analyticsHome("real");
        Files.copy(real.resolve(AnalyticsYaml.WORKER), home.resolve(AnalyticsYaml.WORKER));
        Files.copy(real.resolve(AnalyticsYaml.DASHBOARD), home.resolve(AnalyticsYaml.DASHBOARD));

        Facts facts = scan(home, null);

        assertThat(facts.ofType(AnalyticsDatasource.class))
                .filteredOn(d -> d.name().equals("APIM_ANALYTICS_DB"))
                .extracting(AnalyticsDatasource::profile)
                .containsExactlyInAnyOrder("worker", "dashboard");
        assertThat(facts.ofType(AnalyticsDatasource.class)).anySatisfy(d -> {
            assertThat(d.profile()).isEqualTo("dashboard");
            assertThat(d.name()).isEqualTo("AM_DB");
            assertThat(d.url()).contains("wso2am-3.0.0/repository/database/WSO2AM_DB");
        });
        assertThat(facts.all().toString()).doesNotContain("wso2carbon");
    }

    @Test
    void everyWidgetFolderOfTheDashboardPortalIsObservedByName() throws IOException, InputException {
        Path home = analyticsHome("old");
        write(home, AnalyticsHomeScanner.WIDGETS + "/PartnerSlaWidget/widgetConf.json", "{}");
        write(home, AnalyticsHomeScanner.WIDGETS + "/README.txt", "not a widget");

        Facts facts = scan(home, null);

        assertThat(facts.ofType(AnalyticsWidget.class))
                .extracting(AnalyticsWidget::name)
                .containsExactly("PartnerSlaWidget");
    }
}
