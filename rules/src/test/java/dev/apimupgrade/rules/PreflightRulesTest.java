package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.answer;
import static dev.apimupgrade.rules.Given.datasource;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.process;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.Given.version;
import static dev.apimupgrade.rules.Given.wum;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class PreflightRulesTest {

    @Test
    void preSourceVersionAppliesAsABlockerWhenAnOldMarkerIsNot300() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "3.0.0"), version(Role.OLD, "plugins", "2.6.0"));

        assertThat(v.status("PRE-SOURCE-VERSION")).isEqualTo(Status.APPLIES);
        assertThat(v.result("PRE-SOURCE-VERSION").severity()).isEqualTo(Severity.BLOCKER);
        assertThat(said(v, "PRE-SOURCE-VERSION")).contains("plugins says 2.6.0");
    }

    @Test
    void preSourceVersionAppliesWhenTheNewHomeIsNot310() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "3.0.0"), version(Role.NEW, "carbon.xml", "3.2.0"));

        assertThat(v.status("PRE-SOURCE-VERSION")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "PRE-SOURCE-VERSION")).contains("not 3.1.0");
    }

    @Test
    void preSourceVersionIsNotApplicableWhenOldSays300AndNewSays310() {
        Verdict v = decide(
                version(Role.OLD, "carbon.xml", "3.0.0"),
                version(Role.OLD, "plugins", "3.0.0"),
                version(Role.NEW, "carbon.xml", "3.1.0"));

        assertThat(v.status("PRE-SOURCE-VERSION")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(v.result("PRE-SOURCE-VERSION").evidence()).hasSize(3);
    }

    @Test
    void preSourceVersionIsNotApplicableWithoutANewHomeAndSaysTheTargetWasNotChecked() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "3.0.0"));

        assertThat(v.status("PRE-SOURCE-VERSION")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "PRE-SOURCE-VERSION")).contains("target version was not checked");
    }

    @Test
    void preSourceVersionIsUnknownWithoutAnOldVersionMarker() {
        assertThat(decide(version(Role.NEW, "carbon.xml", "3.1.0")).status("PRE-SOURCE-VERSION"))
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void preSourceVersionSaysNoMarkerWasFoundWhenTheOldHomeHasNone() {
        Verdict v = decide(home(Role.OLD), version(Role.NEW, "carbon.xml", "3.1.0"));

        assertThat(v.status("PRE-SOURCE-VERSION")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "PRE-SOURCE-VERSION")).contains("No version marker");
    }

    @Test
    void preWumTargetAppliesWhenTheNewHomeHasNoWumMetadata() {
        Verdict v = decide(home(Role.NEW), wum(Role.NEW, false));

        assertThat(v.status("PRE-WUM-TARGET")).isEqualTo(Status.APPLIES);
        assertThat(v.result("PRE-WUM-TARGET").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void preWumTargetIsNotApplicableWhenTheNewHomeIsWumUpdated() {
        assertThat(decide(home(Role.NEW), wum(Role.NEW, true)).status("PRE-WUM-TARGET"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void preWumTargetIsUnknownWithoutANewHomeAndIgnoresTheOldHomesMetadata() {
        Verdict v = decide(home(Role.OLD), wum(Role.OLD, false));

        assertThat(v.status("PRE-WUM-TARGET")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "PRE-WUM-TARGET")).contains("No 3.1.0 home");
    }

    @Test
    void preOracleCommitAppliesWhenAnOldDatasourceIsOracle() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "oracle", "jdbc:oracle:thin:@db:1521/am"),
                datasource(Role.OLD, "shared_db", "oracle", "jdbc:oracle:thin:@db:1521/reg"));

        assertThat(v.status("PRE-ORACLE-COMMIT")).isEqualTo(Status.APPLIES);
        assertThat(v.result("PRE-ORACLE-COMMIT").evidence()).hasSize(2);
    }

    @Test
    void preOracleCommitIsNotApplicableWhenNoOldDatasourceIsOracle() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "mysql", Given.MYSQL_AM),
                datasource(Role.NEW, "apim_db", "oracle", "jdbc:oracle:thin:@db:1521/am"));

        assertThat(v.status("PRE-ORACLE-COMMIT")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void preOracleCommitIsUnknownWithoutOldDatasources() {
        assertThat(decide(home(Role.OLD)).status("PRE-ORACLE-COMMIT")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void preH2InUseAppliesWhenAnOldDatasourceUrlIsH2() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "h2", Given.H2_AM),
                datasource(Role.OLD, "shared_db", "mysql", Given.MYSQL_SHARED));

        assertThat(v.status("PRE-H2-IN-USE")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "PRE-H2-IN-USE")).contains("[database.apim_db]").doesNotContain("shared_db");
    }

    @Test
    void preH2InUseIsNotApplicableWhenNoOldUrlIsH2() {
        assertThat(decide(datasource(Role.OLD, "apim_db", "mysql", Given.MYSQL_AM))
                        .status("PRE-H2-IN-USE"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void preH2InUseIsUnknownWithoutOldDatasources() {
        assertThat(decide(datasource(Role.NEW, "apim_db", "h2", Given.H2_AM)).status("PRE-H2-IN-USE"))
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void preServerRunningAppliesAsABlockerWhenAServerOfEitherHomeIsAlive() {
        Verdict v = decide(process(Role.OLD, 0, false), process(Role.NEW, 4242, true));

        assertThat(v.status("PRE-SERVER-RUNNING")).isEqualTo(Status.APPLIES);
        assertThat(v.blockers()).extracting(r -> r.condition().id()).contains("PRE-SERVER-RUNNING");
        assertThat(said(v, "PRE-SERVER-RUNNING")).contains("4242");
    }

    @Test
    void preServerRunningIsNotApplicableWhenNoServerIsAlive() {
        assertThat(decide(process(Role.OLD, 0, false), process(Role.NEW, 4242, false))
                        .status("PRE-SERVER-RUNNING"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void preServerRunningIsUnknownWithoutProcessFacts() {
        assertThat(decide(home(Role.OLD)).status("PRE-SERVER-RUNNING")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void preBackupAppliesAsAWarningWheneverAnOldHomeIsGiven() {
        Verdict v = decide(home(Role.OLD));

        assertThat(v.status("PRE-BACKUP")).isEqualTo(Status.APPLIES);
        assertThat(v.result("PRE-BACKUP").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void preBackupIsUnknownWithoutAnOldHome() {
        assertThat(decide(home(Role.NEW)).status("PRE-BACKUP")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void preDistributedAppliesWhenTheOperatorAnswersYes() {
        assertThat(decide(answer("distributed", "yes")).status("PRE-DISTRIBUTED"))
                .isEqualTo(Status.APPLIES);
    }

    @Test
    void preDistributedAppliesWhenTheOldKeyManagerIsOnAnotherHost() {
        Verdict v = decide(setting(Role.OLD, "apim.key_manager.service_url", "https://km.example.com:9443/services/"));

        assertThat(v.status("PRE-DISTRIBUTED")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "PRE-DISTRIBUTED")).contains("km.example.com:9443");
    }

    @Test
    void preDistributedAppliesWhenATrafficManagerUrlIsRemote() {
        Verdict v = decide(setting(
                Role.OLD, "apim.throttling.url_group[0].traffic_manager_urls", "[\"tcp://tm1.example.com:9611\"]"));

        assertThat(v.status("PRE-DISTRIBUTED")).isEqualTo(Status.APPLIES);
    }

    @Test
    void preDistributedIsNotApplicableWhenNodeSettingsAreLocal() {
        Verdict v = decide(
                setting(Role.OLD, "server.hostname", "apim.example.com"),
                setting(
                        Role.OLD,
                        "apim.gateway.environment[0].service_url",
                        "https://localhost:${mgt.transport.https.port}/services/"),
                setting(Role.OLD, "apim.throttling.service_url", "https://${carbon.local.ip}:9443/services/"));

        assertThat(v.status("PRE-DISTRIBUTED")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(v.result("PRE-DISTRIBUTED").evidence()).hasSize(2);
    }

    @Test
    void preDistributedIsNotApplicableWhenTheOperatorAnswersNoDespiteARemoteKeyManager() {
        Verdict v = decide(
                answer("distributed", "no"),
                setting(Role.OLD, "apim.key_manager.service_url", "https://is.example.com:9444/services/"));

        assertThat(v.status("PRE-DISTRIBUTED")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void preDistributedIsUnknownWithoutTheOldTomlOrAnAnswer() {
        assertThat(decide(home(Role.OLD)).status("PRE-DISTRIBUTED")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void finRestartAppliesWithAManualRestartStepWhenAnOldHomeIsGiven() {
        Verdict v = decide(home(Role.OLD));

        assertThat(v.status("FIN-RESTART")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "FIN-RESTART"))
                .singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo("ManualStep"))
                .satisfies(a -> assertThat(a.automated()).isFalse());
    }

    @Test
    void finRestartIsUnknownWithoutAnOldHome() {
        Verdict v = decide(home(Role.NEW));

        assertThat(v.status("FIN-RESTART")).isEqualTo(Status.UNKNOWN);
        assertThat(actions(v, "FIN-RESTART")).isEmpty();
    }

    @Test
    void finVerifyAppliesWhenAnOldHomeIsGiven() {
        assertThat(decide(home(Role.OLD)).status("FIN-VERIFY")).isEqualTo(Status.APPLIES);
    }

    @Test
    void finVerifyIsUnknownWithoutAnOldHome() {
        assertThat(decide().status("FIN-VERIFY")).isEqualTo(Status.UNKNOWN);
    }
}
