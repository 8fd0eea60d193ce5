package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.SecretMask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
    static final ConditionCatalogue CATALOGUE = ConditionCatalogue.load();
    static final DatasourceConfig SHARED = new DatasourceConfig(
            Role.OLD,
            "shared_db",
            "postgre",
            "jdbc:postgresql://db:5432/shared",
            "",
            "",
            false,
            SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 20));
    static final DatasourceConfig APIM = new DatasourceConfig(
            Role.OLD,
            "apim_db",
            "postgre",
            "jdbc:postgresql://db:5432/apim",
            "",
            "",
            false,
            SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12));
    static final RegistryVersioning VERSIONING = new RegistryVersioning(
            Role.OLD, "versioningProperties", true, SourceRef.line(Role.OLD, "repository/conf/registry.xml", 40));

    static JustifiedAction action(String conditionId, String kind, String target, Map<String, String> params) {
        return new JustifiedAction(
                conditionId + ":" + kind + ":" + target,
                conditionId,
                kind,
                !kind.equals("ManualStep"),
                target,
                params,
                List.of(Evidence.of(VERSIONING)),
                conditionId + " rule");
    }

    static Finding applies(String conditionId) {
        return new Finding(
                conditionId,
                Status.APPLIES,
                Severity.INFO,
                conditionId + " applies here.",
                List.of(Evidence.of(VERSIONING)),
                conditionId + " rule");
    }

    static Verdict verdict(List<JustifiedAction> actions) {
        List<Finding> findings =
                actions.stream().map(a -> applies(a.conditionId())).distinct().toList();
        return Verdict.assemble(CATALOGUE, findings, actions, "rulepack-1");
    }

    static final List<JustifiedAction> MIXED = List.of(
            action("FIN-RESTART", "ManualStep", "new-home", Map.of("step", "restart", "command", "sh wso2server.sh")),
            action("IDX-RE-INDEXING", "SetTomlValue", "indexing.re_indexing", Map.of("value", "1")),
            action(
                    "CFG-SYNAPSE-SUPER",
                    "CopyTree",
                    "repository/deployment/server/synapse-configs/default",
                    Map.of("from", "OLD:repository/deployment/server/synapse-configs/default", "exclude", "main.xml")),
            action(
                    "REG-VERSIONING-ENABLED",
                    "RunSqlScript",
                    "shared_db",
                    Map.of("script", "registry-versioning-cleanup")),
            action("DB-AM-UPGRADE", "RunSqlScript", "apim_db", Map.of("script", "am-3.0.0-to-3.1.0")),
            action("CFG-DB-APIM", "SetTomlTable", "database.apim_db", Map.of("from", "OLD")),
            action("PRE-PG-SUPERUSER", "ManualStep", "apim_db", Map.of("step", "make the user a superuser")),
            action(
                    "DB-AM-SYSAPPS-CONSTRAINT",
                    "AdaptSqlStatement",
                    "apim_db",
                    Map.of("script", "am-3.0.0-to-3.1.0", "expectedName", "NAME", "actualName", "CONSTRAINT_9")));

    @Test
    void stepsFollowTheGuideFromBeforeYouBeginToStep4() {
        MigrationPlan plan = Planner.plan(verdict(MIXED), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0");

        assertThat(plan.steps())
                .extracting(PlanStep::conditionId)
                .containsExactly(
                        "PRE-PG-SUPERUSER",
                        "REG-VERSIONING-ENABLED",
                        "CFG-DB-APIM",
                        "CFG-SYNAPSE-SUPER",
                        "DB-AM-UPGRADE",
                        "DB-AM-SYSAPPS-CONSTRAINT",
                        "IDX-RE-INDEXING",
                        "FIN-RESTART");
        assertThat(plan.steps())
                .extracting(PlanStep::guideStep)
                .containsExactly(
                        "Before you begin",
                        "Preparing for migration",
                        "Step 1.3",
                        "Step 1.6",
                        "Step 2.3",
                        "Step 2.3",
                        "Step 2.7.3",
                        "Step 4");
    }

    @Test
    void theOrderDoesNotDependOnTheOrderTheRulesFiredIn() {
        List<JustifiedAction> reversed = new java.util.ArrayList<>(MIXED);
        java.util.Collections.reverse(reversed);
        Facts facts = new Facts(List.of(SHARED, APIM));

        assertThat(Planner.plan(verdict(reversed), CATALOGUE, facts, "1.0"))
                .isEqualTo(Planner.plan(verdict(MIXED), CATALOGUE, facts, "1.0"));
    }

    @Test
    void aScriptStepNamesTheDialectFolderOfItsDatasourceAndTheRealConstraintName() {
        MigrationPlan plan = Planner.plan(verdict(MIXED), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0");

        PlanStep am = plan.steps().stream()
                .filter(s -> s.conditionId().equals("DB-AM-UPGRADE"))
                .findFirst()
                .orElseThrow();
        assertThat(am.params())
                .containsEntry(Planner.DIALECT_FOLDER, "postgres")
                .containsEntry(Planner.IDENTIFIER + "AM_SYSTEM_APPS_NAME_CONSTRAINT", "CONSTRAINT_9");
        PlanStep cleanup = plan.steps().get(1);
        assertThat(cleanup.params())
                .containsEntry(Planner.DIALECT_FOLDER, "postgres")
                .doesNotContainKey(Planner.IDENTIFIER + "AM_SYSTEM_APPS_NAME_CONSTRAINT");
    }

    @Test
    void withoutAnAdaptationTheAmScriptTakesTheConstraintNameTheDatabaseScanFoundByItsColumn() {
        List<JustifiedAction> amOnly =
                List.of(action("DB-AM-UPGRADE", "RunSqlScript", "apim_db", Map.of("script", "am-3.0.0-to-3.1.0")));
        dev.apimupgrade.fact.DbConstraint unique = new dev.apimupgrade.fact.DbConstraint(
                "apim_db",
                "AM_SYSTEM_APPS",
                "CONSTRAINT_4C",
                dev.apimupgrade.fact.DbConstraint.UNIQUE,
                List.of("NAME"),
                SourceRef.db("apim_db", "AM_SYSTEM_APPS"));
        dev.apimupgrade.fact.DbConstraint other = new dev.apimupgrade.fact.DbConstraint(
                "apim_db",
                "AM_SYSTEM_APPS",
                "CONSTRAINT_4D",
                dev.apimupgrade.fact.DbConstraint.UNIQUE,
                List.of("CLIENT_ID"),
                SourceRef.db("apim_db", "AM_SYSTEM_APPS"));

        MigrationPlan plan = Planner.plan(verdict(amOnly), CATALOGUE, new Facts(List.of(APIM, other, unique)), "1.0");
        MigrationPlan unscanned = Planner.plan(verdict(amOnly), CATALOGUE, new Facts(List.of(APIM)), "1.0");

        assertThat(plan.steps().get(0).params())
                .containsEntry(Planner.IDENTIFIER + "AM_SYSTEM_APPS_NAME_CONSTRAINT", "CONSTRAINT_4C");
        assertThat(unscanned.steps().get(0).params())
                .doesNotContainKey(Planner.IDENTIFIER + "AM_SYSTEM_APPS_NAME_CONSTRAINT");
    }

    @Test
    void aScriptOnADatasourceTheOldHomeDoesNotConfigureGetsNoDialectFolder() {
        MigrationPlan plan = Planner.plan(verdict(MIXED), CATALOGUE, new Facts(List.of()), "1.0");

        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.params()).doesNotContainKey(Planner.DIALECT_FOLDER));
    }

    @Test
    void eachStepCarriesWhyItAppliesItsNodeAndWhatDoneLooksLike() {
        MigrationPlan plan = Planner.plan(verdict(MIXED), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0");

        PlanStep synapse = plan.steps().get(3);
        assertThat(synapse.nodes()).containsExactly(NodeRole.GATEWAY);
        assertThat(synapse.why()).containsExactly("CFG-SYNAPSE-SUPER applies here.");
        assertThat(synapse.evidence()).containsExactly(Evidence.of(VERSIONING));
        assertThat(synapse.postCondition()).contains("except main.xml");
        assertThat(synapse.automated()).isTrue();
        assertThat(plan.steps().get(0).nodes()).containsExactly(NodeRole.ONE_NODE);
        assertThat(plan.steps().get(2).nodes()).containsExactly(NodeRole.ALL);
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.postCondition()).isNotBlank());
    }

    @Test
    void aVerdictWithoutActionsGivesAnEmptyPlanThatIsStillFingerprinted() {
        MigrationPlan plan = Planner.plan(verdict(List.of()), CATALOGUE, new Facts(List.of(SHARED)), "1.0");

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.rulePackHash()).isEqualTo("rulepack-1");
        assertThat(plan.fingerprint().facts()).hasSize(1);
    }

    @Test
    void aCarriedTableListsItsKeysWithTheScansMaskedValuesAndNamesItsSubtablesCfgDbApim() {
        SourceRef at = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 20);
        Facts facts = new Facts(List.of(
                SHARED,
                APIM,
                new TomlSetting(Role.OLD, "database.apim_db.url", "jdbc:mysql://db/am", at),
                new TomlSetting(Role.OLD, "database.apim_db.password", SecretMask.MASK, at),
                new TomlSetting(Role.OLD, "database.apim_db.pool_options.maxActive", "150", at),
                new TomlSetting(Role.OLD, "database.shared_db.url", "jdbc:mysql://db/reg", at),
                new TomlSetting(Role.NEW, "database.apim_db.url", "jdbc:h2:./x", at)));

        PlanStep step = Planner.plan(verdict(MIXED), CATALOGUE, facts, "1.0").steps().stream()
                .filter(s -> s.kind().equals("SetTomlTable"))
                .findFirst()
                .orElseThrow();

        assertThat(step.params())
                .containsEntry("key.url", "\"jdbc:mysql://db/am\"")
                .containsEntry("key.password", "\"" + SecretMask.MASK + "\"")
                .containsEntry("key.pool_options.maxActive", "150")
                .containsEntry(Planner.SUBTABLES, "pool_options")
                .doesNotContainKey("key.shared_db.url")
                .hasSize(5);
        assertThat(step.postCondition())
                .isEqualTo("the 3.1.0 deployment.toml has [database.apim_db] and"
                        + " [database.apim_db.pool_options] with the old home's values and still parses");
    }

    @Test
    void aCarriedTableKeepsEachValuesTomlTypeAsWrittenAndLeavesOutTheKeysTheRulesDropCfgDbApim() {
        SourceRef at = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 24);
        Facts facts = new Facts(List.of(
                SHARED,
                APIM,
                new TomlSetting(Role.OLD, "database.apim_db.defaultAutoCommit", "false", at, TomlSetting.STRING),
                new TomlSetting(Role.OLD, "database.apim_db.maxActive", "50", at, TomlSetting.STRING),
                new TomlSetting(
                        Role.OLD, "database.apim_db.driverClassName", "org.postgresql.Driver", at, TomlSetting.STRING),
                new TomlSetting(
                        Role.OLD, "database.apim_db.pool_options.testOnBorrow", "false", at, TomlSetting.BOOLEAN),
                new TomlSetting(Role.OLD, "database.apim_db.pool_options.maxWait", "60000", at, TomlSetting.INTEGER),
                new TomlSetting(Role.OLD, "database.apim_db.pool_options.minIdle", "5", at, TomlSetting.STRING)));
        List<JustifiedAction> carry = List.of(action(
                "CFG-DB-APIM",
                "SetTomlTable",
                "database.apim_db",
                Map.of("from", "OLD", Planner.DROPPED, "defaultAutoCommit,driverClassName,maxActive")));

        PlanStep step =
                Planner.plan(verdict(carry), CATALOGUE, facts, "1.0").steps().get(0);

        assertThat(step.params())
                .containsEntry("key.pool_options.testOnBorrow", "false")
                .containsEntry("key.pool_options.maxWait", "60000")
                .containsEntry("key.pool_options.minIdle", "\"5\"")
                .containsEntry(Planner.DROPPED, "defaultAutoCommit,driverClassName,maxActive")
                .doesNotContainKeys("key.defaultAutoCommit", "key.driverClassName", "key.maxActive");
    }

    @Test
    void anEmptyDropListIsLeftOutOfThePlanCfgDbApim() {
        List<JustifiedAction> carry = List.of(
                action("CFG-DB-APIM", "SetTomlTable", "database.apim_db", Map.of("from", "OLD", Planner.DROPPED, "")));

        assertThat(Planner.plan(verdict(carry), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0")
                        .steps()
                        .get(0)
                        .params())
                .containsOnlyKeys("from");
    }

    @Test
    void aCarriedTableWithoutSubtablesNamesNoneCfgDbApim() {
        PlanStep step =
                Planner.plan(verdict(MIXED), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0").steps().stream()
                        .filter(s -> s.kind().equals("SetTomlTable"))
                        .findFirst()
                        .orElseThrow();

        assertThat(step.params()).containsOnlyKeys("from");
    }

    @Test
    void anActionWithItsOwnGuideStepIsOrderedAndLabelledByItIdxTenantloader() {
        String loader = "repository/components/dropins/tenantloader-1.0.jar";
        List<JustifiedAction> actions = List.of(
                action("IDX-TENANTLOADER", "CopyFile", loader, Map.of("from", "tenantloader-1.0.jar")),
                action("IDX-TENANTLOADER", "DeletePath", loader, Map.of("guideStep", "Step 2.7.6")),
                action(
                        "IDX-TENANTLOADER",
                        "ManualStep",
                        "new-home",
                        Map.of("step", "start", "guideStep", "Step 2.7.5")),
                action("IDX-RE-INDEXING", "SetTomlValue", "indexing.re_indexing", Map.of("value", "1")),
                action("ANA-ENABLE-NEW", "SetTomlValue", "apim.analytics.enable", Map.of("value", "true")));

        MigrationPlan plan = Planner.plan(verdict(actions), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0");

        assertThat(plan.steps())
                .extracting(PlanStep::kind)
                .containsExactly("CopyFile", "SetTomlValue", "ManualStep", "DeletePath", "SetTomlValue");
        assertThat(plan.steps())
                .extracting(PlanStep::guideStep)
                .containsExactly("Step 2.7.2", "Step 2.7.3", "Step 2.7.5", "Step 2.7.6", "Step 3.3");
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.params()).doesNotContainKey(Planner.GUIDE_STEP));
    }

    @Test
    void aTreeCopysDoneWhenListsTheExcludedFilesReadablyCfgSynapseSuper() {
        List<JustifiedAction> actions = List.of(action(
                "CFG-SYNAPSE-SUPER",
                "CopyTree",
                "synapse",
                Map.of("from", "OLD:synapse", "exclude", "api/_RevokeAPI_.xml,sequences/main.xml")));

        PlanStep step = Planner.plan(verdict(actions), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0")
                .steps()
                .get(0);

        assertThat(step.postCondition())
                .endsWith("except api/_RevokeAPI_.xml, sequences/main.xml, which keep their" + " 3.1.0 content");
    }

    @Test
    void aManualStepIsDoneWhenTheLogOfTheStartItMakesHasNoErrorAndWhatItRemovesIsGoneApimClient() {
        List<JustifiedAction> actions = List.of(
                action(
                        "APIM-CLIENT",
                        "ManualStep",
                        "new-home",
                        Map.of(
                                "step",
                                "run the client, then remove it",
                                "command",
                                "sh wso2server.sh -DmigrateFromVersion=3.0.0",
                                "removedAfter",
                                "repository/components/dropins/client-*.jar,migration-resources")),
                action("IDN-MIGRATION-JAR", "ManualStep", "dropins", Map.of("step", "copy the jar")));

        List<PlanStep> steps = Planner.plan(verdict(actions), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0")
                .steps();

        assertThat(steps)
                .extracting(PlanStep::postCondition)
                .containsExactly(
                        "you did it by hand",
                        "you did it by hand; the 3.1.0 home's repository/logs/wso2carbon.log shows that start finished (a"
                                + " line 'WSO2 Carbon started in ...') and no ERROR line from it;"
                                + " repository/components/dropins/client-*.jar,"
                                + " migration-resources no longer in the 3.1.0 home");
    }

    @Test
    void aManualStepIsDoneWhenWhatItsRuleSaysCanBeObservedHolds() {
        List<JustifiedAction> actions = List.of(action(
                "PRE-PG-SUPERUSER",
                "ManualStep",
                "apim_db",
                Map.of(
                        "step",
                        "make the user a superuser",
                        "doneWhen",
                        "a new assess shows the apim_db user as a superuser")));

        List<PlanStep> steps = Planner.plan(verdict(actions), CATALOGUE, new Facts(List.of(SHARED, APIM)), "1.0")
                .steps();

        assertThat(steps)
                .extracting(PlanStep::postCondition)
                .containsExactly("a new assess shows the apim_db user as a superuser");
    }

    @Test
    void theSameActionJustifiedOncePerMatchingFactIsOneStepWithAllTheEvidenceAndDifferentActionsNeverShareAnId() {
        Map<String, String> bundle = Map.of(
                "step",
                "convert the JDBC driver org.mariadb.jdbc.Driver to an OSGi bundle",
                "command",
                "./jartobundle.sh <driver.jar> ../lib");
        JustifiedAction forAnalytics = new JustifiedAction(
                "ANA-JDBC-OSGI:ManualStep:NEW-analytics:lib",
                "ANA-JDBC-OSGI",
                "ManualStep",
                false,
                "NEW-analytics:lib",
                bundle,
                List.of(Evidence.of(SHARED)),
                "ANA-JDBC-OSGI rule");
        JustifiedAction forAm = new JustifiedAction(
                forAnalytics.id(),
                "ANA-JDBC-OSGI",
                "ManualStep",
                false,
                "NEW-analytics:lib",
                bundle,
                List.of(Evidence.of(APIM)),
                "ANA-JDBC-OSGI rule");
        JustifiedAction otherDriver = new JustifiedAction(
                forAnalytics.id(),
                "ANA-JDBC-OSGI",
                "ManualStep",
                false,
                "NEW-analytics:lib",
                Map.of(
                        "step",
                        "convert the JDBC driver org.postgresql.Driver to an OSGi bundle",
                        "command",
                        "./jartobundle.sh <driver.jar> ../lib"),
                List.of(Evidence.of(APIM)),
                "ANA-JDBC-OSGI rule");

        List<PlanStep> merged = Planner.plan(
                        verdict(List.of(forAnalytics, forAm)), CATALOGUE, new Facts(List.of()), "0.1.0")
                .steps();
        List<PlanStep> apart = Planner.plan(
                        verdict(List.of(forAnalytics, forAm, otherDriver)), CATALOGUE, new Facts(List.of()), "0.1.0")
                .steps();

        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).evidence()).hasSize(2);
        assertThat(apart)
                .extracting(PlanStep::id)
                .containsExactly(forAnalytics.id(), forAnalytics.id() + "#2")
                .doesNotHaveDuplicates();
    }
}
