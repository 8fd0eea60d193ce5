package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.H2_AM;
import static dev.apimupgrade.rules.Given.MYSQL_AM;
import static dev.apimupgrade.rules.Given.MYSQL_SHARED;
import static dev.apimupgrade.rules.Given.datasource;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.AnalyticsDashboard;
import dev.apimupgrade.fact.AnalyticsDatasource;
import dev.apimupgrade.fact.AnalyticsHome;
import dev.apimupgrade.fact.AnalyticsJar;
import dev.apimupgrade.fact.AnalyticsPackElsewhere;
import dev.apimupgrade.fact.AnalyticsWidget;
import dev.apimupgrade.fact.AnalyticsWumUpdates;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsRulesTest {
    private static final List<String> FOLLOWERS =
            List.of("ANA-ENABLE-NEW", "ANA-WUM-PACK", "ANA-DATASOURCES", "ANA-JDBC-OSGI", "ANA-CUSTOM-DASHBOARDS");

    private static TomlSetting analytics(Role role, String value) {
        return setting(role, "apim.analytics.enable", value);
    }

    @Test
    void anaEnabledAppliesWhenTheOldTomlEnablesAnalytics() {
        assertThat(decide(analytics(Role.OLD, "true")).status("ANA-ENABLED")).isEqualTo(Status.APPLIES);
    }

    @Test
    void anaEnabledIsNotApplicableWhenAnalyticsIsFalseOrAbsent() {
        assertThat(decide(analytics(Role.OLD, "false")).status("ANA-ENABLED")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(decide(setting(Role.OLD, "server.hostname", "localhost"), analytics(Role.NEW, "true"))
                        .status("ANA-ENABLED"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void anaEnabledIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status("ANA-ENABLED")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anaEnableNewAppliesAndSetsTheNewFlagWhenOnlyTheOldHomeEnablesAnalytics() {
        Verdict v = decide(analytics(Role.OLD, "true"), analytics(Role.NEW, "false"));

        assertThat(v.status("ANA-ENABLE-NEW")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "ANA-ENABLE-NEW")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("SetTomlValue");
            assertThat(a.target()).isEqualTo("apim.analytics.enable");
            assertThat(a.params()).containsEntry("value", "true");
        });
    }

    @Test
    void anaEnableNewIsNotApplicableWhenTheNewHomeAlreadyEnablesAnalytics() {
        Verdict v = decide(analytics(Role.OLD, "true"), analytics(Role.NEW, "true"));

        assertThat(v.status("ANA-ENABLE-NEW")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "ANA-ENABLE-NEW")).isEmpty();
    }

    @Test
    void anaEnableNewAnaWumPackAnaDatasourcesAnaJdbcOsgiAndAnaCustomDashboardsAreNotApplicableWhenAnalyticsIsOff() {
        Verdict v = decide(analytics(Role.OLD, "false"), datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM));

        assertThat(FOLLOWERS).allSatisfy(id -> assertThat(v.status(id)).as(id).isEqualTo(Status.NOT_APPLICABLE));
        assertThat(v.actions()).noneMatch(a -> a.conditionId().startsWith("ANA-"));
    }

    @Test
    void anaEnableNewAnaWumPackAnaDatasourcesAnaJdbcOsgiAndAnaCustomDashboardsAreUnknownWithoutTheOldToml() {
        Verdict v = decide(home(Role.OLD));

        assertThat(FOLLOWERS).allSatisfy(id -> assertThat(v.status(id)).as(id).isEqualTo(Status.UNKNOWN));
    }

    @Test
    void anaWumPackAppliesAsAWarningWhenAnalyticsIsOnBecauseTheAnalyticsHomeIsNotScanned() {
        Verdict v = decide(analytics(Role.OLD, "true"));

        assertThat(v.status("ANA-WUM-PACK")).isEqualTo(Status.APPLIES);
        assertThat(v.result("ANA-WUM-PACK").severity()).isEqualTo(Severity.WARNING);
        assertThat(said(v, "ANA-WUM-PACK")).contains("not scanned");
    }

    @Test
    void anaDatasourcesAppliesWithAManualStepWhenAnalyticsIsOn() {
        Verdict v = decide(analytics(Role.OLD, "true"));

        assertThat(v.status("ANA-DATASOURCES")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "ANA-DATASOURCES"))
                .singleElement()
                .satisfies(a -> assertThat(a.automated()).isFalse());
    }

    @Test
    void anaJdbcOsgiAppliesWhenAnalyticsIsOnAndAnOldDatasourceIsNotH2() {
        Verdict v = decide(
                analytics(Role.OLD, "true"),
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                datasource(Role.OLD, "shared_db", "h2", H2_AM));

        assertThat(v.status("ANA-JDBC-OSGI")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "ANA-JDBC-OSGI")).contains("[database.apim_db]").doesNotContain("shared_db");
    }

    @Test
    void anaJdbcOsgiIsNotApplicableWhenAnalyticsIsOnAndEveryApimDatasourceIsH2() {
        Verdict v = decide(analytics(Role.OLD, "true"), datasource(Role.OLD, "apim_db", "h2", H2_AM));

        assertThat(v.status("ANA-JDBC-OSGI")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "ANA-JDBC-OSGI")).isEmpty();
    }

    @Test
    void anaJdbcOsgiIsUnknownWhenAnalyticsIsOnButNoDatasourceWasRead() {
        assertThat(decide(analytics(Role.OLD, "true")).status("ANA-JDBC-OSGI")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void anaCustomDashboardsIsUnknownWhenAnalyticsIsOnBecauseTheAnalyticsHomeIsNotScanned() {
        Verdict v = decide(analytics(Role.OLD, "true"));

        assertThat(v.status("ANA-CUSTOM-DASHBOARDS")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "ANA-CUSTOM-DASHBOARDS")).contains("not scanned");
    }

    // ---------------------------------------------------------------- with the analytics homes scanned

    private static final String H2_STATS =
            "jdbc:h2:${sys:carbon.home}/wso2/worker/database/WSO2AM_STATS_DB;AUTO_SERVER=TRUE";
    private static final String MYSQL_STATS = "jdbc:mysql://stats.example.com:3306/analytics_db";

    private static AnalyticsHome analyticsHome(Role role) {
        return new AnalyticsHome(role, "", SourceRef.analytics(role, ".", 0));
    }

    private static AnalyticsDatasource ds(Role role, String profile, String name, String url) {
        String driver = url.startsWith("jdbc:mysql") ? "com.mysql.jdbc.Driver" : "org.h2.Driver";
        return new AnalyticsDatasource(
                role,
                profile,
                name,
                url,
                driver,
                SourceRef.analytics(role, "conf/" + profile + "/deployment.yaml", 40));
    }

    private static AnalyticsWumUpdates analyticsWum(boolean present) {
        return new AnalyticsWumUpdates(
                Role.NEW, present, present ? "1590663289530" : "", SourceRef.analytics(Role.NEW, "updates/wum", 0));
    }

    private static AnalyticsDashboard dashboard(String name, boolean custom) {
        return new AnalyticsDashboard(
                Role.OLD,
                name,
                custom,
                SourceRef.analytics(Role.OLD, "wso2/dashboard/resources/dashboards/" + name + ".json", 0));
    }

    private static AnalyticsJar analyticsJar(String name, boolean bundle, String symbolicName, String driver) {
        return new AnalyticsJar(
                Role.NEW, "lib", name, bundle, symbolicName, driver, SourceRef.analytics(Role.NEW, "lib/" + name, 0));
    }

    /** Analytics on, both analytics homes scanned, and the guide's three datasources of the old home. */
    private static List<Observation> scanned(String statsUrl) {
        return new ArrayList<>(List.of(
                analytics(Role.OLD, "true"),
                analyticsHome(Role.OLD),
                analyticsHome(Role.NEW),
                ds(Role.OLD, "worker", "APIM_ANALYTICS_DB", statsUrl),
                ds(Role.OLD, "dashboard", "APIM_ANALYTICS_DB", statsUrl),
                ds(Role.OLD, "dashboard", "AM_DB", MYSQL_AM)));
    }

    private static Verdict decideAll(List<Observation> facts, Observation... more) {
        List<Observation> all = new ArrayList<>(facts);
        all.addAll(List.of(more));
        return decide(all.toArray(Observation[]::new));
    }

    @Test
    void anaWumPackIsNotApplicableWhenTheNewAnalyticsPackHasWumMetadata() {
        Verdict v = decide(analytics(Role.OLD, "true"), analyticsWum(true));

        assertThat(v.status("ANA-WUM-PACK")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "ANA-WUM-PACK")).contains("1590663289530");
    }

    @Test
    void anaWumPackAppliesAsAWarningWhenTheNewAnalyticsPackHasNoWumMetadata() {
        Verdict v = decide(analytics(Role.OLD, "true"), analyticsWum(false));

        assertThat(v.status("ANA-WUM-PACK")).isEqualTo(Status.APPLIES);
        assertThat(v.result("ANA-WUM-PACK").severity()).isEqualTo(Severity.WARNING);
        assertThat(said(v, "ANA-WUM-PACK")).contains("no WUM update metadata").doesNotContain("not scanned");
    }

    @Test
    void anaWumPackIsNotApplicableWhenAnalyticsIsOffEvenIfTheNewAnalyticsPackLacksWum() {
        assertThat(decide(analytics(Role.OLD, "false"), analyticsWum(false)).status("ANA-WUM-PACK"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void anaDatasourcesAppliesWithOneStepPerNewDatasourceThatPointsElsewhere() {
        Verdict v = decideAll(
                scanned(MYSQL_STATS),
                ds(Role.NEW, "worker", "APIM_ANALYTICS_DB", MYSQL_STATS),
                ds(Role.NEW, "dashboard", "APIM_ANALYTICS_DB", "jdbc:mysql://other.example.com:3306/stats"),
                ds(Role.NEW, "dashboard", "AM_DB", MYSQL_AM));

        assertThat(v.status("ANA-DATASOURCES")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "ANA-DATASOURCES")).singleElement().satisfies(a -> {
            assertThat(a.automated()).isFalse();
            assertThat(a.target()).isEqualTo("NEW-analytics:conf/dashboard/deployment.yaml#APIM_ANALYTICS_DB");
            assertThat(a.params()).containsEntry("jdbcUrl", MYSQL_STATS);
        });
    }

    @Test
    void anaDatasourcesAppliesWhenTheNewDashboardLacksAmDbOrKeepsItsOwnH2File() {
        Verdict v = decideAll(
                scanned(H2_STATS),
                ds(Role.NEW, "worker", "APIM_ANALYTICS_DB", H2_STATS),
                ds(Role.NEW, "dashboard", "APIM_ANALYTICS_DB", H2_STATS));

        assertThat(v.status("ANA-DATASOURCES")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "ANA-DATASOURCES"))
                .filteredOn(a -> a.target().endsWith("APIM_ANALYTICS_DB"))
                .allSatisfy(a -> assertThat(a.params().get("jdbcUrl"))
                        .startsWith("jdbc:h2:<3.0.0 analytics home>/wso2/worker/database/WSO2AM_STATS_DB"));
        assertThat(actions(v, "ANA-DATASOURCES"))
                .extracting(a -> a.target())
                .containsExactlyInAnyOrder(
                        "NEW-analytics:conf/worker/deployment.yaml#APIM_ANALYTICS_DB",
                        "NEW-analytics:conf/dashboard/deployment.yaml#APIM_ANALYTICS_DB",
                        "NEW-analytics:conf/dashboard/deployment.yaml#AM_DB");
    }

    @Test
    void anaDatasourcesIsNotApplicableWhenEveryNewDatasourceAlreadyPointsAtTheOldDatabases() {
        Verdict v = decideAll(
                scanned(MYSQL_STATS),
                ds(Role.NEW, "worker", "APIM_ANALYTICS_DB", MYSQL_STATS),
                ds(Role.NEW, "dashboard", "APIM_ANALYTICS_DB", MYSQL_STATS),
                ds(Role.NEW, "dashboard", "AM_DB", MYSQL_AM));

        assertThat(v.status("ANA-DATASOURCES")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "ANA-DATASOURCES")).isEmpty();
    }

    @Test
    void anaDatasourcesIsUnknownWhenTheOldAnalyticsHomeDefinesNoneOfTheGuidesDatasources() {
        Verdict v = decide(
                analytics(Role.OLD, "true"),
                analyticsHome(Role.OLD),
                analyticsHome(Role.NEW),
                ds(Role.OLD, "worker", "WSO2_METRICS_DB", H2_STATS));

        assertThat(v.status("ANA-DATASOURCES")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "ANA-DATASOURCES")).contains("APIM_ANALYTICS_DB");
    }

    @Test
    void anaJdbcOsgiAppliesWhenTheAnalyticsDatabaseIsMysqlAndTheNewPackHasOnlyAPlainDriverJar() {
        Verdict v = decideAll(
                scanned(MYSQL_STATS),
                analyticsJar("mysql-connector-java-8.0.19.jar", false, "", "com.mysql.cj.jdbc.Driver"));

        assertThat(v.status("ANA-JDBC-OSGI")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "ANA-JDBC-OSGI"))
                .contains("worker APIM_ANALYTICS_DB")
                .contains("lib/mysql-connector-java");
        assertThat(actions(v, "ANA-JDBC-OSGI"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.params().get("command")).contains("jartobundle"));
    }

    @Test
    void anaJdbcOsgiIsNotApplicableWhenTheNewPackHasABundleOfTheDriver() {
        Verdict v = decideAll(
                scanned(MYSQL_STATS),
                analyticsJar("mysql_connector_java_8.0.19_1.0.0.jar", true, "mysql_connector_java_8.0.19_1.0.0", ""));

        assertThat(v.status("ANA-JDBC-OSGI")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "ANA-JDBC-OSGI")).isEmpty();
    }

    @Test
    void anaJdbcOsgiFollowsTheAnalyticsDatabasesNotTheApimOnesWhenTheOldAnalyticsHomeIsScanned() {
        Verdict v = decide(
                analytics(Role.OLD, "true"),
                analyticsHome(Role.OLD),
                ds(Role.OLD, "worker", "APIM_ANALYTICS_DB", H2_STATS),
                ds(Role.OLD, "dashboard", "AM_DB", H2_AM),
                datasource(Role.OLD, "shared_db", "mysql", MYSQL_SHARED));

        assertThat(v.status("ANA-JDBC-OSGI")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void anaJdbcOsgiAppliesAndSaysTheTargetIsNotScannedWithoutTheNewAnalyticsHome() {
        Verdict v = decide(
                analytics(Role.OLD, "true"),
                analyticsHome(Role.OLD),
                ds(Role.OLD, "worker", "APIM_ANALYTICS_DB", MYSQL_STATS));

        assertThat(v.status("ANA-JDBC-OSGI")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "ANA-JDBC-OSGI")).contains("--new-analytics");
    }

    @Test
    void anaCustomDashboardsAppliesAndNamesTheCustomDashboardsOfTheOldAnalyticsHome() {
        Verdict v = decide(
                analytics(Role.OLD, "true"),
                analyticsHome(Role.OLD),
                dashboard("apimpublisher", false),
                dashboard("partner-sla", true));

        assertThat(v.status("ANA-CUSTOM-DASHBOARDS")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "ANA-CUSTOM-DASHBOARDS")).contains("partner-sla").doesNotContain("apimpublisher");
        assertThat(actions(v, "ANA-CUSTOM-DASHBOARDS"))
                .singleElement()
                .satisfies(a -> assertThat(a.automated()).isFalse());
    }

    @Test
    void anaCustomDashboardsIsNotApplicableWhenTheOldAnalyticsHomeHasOnlyShippedDashboards() {
        Verdict v = decide(analytics(Role.OLD, "true"), analyticsHome(Role.OLD), dashboard("apimpublisher", false));

        assertThat(v.status("ANA-CUSTOM-DASHBOARDS")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "ANA-CUSTOM-DASHBOARDS")).contains("DASHBOARD_DB");
    }

    @Test
    void anaCustomDashboardsIsNotApplicableWhenAnalyticsIsOffEvenWithCustomDashboards() {
        assertThat(decide(analytics(Role.OLD, "false"), analyticsHome(Role.OLD), dashboard("partner-sla", true))
                        .status("ANA-CUSTOM-DASHBOARDS"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    private static AnalyticsWidget widget(Role role, String name) {
        return new AnalyticsWidget(
                role,
                name,
                SourceRef.analytics(
                        role,
                        "wso2/dashboard/deployment/web-ui-apps/analytics-dashboard/extensions/widgets/" + name,
                        0));
    }

    @Test
    void anaCustomDashboardsAppliesForAnOldWidgetTheNewPackDoesNotShip() {
        Verdict v = decide(
                analytics(Role.OLD, "true"),
                analyticsHome(Role.OLD),
                analyticsHome(Role.NEW),
                widget(Role.OLD, "APIMApiUsage"),
                widget(Role.OLD, "PartnerSlaWidget"),
                widget(Role.NEW, "APIMApiUsage"));

        assertThat(v.status("ANA-CUSTOM-DASHBOARDS")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "ANA-CUSTOM-DASHBOARDS"))
                .contains("PartnerSlaWidget")
                .doesNotContain("APIMApiUsage");
        assertThat(actions(v, "ANA-CUSTOM-DASHBOARDS"))
                .singleElement()
                .satisfies(a -> assertThat(a.target())
                        .isEqualTo(
                                "NEW-analytics:wso2/dashboard/deployment/web-ui-apps/analytics-dashboard/extensions/widgets/"
                                        + "PartnerSlaWidget"));
    }

    @Test
    void anaCustomDashboardsIsNotApplicableWhenEveryOldWidgetShipsWithTheNewPack() {
        Verdict v = decide(
                analytics(Role.OLD, "true"),
                analyticsHome(Role.OLD),
                analyticsHome(Role.NEW),
                widget(Role.OLD, "APIMApiUsage"),
                widget(Role.NEW, "APIMApiUsage"));

        assertThat(v.status("ANA-CUSTOM-DASHBOARDS")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void anaCustomDashboardsIsUnknownWhenOldWidgetsCannotBeComparedWithoutTheNewAnalyticsPack() {
        Verdict v = decide(analytics(Role.OLD, "true"), analyticsHome(Role.OLD), widget(Role.OLD, "APIMApiUsage"));

        assertThat(v.status("ANA-CUSTOM-DASHBOARDS")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "ANA-CUSTOM-DASHBOARDS")).contains("--new-analytics");
    }

    /** The analytics pack's own steps (catalogue nodes: [analytics]). */
    private static final List<String> PACK_STEPS = List.of(
            "ANA-PK-KEY-LENGTH",
            "ANA-DB-PK",
            "ANA-PK-DUPLICATES",
            "ANA-COLLATION",
            "ANA-WUM-PACK",
            "ANA-DATASOURCES",
            "ANA-JDBC-OSGI",
            "ANA-CUSTOM-DASHBOARDS");

    private static final AnalyticsPackElsewhere ON_ANALYTICS_NODE =
            new AnalyticsPackElsewhere("pattern-1", List.of("analytics-worker"));

    @Test
    void anaPackStepsAreNotApplicableOnANodeWhoseDeploymentNamesTheAnalyticsPackOnAnotherNode() {
        Verdict v = decide(analytics(Role.OLD, "true"), ON_ANALYTICS_NODE);
        for (String id : PACK_STEPS) {
            assertThat(v.status(id)).as(id).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(said(v, id))
                    .as(id)
                    .startsWith("not on this node: the guide runs this step on the analytics pack")
                    .contains("analytics-worker");
            assertThat(actions(v, id)).as(id).isEmpty();
        }
        // enabling analytics in the node's own 3.1.0 configuration stays the node's
        assertThat(v.status("ANA-ENABLE-NEW")).isNotEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void anaPackStepsStayOnTheNodeThatNamesTheAnalyticsHomesEvenWhenOtherNodesDoToo() {
        Verdict v = decide(analytics(Role.OLD, "true"), ON_ANALYTICS_NODE, analyticsHome(Role.OLD));
        for (String id : PACK_STEPS) {
            assertThat(said(v, id)).as(id).doesNotContain("not on this node");
        }
    }

    @Test
    void anaPackStepsAreDecidedAsBeforeOutsideADeploymentThatNamesTheAnalyticsPack() {
        Verdict v = decide(analytics(Role.OLD, "true"));
        for (String id : PACK_STEPS) {
            assertThat(said(v, id)).as(id).doesNotContain("not on this node");
        }
        assertThat(v.status("ANA-WUM-PACK")).isEqualTo(Status.APPLIES);
    }
}
