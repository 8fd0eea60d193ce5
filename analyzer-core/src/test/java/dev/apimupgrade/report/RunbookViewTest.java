package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.ScriptSource;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.SecretMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookViewTest {
    static final ConditionCatalogue CATALOGUE = ConditionCatalogue.load();
    static final ToolInfo TOOL = new ToolInfo("apim-upgrade", "1.0", "rp");
    static final DatasourceConfig APIM = new DatasourceConfig(
            Role.OLD,
            "apim_db",
            "mysql",
            "jdbc:mysql://db/am",
            "",
            "",
            false,
            SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12));
    static final Evidence EVIDENCE = Evidence.of(APIM);

    /** A test double of the SQL helper's scripts: one AM script per dialect folder, with its placeholder filled. */
    static final ScriptSource SCRIPTS = (purpose, folder, identifiers) -> {
        if (!purpose.equals("am-3.0.0-to-3.1.0")) {
            throw new IllegalArgumentException("no " + purpose + " for " + folder);
        }
        return List.of(
                "SELECT '" + folder + "' FROM AM_API",
                "ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT "
                        + identifiers.getOrDefault(
                                "AM_SYSTEM_APPS_NAME_CONSTRAINT", "${AM_SYSTEM_APPS_NAME_CONSTRAINT}"));
    };

    static JustifiedAction action(String conditionId, String kind, String target, Map<String, String> params) {
        return new JustifiedAction(
                conditionId + ":" + kind + ":" + target,
                conditionId,
                kind,
                !kind.equals("ManualStep"),
                target,
                params,
                List.of(EVIDENCE),
                conditionId + " rule");
    }

    static Verdict verdict(List<JustifiedAction> actions, Finding... more) {
        List<Finding> findings = new ArrayList<>(actions.stream()
                .map(a -> new Finding(
                        a.conditionId(),
                        Status.APPLIES,
                        Severity.INFO,
                        a.conditionId() + " applies.",
                        List.of(EVIDENCE),
                        "r"))
                .distinct()
                .toList());
        findings.addAll(List.of(more));
        return Verdict.assemble(CATALOGUE, findings, actions, "rp");
    }

    static final List<JustifiedAction> ACTIONS = List.of(
            action("FIN-RESTART", "ManualStep", "new-home", Map.of("step", "restart", "command", "sh wso2server.sh")),
            action("DB-AM-UPGRADE", "RunSqlScript", "apim_db", Map.of("script", "am-3.0.0-to-3.1.0")),
            action(
                    "DB-AM-SYSAPPS-CONSTRAINT",
                    "AdaptSqlStatement",
                    "apim_db",
                    Map.of("script", "am-3.0.0-to-3.1.0", "expectedName", "NAME", "actualName", "UQ_9")),
            action(
                    "CFG-SYNAPSE-SUPER",
                    "CopyTree",
                    "repository/deployment/server/synapse-configs/default",
                    Map.of(
                            "from",
                            "OLD:repository/deployment/server/synapse-configs/default",
                            "exclude",
                            "api/_RevokeAPI_.xml,sequences/main.xml")),
            action("IDX-RE-INDEXING", "SetTomlValue", "indexing.re_indexing", Map.of("value", "1")),
            action(
                    "REG-VERSIONING-ENABLED",
                    "RunSqlScript",
                    "shared_db",
                    Map.of("script", "registry-versioning-cleanup")));

    static RunbookView view(Verdict verdict) {
        MigrationPlan plan = Planner.plan(verdict, CATALOGUE, new Facts(List.of(APIM)), "1.0");
        return RunbookView.of(plan, verdict, TOOL, "/opt/apim-3.0.0", "/opt/apim-3.1.0", SCRIPTS);
    }

    @Test
    void stepsAreNumberedInTheGuidesOrderWithWhyAndWhatDoneLooksLike() {
        RunbookView view = view(verdict(ACTIONS));

        assertThat(view.steps()).extracting(RunbookStep::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(view.steps())
                .extracting(RunbookStep::conditionId)
                .containsExactly(
                        "REG-VERSIONING-ENABLED",
                        "CFG-SYNAPSE-SUPER",
                        "DB-AM-UPGRADE",
                        "DB-AM-SYSAPPS-CONSTRAINT",
                        "IDX-RE-INDEXING",
                        "FIN-RESTART");
        assertThat(view.steps()).allSatisfy(s -> {
            assertThat(s.why()).isNotEmpty();
            assertThat(s.evidence()).isNotEmpty();
            assertThat(s.done()).isNotBlank();
            assertThat(s.what()).isNotBlank();
        });
    }

    @Test
    void theAmScriptIsInlineForTheDatasourcesDialectWithTheRealConstraintName() {
        RunbookStep am = view(verdict(ACTIONS)).steps().get(2);

        assertThat(am.sql())
                .containsExactly("SELECT 'mysql' FROM AM_API;", "ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT UQ_9;");
        assertThat(am.sqlNote()).isEmpty();
    }

    @Test
    void aPlaceholderTheScanCouldNotFillStaysVisibleWithANoteSayingWhatToPutThere() {
        RunbookView view = view(verdict(
                List.of(action("DB-AM-UPGRADE", "RunSqlScript", "apim_db", Map.of("script", "am-3.0.0-to-3.1.0")))));

        RunbookStep am = view.steps().get(0);
        assertThat(am.sql()).contains("ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT ${AM_SYSTEM_APPS_NAME_CONSTRAINT};");
        assertThat(am.sqlNote()).startsWith("Replace ${AM_SYSTEM_APPS_NAME_CONSTRAINT} with the name");
    }

    @Test
    void oracleStatementsEndWithASlashLineAsSqlPlusExpects() {
        DatasourceConfig oracle = new DatasourceConfig(
                Role.OLD,
                "apim_db",
                "oracle",
                "jdbc:oracle:thin:@db:1521/am",
                "",
                "",
                false,
                SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12));
        Verdict verdict = verdict(
                List.of(action("DB-AM-UPGRADE", "RunSqlScript", "apim_db", Map.of("script", "am-3.0.0-to-3.1.0"))));
        MigrationPlan plan = Planner.plan(verdict, CATALOGUE, new Facts(List.of(oracle)), "1.0");

        RunbookStep am =
                RunbookView.of(plan, verdict, TOOL, "/o", "/n", SCRIPTS).steps().get(0);

        assertThat(am.sql()).startsWith("SELECT 'oracle' FROM AM_API\n/");
    }

    @Test
    void aScriptOnADatasourceOfUnknownTypeSaysWhereToFindTheSqlInsteadOfGuessing() {
        RunbookStep cleanup = view(verdict(ACTIONS)).steps().get(0);

        assertThat(cleanup.sql()).isEmpty();
        assertThat(cleanup.sqlNote()).contains("shared_db").contains("registry-versioning-cleanup");
    }

    @Test
    void copyingATreeDiffersOnLinuxAndWindowsAndKeepsTheProtectedFiles() {
        RunbookStep copy = view(verdict(ACTIONS)).steps().get(1);

        assertThat(copy.sameOnBoth()).isFalse();
        assertThat(copy.linux())
                .containsExactly("rsync -a --exclude '/api/_RevokeAPI_.xml' --exclude"
                        + " '/sequences/main.xml' \"$APIM_OLD_HOME/repository/deployment/server/synapse-configs/default\"/"
                        + " \"$APIM_NEW_HOME/repository/deployment/server/synapse-configs/default\"/");
        assertThat(copy.windows())
                .containsExactly("robocopy"
                        + " \"%APIM_OLD_HOME%\\repository\\deployment\\server\\synapse-configs\\default\""
                        + " \"%APIM_NEW_HOME%\\repository\\deployment\\server\\synapse-configs\\default\" /E"
                        + " /XF _RevokeAPI_.xml main.xml");
    }

    @Test
    void theServerStartIsShOnLinuxAndBatOnWindowsFromTheNewHomesBin() {
        RunbookStep restart = view(verdict(ACTIONS)).steps().get(5);

        assertThat(restart.linux()).containsExactly("cd \"$APIM_NEW_HOME/bin\"", "sh wso2server.sh");
        assertThat(restart.windows()).containsExactly("cd /d \"%APIM_NEW_HOME%\\bin\"", "wso2server.bat");
    }

    @Test
    void aTomlValueShowsItsTableAndLiteral() {
        RunbookStep reindex = view(verdict(ACTIONS)).steps().get(4);

        assertThat(reindex.snippet()).isEqualTo("[indexing]\nre_indexing = 1");
        assertThat(reindex.linux()).isEmpty();
    }

    @Test
    void nodesAreShownOnlyForADistributedSetup() {
        assertThat(view(verdict(ACTIONS)).steps())
                .allSatisfy(s -> assertThat(s.node()).isEmpty());

        RunbookView distributed = view(verdict(
                ACTIONS,
                new Finding("PRE-DISTRIBUTED", Status.APPLIES, Severity.INFO, "distributed", List.of(EVIDENCE), "r")));

        assertThat(distributed.distributed()).isTrue();
        assertThat(distributed.steps().get(1).node()).isEqualTo("Gateway");
        assertThat(distributed.steps().get(4).node()).isEqualTo("Publisher, Devportal");
    }

    @Test
    void notApplicableConditionsAreListedAsLeftOutWithTheirReason() {
        RunbookView view = view(verdict(
                ACTIONS,
                new Finding(
                        "ANA-ENABLED",
                        Status.NOT_APPLICABLE,
                        Severity.INFO,
                        "Analytics is off in the old home.",
                        List.of(EVIDENCE),
                        "r")));

        assertThat(view.leftOut()).extracting(RunbookView.LeftOut::conditionId).containsExactly("ANA-ENABLED");
        assertThat(view.leftOut().get(0).reason()).isEqualTo("Analytics is off in the old home.");
        assertThat(view.undecided())
                .extracting(RunbookView.LeftOut::conditionId)
                .doesNotContain("ANA-ENABLED")
                .contains("PRE-SOURCE-VERSION");
    }

    @Test
    void aConditionThatAppliesWithoutAnActionIsListedBeforeTheStepsWithWhatToDo() {
        RunbookView view = view(verdict(
                ACTIONS,
                new Finding(
                        "PRE-BACKUP",
                        Status.APPLIES,
                        Severity.BLOCKER,
                        "No backup is recorded.",
                        List.of(EVIDENCE),
                        "r")));

        assertThat(view.alsoApplies())
                .extracting(RunbookView.LeftOut::conditionId)
                .containsExactly("PRE-BACKUP");
        assertThat(view.alsoApplies().get(0).reason()).startsWith("No backup is recorded. What to do: Back up every");
        assertThat(view.alsoApplies().get(0).severity()).isEqualTo("BLOCKER");
        assertThat(view(verdict(ACTIONS)).alsoApplies()).isEmpty();
    }

    @Test
    void anEmptyPlanGivesNoStepsAndEveryConditionLeftOutOrUndecided() {
        RunbookView view = view(verdict(List.of()));

        assertThat(view.steps()).isEmpty();
        assertThat(view.leftOut().size() + view.undecided().size())
                .isEqualTo(CATALOGUE.all().size());
    }

    @Test
    void aCarriedTableShowsEachKeyAndSubtableWithSecretsMaskedAndTheH2UrlAnchoredAtTheOldHomeCfgDbApim() {
        SourceRef at = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 20);
        Facts facts = new Facts(List.of(
                APIM,
                new TomlSetting(Role.OLD, "database.apim_db.type", "h2", at),
                new TomlSetting(Role.OLD, "database.apim_db.url", "jdbc:h2:./repository/database/WSO2AM_DB", at),
                new TomlSetting(Role.OLD, "database.apim_db.password", SecretMask.MASK, at),
                new TomlSetting(Role.OLD, "database.apim_db.pool_options.maxActive", "150", at)));
        Verdict verdict = verdict(List.of(action(
                "CFG-DB-APIM", "SetTomlTable", "database.apim_db", Map.of("from", "OLD", "relativeH2", "true"))));

        RunbookStep step = RunbookView.of(
                        Planner.plan(verdict, CATALOGUE, facts, "1.0"),
                        verdict,
                        TOOL,
                        "/opt/apim-3.0.0",
                        "/opt/apim-3.1.0",
                        SCRIPTS)
                .steps()
                .get(0);

        assertThat(step.snippet()).isEqualTo("""
                # **** marks a secret: copy its value from the old deployment.toml
                [database.apim_db]
                password = "****"
                type = "h2"
                url = "jdbc:h2:/opt/apim-3.0.0/repository/database/WSO2AM_DB"

                [database.apim_db.pool_options]
                maxActive = 150""");
        assertThat(step.what()).contains("and its [database.apim_db.pool_options]");
        assertThat(step.snippetLanguage()).isEqualTo("toml");
    }

    @Test
    void aCarriedTableShowsStringsThatReadFalseOrFiftyAsStringsAndSaysWhichKeysItLeavesOutCfgDbApim() {
        SourceRef at = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 24);
        Facts facts = new Facts(List.of(
                APIM,
                new TomlSetting(Role.OLD, "database.apim_db.url", "jdbc:postgresql://db/am", at, TomlSetting.STRING),
                new TomlSetting(
                        Role.OLD, "database.apim_db.driverClassName", "org.postgresql.Driver", at, TomlSetting.STRING),
                new TomlSetting(
                        Role.OLD, "database.apim_db.pool_options.defaultAutoCommit", "false", at, TomlSetting.STRING),
                new TomlSetting(Role.OLD, "database.apim_db.pool_options.maxActive", "50", at, TomlSetting.STRING),
                new TomlSetting(
                        Role.OLD, "database.apim_db.pool_options.testOnBorrow", "true", at, TomlSetting.BOOLEAN)));
        Verdict verdict = verdict(List.of(action(
                "CFG-DB-APIM",
                "SetTomlTable",
                "database.apim_db",
                Map.of("from", "OLD", "relativeH2", "false", Planner.DROPPED, "driverClassName"))));

        RunbookStep step = RunbookView.of(
                        Planner.plan(verdict, CATALOGUE, facts, "1.0"),
                        verdict,
                        TOOL,
                        "/opt/apim-3.0.0",
                        "/opt/apim-3.1.0",
                        SCRIPTS)
                .steps()
                .get(0);

        assertThat(step.snippet()).isEqualTo("""
                [database.apim_db]
                url = "jdbc:postgresql://db/am"

                [database.apim_db.pool_options]
                defaultAutoCommit = "false"
                maxActive = "50"
                testOnBorrow = true
                # not carried: 3.1.0 does not read driverClassName from [database.apim_db]""");
        assertThat(step.what())
                .contains("Not carried, because 3.1.0 (like 3.0.0) does not read it from"
                        + " [database.apim_db]: driverClassName");
    }

    @Test
    void anAmScriptStepPlannedFromAnOracleUrlSaysWhichQueryTellsWhetherItHasRunDbAmUpgrade() {
        DatasourceConfig oracle = new DatasourceConfig(
                Role.OLD,
                "apim_db",
                "oracle",
                "jdbc:oracle:thin:@db.example:1521/APIM",
                "",
                "",
                false,
                SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12));
        Verdict verdict = verdict(List.of(action(
                "DB-AM-UPGRADE",
                "RunSqlScript",
                "apim_db",
                Map.of("script", "am-3.0.0-to-3.1.0", "dialect", "ORACLE"))));

        RunbookStep step = RunbookView.of(
                        Planner.plan(verdict, CATALOGUE, new Facts(List.of(oracle)), "1.0"),
                        verdict,
                        TOOL,
                        "/opt/apim-3.0.0",
                        "/opt/apim-3.1.0",
                        SCRIPTS)
                .steps()
                .get(0);

        assertThat(step.sql()).first().asString().contains("'oracle'");
        assertThat(step.done())
                .contains("it has run when this query returns 0: SELECT CASE WHEN EXISTS (SELECT 1"
                        + " FROM USER_TABLES WHERE TABLE_NAME = 'AM_API_CATEGORIES')");
    }

    @Test
    void aManualStepsSettingsAreLabelledPlainTextNotTomlIdnMigrationResources() {
        Verdict verdict = verdict(List.of(action(
                "IDN-MIGRATION-RESOURCES",
                "ManualStep",
                "migration-resources",
                Map.of(
                        "step",
                        "edit migration-config.yaml",
                        "config",
                        "migrationEnable: true, currentVersion: 5.9.0"))));

        RunbookStep step = view(verdict).steps().get(0);

        assertThat(step.snippet()).isEqualTo("migrationEnable: true, currentVersion: 5.9.0");
        assertThat(step.snippetLanguage()).isEqualTo("text");
    }

    @Test
    void aManualCommandNamingItsFileByBareNameGetsTheFilesPathInTheNewHomePerPlatformKey42CrunchCert() {
        Verdict verdict = verdict(List.of(action(
                "KEY-42CRUNCH-CERT",
                "ManualStep",
                "repository/resources/security/client-truststore.jks",
                Map.of(
                        "step",
                        "import the certificate",
                        "command",
                        "keytool -import -alias 42crunch -file 42crunch.cer -keystore client-truststore.jks"))));

        RunbookStep step = view(verdict).steps().get(0);

        assertThat(step.linux())
                .containsExactly("keytool -import -alias 42crunch -file 42crunch.cer -keystore "
                        + "\"$APIM_NEW_HOME/repository/resources/security/client-truststore.jks\"");
        assertThat(step.windows())
                .containsExactly("keytool -import -alias 42crunch -file 42crunch.cer -keystore "
                        + "\"%APIM_NEW_HOME%\\repository\\resources\\security\\client-truststore.jks\"");
        assertThat(step.sameOnBoth()).isFalse();
    }

    @Test
    void aFileTheOperatorDownloadsIsSaidToComeFromTheGuidesLinkIdxTenantloader() {
        Verdict verdict = verdict(List.of(action(
                "IDX-TENANTLOADER",
                "CopyFile",
                "repository/components/dropins/tenantloader-1.0.jar",
                Map.of("from", "tenantloader-1.0.jar"))));

        RunbookStep step = view(verdict).steps().get(0);

        assertThat(step.what())
                .startsWith("Copy tenantloader-1.0.jar (the file the guide's step links to: run the"
                        + " command in the folder you saved it to) to the 3.1.0 home's");
        assertThat(step.linux())
                .containsExactly("cp \"tenantloader-1.0.jar\" "
                        + "\"$APIM_NEW_HOME/repository/components/dropins/tenantloader-1.0.jar\"");
    }
}
