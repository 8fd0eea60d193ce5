package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.H2_AM;
import static dev.apimupgrade.rules.Given.MYSQL_AM;
import static dev.apimupgrade.rules.Given.datasource;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsRulesTest {
    private static final List<String> FOLLOWERS = List.of("ANA-ENABLE-NEW", "ANA-WUM-PACK", "ANA-DATASOURCES",
            "ANA-JDBC-OSGI", "ANA-CUSTOM-DASHBOARDS");

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
                .status("ANA-ENABLED")).isEqualTo(Status.NOT_APPLICABLE);
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
        assertThat(actions(v, "ANA-DATASOURCES")).singleElement().satisfies(a -> assertThat(a.automated()).isFalse());
    }

    @Test
    void anaJdbcOsgiAppliesWhenAnalyticsIsOnAndAnOldDatasourceIsNotH2() {
        Verdict v = decide(analytics(Role.OLD, "true"), datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
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
}
