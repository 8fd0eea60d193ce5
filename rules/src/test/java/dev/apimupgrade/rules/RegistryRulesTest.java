package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.answer;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.presence;
import static dev.apimupgrade.rules.Given.process;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryRulesTest {
    private static RegistryVersioning flag(String name, boolean on) {
        return new RegistryVersioning(Role.OLD, name, on, SourceRef.line(Role.OLD, "repository/conf/registry.xml", 40));
    }

    @Test
    void regVersioningEnabledAppliesWhenOneFlagIsTrueAndJustifiesTheCleanupScriptWhereTheRegistryIs() {
        Verdict v = decide(flag("versioningProperties", true), flag("versioningTags", false), Given.registry());

        assertThat(v.status("REG-VERSIONING-ENABLED")).isEqualTo(Status.APPLIES);
        assertThat(v.result("REG-VERSIONING-ENABLED").evidence())
                .extracting(e -> e.observed())
                .containsExactly("versioningProperties = true");
        assertThat(actions(v, "REG-VERSIONING-ENABLED")).singleElement().satisfies(a -> {
            assertThat(a.kind() + " " + a.target()).isEqualTo("RunSqlScript shared_db");
            assertThat(a.evidence())
                    .extracting(e -> e.observed())
                    .contains("shared_db holds /_system/governance and /_system/config (registry.xml.j2 default)");
        });
    }

    @Test
    void regVersioningEnabledCleansUpASeparateConfigDatasourceThatHoldsTheConfigRegistryToo() {
        List<Observation> facts = new ArrayList<>(List.of(flag("versioningProperties", true)));
        facts.addAll(Given.registrySplit("shared_db", "config"));

        Verdict v = decide(facts.toArray(Observation[]::new));

        assertThat(actions(v, "REG-VERSIONING-ENABLED"))
                .extracting(a -> a.kind() + " " + a.target())
                .containsExactlyInAnyOrder("RunSqlScript shared_db", "RunSqlScript config");
    }

    @Test
    void regVersioningEnabledPlansNoCleanupOnADatasourceThatDoesNotHoldTheRegistry() {
        Verdict v = decide(
                flag("versioningProperties", true),
                Given.registry(),
                Given.datasource(Role.OLD, "user", "mysql", "jdbc:mysql://db.example.com:3306/um_db"));

        assertThat(actions(v, "REG-VERSIONING-ENABLED"))
                .extracting(a -> a.target())
                .containsExactly("shared_db");
    }

    @Test
    void regVersioningEnabledIsNotApplicableWhenAllFlagsAreFalse() {
        Verdict v = decide(flag("versioningProperties", false), flag("versioningComments", false));

        assertThat(v.status("REG-VERSIONING-ENABLED")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(v.actions()).noneMatch(a -> a.conditionId().equals("REG-VERSIONING-ENABLED"));
    }

    @Test
    void regVersioningEnabledIsUnknownWithoutAnyRegistryObservation() {
        assertThat(decide().status("REG-VERSIONING-ENABLED")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void regVersioningDisabledAppliesWhenEveryOldFlagIsFalse() {
        Verdict v = decide(
                flag("versioningProperties", false),
                flag("versioningComments", false),
                flag("versioningTags", false),
                flag("versioningRatings", false));

        assertThat(v.status("REG-VERSIONING-DISABLED")).isEqualTo(Status.APPLIES);
        assertThat(v.result("REG-VERSIONING-DISABLED").evidence()).hasSize(4);
        assertThat(v.actions()).isEmpty();
    }

    @Test
    void regVersioningDisabledIsNotApplicableWhenOneFlagIsTrue() {
        assertThat(decide(flag("versioningProperties", false), flag("versioningRatings", true))
                        .status("REG-VERSIONING-DISABLED"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void regVersioningDisabledIsUnknownWithoutFlags() {
        assertThat(decide(home(Role.OLD)).status("REG-VERSIONING-DISABLED")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void regKeepVersioningAppliesWhenVersioningIsOnAndTheOperatorKeepsItAndJustifiesTheTomlEdit() {
        Verdict v = decide(flag("versioningTags", true), answer("keep_registry_versioning", "yes"));

        assertThat(v.status("REG-KEEP-VERSIONING")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "REG-KEEP-VERSIONING")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("SetTomlValue");
            assertThat(a.target()).isEqualTo("registry.static_configuration.enable");
            assertThat(a.params()).containsEntry("value", "true");
        });
    }

    @Test
    void regKeepVersioningIsNotApplicableWhenTheOperatorAnswersNo() {
        Verdict v = decide(flag("versioningTags", true), answer("keep_registry_versioning", "no"));

        assertThat(v.status("REG-KEEP-VERSIONING")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "REG-KEEP-VERSIONING")).isEmpty();
    }

    @Test
    void regKeepVersioningIsNotApplicableWhenVersioningIsOffWhateverTheAnswer() {
        assertThat(decide(flag("versioningTags", false), answer("keep_registry_versioning", "yes"))
                        .status("REG-KEEP-VERSIONING"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void regKeepVersioningIsUnknownAndAsksTheQuestionWhenVersioningIsOnAndUnanswered() {
        Verdict v = decide(flag("versioningTags", true));

        assertThat(v.status("REG-KEEP-VERSIONING")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "REG-KEEP-VERSIONING")).contains("keep_registry_versioning");
    }

    @Test
    void regNewPackStartedAppliesWhenTheNewHomeHasACarbonLog() {
        Verdict v = decide(
                home(Role.NEW),
                presence(Role.NEW, "repository/logs/wso2carbon.log", true),
                process(Role.NEW, 0, false));

        assertThat(v.status("REG-NEW-PACK-STARTED")).isEqualTo(Status.APPLIES);
    }

    @Test
    void regNewPackStartedAppliesWhenTheNewHomeHasAPidFile() {
        Verdict v = decide(
                home(Role.NEW),
                presence(Role.NEW, "repository/logs/wso2carbon.log", false),
                process(Role.NEW, 777, false));

        assertThat(v.status("REG-NEW-PACK-STARTED")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "REG-NEW-PACK-STARTED")).contains("wso2carbon.pid");
    }

    @Test
    void regNewPackStartedIsNotApplicableWithoutLogOrPidFileInTheNewHome() {
        Verdict v = decide(
                home(Role.NEW),
                presence(Role.NEW, "repository/logs/wso2carbon.log", false),
                process(Role.NEW, 0, false),
                process(Role.OLD, 555, true),
                presence(Role.OLD, "repository/logs/wso2carbon.log", true));

        assertThat(v.status("REG-NEW-PACK-STARTED")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void regNewPackStartedIsUnknownWithoutANewHome() {
        Verdict v = decide(home(Role.OLD), presence(Role.OLD, "repository/logs/wso2carbon.log", true));

        assertThat(v.status("REG-NEW-PACK-STARTED")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "REG-NEW-PACK-STARTED")).contains("No 3.1.0 home");
    }
}
