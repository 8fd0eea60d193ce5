package dev.apimupgrade.rules;

import static dev.apimupgrade.fact.StockComparison.Category.EXECUTION_PLAN;
import static dev.apimupgrade.fact.StockComparison.Category.SYNAPSE;
import static dev.apimupgrade.rules.Given.H2_AM;
import static dev.apimupgrade.rules.Given.H2_SHARED;
import static dev.apimupgrade.rules.Given.MYSQL_AM;
import static dev.apimupgrade.rules.Given.MYSQL_SHARED;
import static dev.apimupgrade.rules.Given.artefact;
import static dev.apimupgrade.rules.Given.comparison;
import static dev.apimupgrade.rules.Given.datasource;
import static dev.apimupgrade.rules.Given.difference;
import static dev.apimupgrade.rules.Given.driverJar;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.jar;
import static dev.apimupgrade.rules.Given.plan;
import static dev.apimupgrade.rules.Given.presence;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.Given.synapse;
import static dev.apimupgrade.rules.Given.tenant;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.SynapseDiff;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.DeploymentTomlScanner;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.NodeRoleScanner;
import dev.apimupgrade.testkit.SharedFiles;
import dev.apimupgrade.verify.NodeLocalDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationRulesTest {
    private static final String MYSQL_DRIVER = "com.mysql.cj.jdbc.Driver";
    private static final String PLANS = "repository/deployment/server/executionplans";

    /** Any OLD setting: the scanner read the old deployment.toml. */
    private static TomlSetting oldTomlRead() {
        return setting(Role.OLD, "server.hostname", "localhost");
    }

    @Test
    void cfgNoFileCopyAppliesAndListsTheKeysThatDifferFromStock() {
        Verdict v = decide(
                oldTomlRead(), difference("server.hostname", "CHANGED"), difference("apim.analytics.enable", "ADDED"));

        assertThat(v.status("CFG-NO-FILE-COPY")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "CFG-NO-FILE-COPY")).contains("server.hostname (changed)", "apim.analytics.enable (added)");
    }

    @Test
    void cfgNoFileCopyIsNotApplicableWhenTheOldTomlMatchesStock() {
        assertThat(decide(oldTomlRead()).status("CFG-NO-FILE-COPY")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgNoFileCopyIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status("CFG-NO-FILE-COPY")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgDbApimAppliesWhenTheNewApimDbPointsElsewhereAndCopiesTheOldTable() {
        Verdict v = decide(
                home(Role.NEW),
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                datasource(Role.NEW, "apim_db", "h2", H2_AM));

        assertThat(v.status("CFG-DB-APIM")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-APIM")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("SetTomlTable");
            assertThat(a.target()).isEqualTo("database.apim_db");
            assertThat(a.params()).containsEntry("relativeH2", "false");
        });
    }

    @Test
    void cfgDbApimAppliesWithoutANewHome() {
        Verdict v = decide(datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM));

        assertThat(v.status("CFG-DB-APIM")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-APIM")).hasSize(1);
    }

    @Test
    void cfgDbApimAppliesWhenBothHomesUseTheSameRelativeH2Url() {
        Verdict v = decide(
                home(Role.NEW),
                datasource(Role.OLD, "apim_db", "h2", H2_AM),
                datasource(Role.NEW, "apim_db", "h2", H2_AM));

        assertThat(v.status("CFG-DB-APIM")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "CFG-DB-APIM")).contains("3.1.0 home's own database");
        assertThat(actions(v, "CFG-DB-APIM"))
                .singleElement()
                .satisfies(a -> assertThat(a.params()).containsEntry("relativeH2", "true"));
    }

    /** A gateway worker's apim_db as 3.0.0 defaults it when the toml has no [database.apim_db] (default.json). */
    private static DatasourceConfig defaultedH2Apim() {
        return new DatasourceConfig(
                Role.OLD,
                "apim_db",
                "",
                H2_AM,
                "",
                "",
                false,
                SourceRef.line(Role.OLD, "repository/resources/conf/default.json", 24),
                "default.json");
    }

    @Test
    void onAGatewayWorkerTheNodeLocalH2ApimDbAndSharedDbAreNotCarriedAndTheNewPacksOwnAreKept() {
        Verdict v = decide(
                home(Role.NEW),
                NodePlacementRulesTest.node("gateway-worker", NodeRoleConfig.GATEWAY),
                defaultedH2Apim(),
                datasource(Role.OLD, "shared_db", "h2", H2_SHARED),
                datasource(Role.NEW, "apim_db", "h2", H2_AM),
                datasource(Role.NEW, "shared_db", "h2", H2_SHARED));

        assertThat(v.status("CFG-DB-APIM")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "CFG-DB-APIM"))
                .isEqualTo("not on a gateway-worker node: its apim_db is a node-local H2 database; the 3.1.0 pack's"
                        + " own is kept.");
        assertThat(v.status("CFG-DB-SHARED")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "CFG-DB-SHARED")).startsWith("not on a gateway-worker node: its shared_db is a node-local");
        assertThat(actions(v, "CFG-DB-APIM")).isEmpty();
        assertThat(actions(v, "CFG-DB-SHARED")).isEmpty();
        // verify reads these two in the new home: the conclusion of the rules that kept them names them
        assertThat(NodeLocalDatabases.kept(v)).containsExactly("apim_db", "shared_db");
        // the evidence: the node's role and the url, with where it came from (defaulted here)
        assertThat(v.result("CFG-DB-APIM").evidence())
                .extracting(Evidence::observed)
                .anySatisfy(o -> assertThat(o).contains("server_role gateway-worker"))
                .anySatisfy(o -> assertThat(o).contains(H2_AM).contains("url from default.json"));
    }

    @Test
    void aGatewayWorkersServerDatabasesAndADefaultProfileNodesH2AreStillCarried() {
        Verdict gatewayOnMysql = decide(
                home(Role.NEW),
                NodePlacementRulesTest.node("gateway-worker", NodeRoleConfig.GATEWAY),
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                datasource(Role.NEW, "apim_db", "h2", H2_AM));
        Verdict standaloneOnH2 = decide(
                home(Role.NEW),
                NodePlacementRulesTest.node("default", NodeRoleConfig.ALL.toArray(String[]::new)),
                datasource(Role.OLD, "apim_db", "h2", H2_AM),
                datasource(Role.NEW, "apim_db", "h2", H2_AM));
        Verdict keyManagerOnH2 = decide(
                home(Role.NEW),
                NodePlacementRulesTest.node("api-key-manager", NodeRoleConfig.KEY_MANAGER),
                datasource(Role.OLD, "shared_db", "h2", H2_SHARED),
                datasource(Role.NEW, "shared_db", "h2", H2_SHARED));
        Verdict gatewayOnH2Server = decide(
                home(Role.NEW),
                NodePlacementRulesTest.node("gateway-worker", NodeRoleConfig.GATEWAY),
                datasource(Role.OLD, "apim_db", "h2", "jdbc:h2:tcp://db.example.com/~/WSO2AM_DB"),
                datasource(Role.NEW, "apim_db", "h2", H2_AM));

        for (Verdict v : java.util.List.of(gatewayOnMysql, standaloneOnH2, gatewayOnH2Server)) {
            assertThat(v.status("CFG-DB-APIM")).isEqualTo(Status.APPLIES);
            assertThat(actions(v, "CFG-DB-APIM")).hasSize(1);
        }
        for (Verdict v : java.util.List.of(gatewayOnMysql, standaloneOnH2, keyManagerOnH2, gatewayOnH2Server)) {
            assertThat(NodeLocalDatabases.kept(v)).isEmpty();
        }
        assertThat(keyManagerOnH2.status("CFG-DB-SHARED")).isEqualTo(Status.APPLIES);
        assertThat(actions(keyManagerOnH2, "CFG-DB-SHARED")).hasSize(1);
    }

    @Test
    void cfgDbApimAndCfgDbSharedCompareUrlsAsTheServerRendersThemSoAnEscapedAmpersandIsTheSameUrl() {
        String written = "jdbc:mysql://db:3306/WSO2AM_DB?useSSL=false&amp;autoReconnect=true";
        String rendered = "jdbc:mysql://db:3306/WSO2AM_DB?useSSL=false&autoReconnect=true";
        Verdict same = decide(
                home(Role.NEW),
                datasource(Role.OLD, "apim_db", "mysql", written),
                datasource(Role.NEW, "apim_db", "mysql", rendered),
                datasource(Role.OLD, "shared_db", "mysql", written),
                datasource(Role.NEW, "shared_db", "mysql", written));
        Verdict other = decide(
                home(Role.NEW),
                datasource(Role.OLD, "apim_db", "mysql", written),
                datasource(Role.NEW, "apim_db", "mysql", rendered.replace("autoReconnect", "useUnicode")));

        assertThat(same.status("CFG-DB-APIM")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(same.status("CFG-DB-SHARED")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(other.status("CFG-DB-APIM")).isEqualTo(Status.APPLIES);
        // the message quotes the URL as written: evidence shows the raw text
        assertThat(said(other, "CFG-DB-APIM")).contains(written);
    }

    /** The migration testing tool's API-M_3.0.0/postgresql/deployment.toml [database.apim_db], lines 24-35. */
    static Observation[] testingToolPostgresApimDb() {
        String pg = "jdbc:postgresql://localhost:5432/amdb";
        return new Observation[] {
            datasource(Role.OLD, "apim_db", "mysql", pg, "org.postgresql.Driver", "SELECT 1"),
            line("database.apim_db.type", "mysql", 25),
            line("database.apim_db.url", pg, 26),
            line("database.apim_db.username", "root", 27),
            line("database.apim_db.password", "****", 28),
            line("database.apim_db.defaultAutoCommit", "false", 29),
            line("database.apim_db.driverClassName", "org.postgresql.Driver", 30),
            line("database.apim_db.maxActive", "50", 31),
            line("database.apim_db.maxWait", "60000", 32),
            line("database.apim_db.testOnBorrow", "true", 33),
            line("database.apim_db.validationQuery", "SELECT 1", 34),
            line("database.apim_db.validationInterval", "30000", 35)
        };
    }

    static TomlSetting line(String key, String value, int n) {
        return new TomlSetting(
                Role.OLD,
                key,
                value,
                SourceRef.line(Role.OLD, "repository/conf/deployment.toml", n),
                TomlSetting.STRING);
    }

    @Test
    void cfgDbApimDropsTheTopLevelKeysNeitherPackReadsAndKeepsThoseItReads() {
        Verdict v = decide(testingToolPostgresApimDb());

        assertThat(actions(v, "CFG-DB-APIM"))
                .singleElement()
                .satisfies(a -> assertThat(a.params())
                        .containsEntry(
                                "drop",
                                "defaultAutoCommit,driverClassName,maxActive,maxWait,testOnBorrow,"
                                        + "validationInterval"));
    }

    @Test
    void cfgDbApimDropsNothingWhenPoolSettingsAreUnderPoolOptions() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                line("database.apim_db.url", MYSQL_AM, 2),
                line("database.apim_db.driver", "com.mysql.jdbc.Driver", 3),
                line("database.apim_db.pool_options.driverClassName", "com.mysql.jdbc.Driver", 5),
                line("database.apim_db.pool_options.maxActive", "50", 6));

        assertThat(actions(v, "CFG-DB-APIM"))
                .singleElement()
                .satisfies(a -> assertThat(a.params()).doesNotContainKey("drop"));
    }

    @Test
    void cfgDbTypeUrlAppliesWithTheTypeAndTheUrlLinesWhenTypeMysqlMeetsAPostgresqlUrl() {
        Verdict v = decide(testingToolPostgresApimDb());

        assertThat(v.status("CFG-DB-TYPE-URL")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-DB-TYPE-URL").severity()).isEqualTo(Severity.WARNING);
        assertThat(v.result("CFG-DB-TYPE-URL").evidence())
                .extracting(e -> e.source() + " " + e.observed())
                .contains(
                        "OLD:repository/conf/deployment.toml:25 database.apim_db.type = mysql",
                        "OLD:repository/conf/deployment.toml:26 database.apim_db.url = jdbc:postgresql://localhost:5432/amdb");
        // driverClassName is not read, so 3.x infers the MySQL driver for the PostgreSQL URL
        assertThat(said(v, "CFG-DB-TYPE-URL"))
                .contains("type = \"mysql\" names mysql")
                .contains("is postgre")
                .contains("gives no driver")
                .contains("com.mysql.jdbc.Driver");
    }

    @Test
    void cfgDbTypeUrlSaysOnlyTheValidationQueryIsInferredWhenTheTableGivesADriver() {
        Verdict v = decide(
                datasource(Role.OLD, "shared_db", "mysql", "jdbc:postgresql://db/shared"),
                line("database.shared_db.type", "mysql", 2),
                line("database.shared_db.url", "jdbc:postgresql://db/shared", 3),
                line("database.shared_db.driver", "org.postgresql.Driver", 4));

        assertThat(said(v, "CFG-DB-TYPE-URL")).contains("gives a driver").doesNotContain("com.mysql.jdbc.Driver");
    }

    @Test
    void cfgDbTypeUrlIsNotApplicableWhenEachTypeAgreesWithItsUrlOrNamesNoKnownDatabase() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "mysql", "jdbc:mariadb://db/am"),
                datasource(Role.OLD, "shared_db", "postgre", "jdbc:postgresql://db/reg"),
                datasource(Role.OLD, "user", "", "jdbc:oracle:thin:@db:1521/um"),
                line("server.hostname", "x", 1));

        assertThat(v.status("CFG-DB-TYPE-URL")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgDbTypeUrlIsUnknownWhenTheOldTomlWasNotRead() {
        assertThat(decide().status("CFG-DB-TYPE-URL")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgDbApimIsNotApplicableWhenTheNewApimDbAlreadyUsesTheOldUrl() {
        Verdict v = decide(
                home(Role.NEW),
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                datasource(Role.NEW, "apim_db", "mysql", MYSQL_AM));

        assertThat(v.status("CFG-DB-APIM")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "CFG-DB-APIM")).isEmpty();
    }

    @Test
    void cfgDbApimIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.NEW), datasource(Role.NEW, "apim_db", "h2", H2_AM))
                        .status("CFG-DB-APIM"))
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgDbSharedAppliesWhenTheNewSharedDbPointsElsewhere() {
        Verdict v = decide(
                home(Role.NEW),
                datasource(Role.OLD, "shared_db", "mysql", MYSQL_SHARED),
                datasource(Role.NEW, "shared_db", "h2", H2_SHARED));

        assertThat(v.status("CFG-DB-SHARED")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-SHARED"))
                .extracting(JustifiedAction::target)
                .containsExactly("database.shared_db");
    }

    @Test
    void cfgDbSharedAppliesWhenBothHomesUseTheSameRelativeH2Url() {
        Verdict v = decide(
                home(Role.NEW),
                datasource(Role.OLD, "shared_db", "h2", H2_SHARED),
                datasource(Role.NEW, "shared_db", "h2", H2_SHARED));

        assertThat(v.status("CFG-DB-SHARED")).isEqualTo(Status.APPLIES);
    }

    @Test
    void cfgDbSharedIsNotApplicableWhenTheNewSharedDbAlreadyUsesTheOldUrl() {
        Verdict v = decide(
                home(Role.NEW),
                datasource(Role.OLD, "shared_db", "mysql", MYSQL_SHARED),
                datasource(Role.NEW, "shared_db", "mysql", MYSQL_SHARED));

        assertThat(v.status("CFG-DB-SHARED")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgDbSharedIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status("CFG-DB-SHARED")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgDbSeparateUmRegAppliesAsAWarningWhenUserAndSharedUrlsDiffer() {
        Verdict v = decide(
                datasource(Role.OLD, "user", "mysql", "jdbc:mysql://db:3306/um_db"),
                datasource(Role.OLD, "shared_db", "mysql", MYSQL_SHARED));

        assertThat(v.status("CFG-DB-SEPARATE-UM-REG")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-DB-SEPARATE-UM-REG").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void cfgDbSeparateUmRegIsNotApplicableWhenUserAndSharedUseTheSameUrl() {
        assertThat(decide(
                                datasource(Role.OLD, "user", "mysql", MYSQL_SHARED),
                                datasource(Role.OLD, "shared_db", "mysql", MYSQL_SHARED))
                        .status("CFG-DB-SEPARATE-UM-REG"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgDbSeparateUmRegIsNotApplicableWithoutAnOldUserDatabase() {
        assertThat(decide(oldTomlRead(), datasource(Role.OLD, "shared_db", "mysql", MYSQL_SHARED))
                        .status("CFG-DB-SEPARATE-UM-REG"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgDbSeparateUmRegIsUnknownWithoutTheOldToml() {
        assertThat(decide().status("CFG-DB-SEPARATE-UM-REG")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgDbUserAppliesWithATableCopyWhenTheNewHomeLacksTheOldUserDatabase() {
        Verdict v = decide(oldTomlRead(), datasource(Role.OLD, "user", "mysql", "jdbc:mysql://db:3306/um_db"));

        assertThat(v.status("CFG-DB-USER")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-USER"))
                .extracting(JustifiedAction::target)
                .containsExactly("database.user");
    }

    @Test
    void cfgDbUserAppliesWithoutAnActionWhenTheNewHomeAlreadyHasTheUserDatabase() {
        Verdict v = decide(
                datasource(Role.OLD, "user", "mysql", "jdbc:mysql://db:3306/um_db"),
                datasource(Role.NEW, "user", "mysql", "jdbc:mysql://db:3306/um_db"));

        assertThat(v.status("CFG-DB-USER")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-USER")).isEmpty();
    }

    @Test
    void cfgDbUserIsNotApplicableWithoutAnOldUserDatabase() {
        Verdict v = decide(oldTomlRead(), datasource(Role.OLD, "shared_db", "h2", H2_SHARED));

        assertThat(v.status("CFG-DB-USER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "CFG-DB-USER")).isEmpty();
    }

    @Test
    void cfgDbUserIsUnknownWithoutTheOldToml() {
        assertThat(decide().status("CFG-DB-USER")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgRealmManagerAppliesWhenTheOldHomeHasAUserDatabaseAndTheNewRealmManagerDoesNotUseIt() {
        Verdict v = decide(
                datasource(Role.OLD, "user", "mysql", "jdbc:mysql://db:3306/um_db"),
                setting(Role.NEW, "realm_manager.data_source", "\"SHARED_DB\""));

        assertThat(v.status("CFG-REALM-MANAGER")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-REALM-MANAGER")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("SetTomlValue");
            assertThat(a.target()).isEqualTo("realm_manager.data_source");
            assertThat(a.params()).containsEntry("value", "WSO2USER_DB");
        });
    }

    @Test
    void cfgRealmManagerIsNotApplicableWhenTheNewRealmManagerAlreadyUsesWso2UserDb() {
        Verdict v = decide(
                datasource(Role.OLD, "user", "mysql", "jdbc:mysql://db:3306/um_db"),
                setting(Role.NEW, "realm_manager.data_source", "\"WSO2USER_DB\""));

        assertThat(v.status("CFG-REALM-MANAGER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "CFG-REALM-MANAGER")).isEmpty();
    }

    @Test
    void cfgRealmManagerIsNotApplicableWithoutAnOldUserDatabase() {
        assertThat(decide(oldTomlRead()).status("CFG-REALM-MANAGER")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgRealmManagerIsUnknownWithoutTheOldToml() {
        assertThat(decide().status("CFG-REALM-MANAGER")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgDbConfigAppliesWithATableCopyWhenTheOldHomeHasAConfigDatabase() {
        Verdict v = decide(datasource(Role.OLD, "config", "mysql", "jdbc:mysql://db:3306/config_db"));

        assertThat(v.status("CFG-DB-CONFIG")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-CONFIG"))
                .extracting(JustifiedAction::target)
                .containsExactly("database.config");
    }

    @Test
    void cfgDbConfigIsNotApplicableWithoutAnOldConfigDatabase() {
        assertThat(decide(oldTomlRead()).status("CFG-DB-CONFIG")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgDbConfigIsUnknownWithoutTheOldToml() {
        assertThat(decide().status("CFG-DB-CONFIG")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgDbDriverParamsAppliesForPostgresAndSetsTheMissingDriverAndQuery() {
        Verdict v = decide(datasource(Role.OLD, "apim_db", "postgre", "jdbc:postgresql://db:5432/am"));

        assertThat(v.status("CFG-DB-DRIVER-PARAMS")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "CFG-DB-DRIVER-PARAMS")).contains("org.postgresql.Driver", "SELECT 1");
        assertThat(actions(v, "CFG-DB-DRIVER-PARAMS"))
                .extracting(JustifiedAction::target)
                .containsExactly("database.apim_db.driver", "database.apim_db.validationQuery");
    }

    @Test
    void cfgDbDriverParamsGoesByTheUrlWhenTheTypeSaysMysqlButTheUrlIsPostgres() {
        Verdict v = decide(datasource(
                Role.OLD,
                "apim_db",
                "mysql",
                "jdbc:postgresql://localhost:5432/amdb",
                "org.postgresql.Driver",
                "SELECT 1"));

        assertThat(v.status("CFG-DB-DRIVER-PARAMS")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-DRIVER-PARAMS")).isEmpty();
    }

    @Test
    void cfgDbDriverParamsAppliesForDb2WithoutActionsWhenTheTableHasBoth() {
        Verdict v = decide(datasource(
                Role.OLD,
                "shared_db",
                "db2",
                "jdbc:db2://db:50000/reg",
                "com.ibm.db2.jcc.DB2Driver",
                "SELECT 1 FROM SYSIBM.SYSDUMMY1"));

        assertThat(v.status("CFG-DB-DRIVER-PARAMS")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-DB-DRIVER-PARAMS")).isEmpty();
    }

    @Test
    void cfgDbDriverParamsIsNotApplicableForMysqlOracleAndH2() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                datasource(Role.OLD, "shared_db", "oracle", "jdbc:oracle:thin:@db:1521/reg"),
                datasource(Role.OLD, "config", "h2", H2_AM));

        assertThat(v.status("CFG-DB-DRIVER-PARAMS")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgDbDriverParamsIsUnknownWithoutOldDatasources() {
        assertThat(decide(oldTomlRead()).status("CFG-DB-DRIVER-PARAMS")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgJdbcDriverAppliesAndCopiesTheOldDriverWhenTheNewLibLacksOne() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                datasource(Role.OLD, "shared_db", "mysql", MYSQL_SHARED),
                driverJar(Role.OLD, "mysql-connector-java-8.0.19.jar", MYSQL_DRIVER, false));

        assertThat(v.status("CFG-JDBC-DRIVER")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-JDBC-DRIVER").severity()).isEqualTo(Severity.INFO);
        assertThat(actions(v, "CFG-JDBC-DRIVER")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("CopyFile");
            assertThat(a.target()).isEqualTo("repository/components/lib/mysql-connector-java-8.0.19.jar");
        });
    }

    @Test
    void cfgJdbcDriverAppliesAsAWarningWhenNoHomeHasTheDriver() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "postgre", "jdbc:postgresql://db/am"),
                driverJar(Role.OLD, "mysql-connector-java-8.0.19.jar", MYSQL_DRIVER, false));

        assertThat(v.status("CFG-JDBC-DRIVER")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-JDBC-DRIVER").severity()).isEqualTo(Severity.WARNING);
        assertThat(actions(v, "CFG-JDBC-DRIVER")).isEmpty();
    }

    @Test
    void cfgJdbcDriverIsNotApplicableWhenTheNewLibHasADriverOfTheSameKind() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                driverJar(Role.OLD, "mysql-connector-java-5.1.48.jar", "com.mysql.jdbc.Driver", false),
                driverJar(Role.NEW, "mysql-connector-java-8.0.19.jar", MYSQL_DRIVER, true));

        assertThat(v.status("CFG-JDBC-DRIVER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "CFG-JDBC-DRIVER")).isEmpty();
    }

    @Test
    void cfgJdbcDriverIsNotApplicableWhenEveryOldDatasourceIsH2() {
        assertThat(decide(datasource(Role.OLD, "apim_db", "h2", H2_AM)).status("CFG-JDBC-DRIVER"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgJdbcDriverIsUnknownWithoutOldDatasources() {
        assertThat(decide(driverJar(Role.OLD, "m.jar", MYSQL_DRIVER, false)).status("CFG-JDBC-DRIVER"))
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgSynapseSuperAppliesWhenACarbonSuperFileIsNotStockAndCopiesTheTreeWithoutTheProtectedFiles() {
        Verdict v = decide(
                synapse("carbon.super", "api/admin--PizzaShackAPI_v1.0.0.xml", false),
                synapse("carbon.super", "sequences/fault.xml", false),
                comparison(SYNAPSE, "carbon.super", "sequences/fault.xml", true),
                synapse("carbon.super", "sequences/main.xml", true));

        assertThat(v.status("CFG-SYNAPSE-SUPER")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "CFG-SYNAPSE-SUPER")).contains("PizzaShackAPI").doesNotContain("fault.xml");
        assertThat(actions(v, "CFG-SYNAPSE-SUPER")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("CopyTree");
            assertThat(a.params().get("exclude"))
                    .contains(
                            "sequences/main.xml",
                            "api/_RevokeAPI_.xml",
                            "sequences/_cors_request_handler_.xml",
                            "proxy-services/WorkflowCallbackService.xml");
        });
    }

    @Test
    void cfgSynapseSuperAppliesWhenAStockCarbonSuperFileWasEdited() {
        Verdict v = decide(
                synapse("carbon.super", "sequences/fault.xml", false),
                comparison(SYNAPSE, "carbon.super", "sequences/fault.xml", false));

        assertThat(v.status("CFG-SYNAPSE-SUPER")).isEqualTo(Status.APPLIES);
    }

    @Test
    void cfgSynapseSuperIsNotApplicableWhenEveryUnprotectedFileMatchesStock() {
        Verdict v = decide(
                synapse("carbon.super", "sequences/fault.xml", false),
                comparison(SYNAPSE, "carbon.super", "sequences/fault.xml", true),
                synapse("carbon.super", "sequences/main.xml", true),
                synapse("1", "api/tenant-api.xml", false));

        assertThat(v.status("CFG-SYNAPSE-SUPER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "CFG-SYNAPSE-SUPER")).isEmpty();
    }

    @Test
    void cfgSynapseSuperIsUnknownWithoutOldSynapseFiles() {
        assertThat(decide(home(Role.OLD)).status("CFG-SYNAPSE-SUPER")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgSynapseTenantsAppliesWithOneTreeCopyPerTenantWithSynapseConfigs() {
        Verdict v = decide(tenant("1", true), tenant("2", true), tenant("3", false));

        assertThat(v.status("CFG-SYNAPSE-TENANTS")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-SYNAPSE-TENANTS"))
                .extracting(JustifiedAction::target)
                .containsExactly("repository/tenants/1", "repository/tenants/2");
        assertThat(actions(v, "CFG-SYNAPSE-TENANTS").get(0).params().get("exclude"))
                .contains("synapse-configs/default/sequences/main.xml");
    }

    @Test
    void cfgSynapseTenantsIsNotApplicableWithoutTenantSynapseConfigs() {
        Verdict v = decide(presence(Role.OLD, "repository/tenants", true), tenant("3", false));

        assertThat(v.status("CFG-SYNAPSE-TENANTS")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgSynapseTenantsIsUnknownWhenTheTenantsFolderWasNotLookedAt() {
        assertThat(decide(home(Role.OLD)).status("CFG-SYNAPSE-TENANTS")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgSynapseProtectedModifiedAppliesWhenAProtectedFileOfATenantDiffersFromStock() {
        Verdict v = decide(
                synapse("2", "sequences/main.xml", true),
                comparison(SYNAPSE, "2", "sequences/main.xml", false),
                synapse("carbon.super", "sequences/main.xml", true),
                comparison(SYNAPSE, "carbon.super", "sequences/main.xml", true));

        assertThat(v.status("CFG-SYNAPSE-PROTECTED-MODIFIED")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "CFG-SYNAPSE-PROTECTED-MODIFIED")).contains("2 sequences/main.xml");
        assertThat(actions(v, "CFG-SYNAPSE-PROTECTED-MODIFIED")).singleElement().satisfies(a -> {
            assertThat(a.automated()).isFalse();
            assertThat(a.target()).isEqualTo("repository/tenants/2/synapse-configs/default/sequences/main.xml");
        });
    }

    @Test
    void cfgSynapseProtectedModifiedCitesTheUnifiedDiffOfTheCustomisedFileAsEvidence() {
        SynapseDiff diff = new SynapseDiff(
                Role.OLD,
                "2",
                "sequences/main.xml",
                "--- NEW:a\n+++ OLD:b\n-<in/>\n+<in><log/></in>",
                SourceRef.file(Role.OLD, "repository/tenants/2/synapse-configs/default/sequences/main.xml"));
        SynapseDiff otherFile = new SynapseDiff(
                Role.OLD,
                "2",
                "api/_RevokeAPI_.xml",
                "--- NEW:c\n+++ OLD:d",
                SourceRef.file(Role.OLD, "repository/tenants/2/synapse-configs/default/api/_RevokeAPI_.xml"));

        Verdict v = decide(
                synapse("2", "sequences/main.xml", true),
                comparison(SYNAPSE, "2", "sequences/main.xml", false),
                diff,
                otherFile);

        assertThat(said(v, "CFG-SYNAPSE-PROTECTED-MODIFIED")).contains("the evidence shows the unified diff");
        assertThat(v.result("CFG-SYNAPSE-PROTECTED-MODIFIED").evidence())
                .extracting(Evidence::observed)
                .contains(diff.observed())
                .doesNotContain(otherFile.observed());
        assertThat(diff.observed()).contains("\n+<in><log/></in>");
    }

    @Test
    void cfgSynapseProtectedModifiedIgnoresEditedFilesThatAreNotProtected() {
        Verdict v = decide(
                synapse("carbon.super", "sequences/fault.xml", false),
                comparison(SYNAPSE, "carbon.super", "sequences/fault.xml", false),
                synapse("carbon.super", "sequences/main.xml", true),
                comparison(SYNAPSE, "carbon.super", "sequences/main.xml", true));

        assertThat(v.status("CFG-SYNAPSE-PROTECTED-MODIFIED")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgSynapseProtectedModifiedIsUnknownWithoutComparisons() {
        assertThat(decide(synapse("carbon.super", "sequences/main.xml", true)).status("CFG-SYNAPSE-PROTECTED-MODIFIED"))
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgExecutionPlansAppliesAndCopiesAPlanThatIsNotStock() {
        Verdict v = decide(
                plan("carbon.super_custom_10PerMin.siddhiql", false), plan("carbon.super_app_10PerMin.siddhiql", true));

        assertThat(v.status("CFG-EXECUTION-PLANS")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-EXECUTION-PLANS"))
                .extracting(JustifiedAction::target)
                .containsExactly(PLANS + "/carbon.super_custom_10PerMin.siddhiql");
    }

    @Test
    void cfgExecutionPlansAppliesWhenAStockPlanWasEdited() {
        Verdict v = decide(
                plan("carbon.super_app_10PerMin.siddhiql", true),
                comparison(EXECUTION_PLAN, "carbon.super", "carbon.super_app_10PerMin.siddhiql", false));

        assertThat(v.status("CFG-EXECUTION-PLANS")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-EXECUTION-PLANS")).hasSize(1);
        assertThat(said(v, "CFG-EXECUTION-PLANS"))
                .contains("carbon.super_app_10PerMin.siddhiql differs from 3.1.0 home.");
    }

    @Test
    void cfgExecutionPlansIsNotApplicableWithOnlyUnchangedStockPlans() {
        Verdict v = decide(
                plan("carbon.super_app_10PerMin.siddhiql", true),
                comparison(EXECUTION_PLAN, "carbon.super", "carbon.super_app_10PerMin.siddhiql", true));

        assertThat(v.status("CFG-EXECUTION-PLANS")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgExecutionPlansIsNotApplicableWhenTheOldHomeHasNoPlans() {
        assertThat(decide(presence(Role.OLD, PLANS, false)).status("CFG-EXECUTION-PLANS"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgExecutionPlansIsUnknownWithoutPlanFacts() {
        assertThat(decide(home(Role.OLD)).status("CFG-EXECUTION-PLANS")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgCustomDropinsAppliesAsAWarningForABundleThatIsNotStock() {
        Verdict v = decide(
                presence(Role.OLD, "repository/components/dropins", true),
                jar(Role.OLD, "dropins", "com.example.auth.handler-1.0.0.jar", false),
                jar(Role.OLD, "dropins", "org.wso2.carbon.identity.oauth2.grant.jwt-1.0.23.jar", true));

        assertThat(v.status("CFG-CUSTOM-DROPINS")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-CUSTOM-DROPINS").severity()).isEqualTo(Severity.WARNING);
        assertThat(actions(v, "CFG-CUSTOM-DROPINS"))
                .extracting(JustifiedAction::target)
                .containsExactly("repository/components/dropins/com.example.auth.handler-1.0.0.jar");
    }

    @Test
    void cfgCustomDropinsIsNotApplicableWhenTheOnlyNonStockJarIsAMigrationTool() {
        Verdict v = decide(
                presence(Role.OLD, "repository/components/dropins", true),
                jar(Role.OLD, "dropins", "tenantloader-1.0.jar", false),
                artefact(Role.OLD, "dropins", "tenantloader-1.0.jar"));

        assertThat(v.status("CFG-CUSTOM-DROPINS")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "CFG-CUSTOM-DROPINS")).isEmpty();
    }

    @Test
    void cfgCustomDropinsIsUnknownWhenDropinsWasNotScanned() {
        assertThat(decide(home(Role.OLD)).status("CFG-CUSTOM-DROPINS")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void cfgCustomLibAppliesAndCopiesAPlainCustomJar() {
        Verdict v = decide(
                presence(Role.OLD, "repository/components/lib", true),
                jar(Role.OLD, "lib", "custom-mediator-1.0.jar", false));

        assertThat(v.status("CFG-CUSTOM-LIB")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-CUSTOM-LIB").severity()).isEqualTo(Severity.INFO);
        assertThat(actions(v, "CFG-CUSTOM-LIB"))
                .extracting(JustifiedAction::target)
                .containsExactly("repository/components/lib/custom-mediator-1.0.jar");
    }

    @Test
    void cfgCustomLibLeavesTheCopyOfAUsedJdbcDriverToCfgJdbcDriver() {
        Verdict v = decide(
                datasource(Role.OLD, "apim_db", "mysql", MYSQL_AM),
                driverJar(Role.OLD, "mysql-connector-java-8.0.19.jar", MYSQL_DRIVER, false));

        assertThat(v.status("CFG-CUSTOM-LIB")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "CFG-CUSTOM-LIB")).isEmpty();
        assertThat(actions(v, "CFG-JDBC-DRIVER")).hasSize(1);
    }

    @Test
    void cfgCustomLibIsNotApplicableWhenEveryLibJarIsStock() {
        Verdict v = decide(
                presence(Role.OLD, "repository/components/lib", true), jar(Role.OLD, "lib", "encoder-1.1.jar", true));

        assertThat(v.status("CFG-CUSTOM-LIB")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void cfgCustomLibIsUnknownWhenLibWasNotScanned() {
        assertThat(decide(home(Role.OLD)).status("CFG-CUSTOM-LIB")).isEqualTo(Status.UNKNOWN);
    }

    /** A node's facts as the scanners read them from one of WSO2's pattern-2 deployment.toml files. */
    private static Observation[] patternTwoNode(Path tmp, String node) throws Exception {
        Path home = Files.createDirectories(tmp.resolve(node).resolve("repository/conf"))
                .getParent()
                .getParent();
        Files.copy(
                SharedFiles.reference("deployments/k8s-pattern-2/" + node + "/deployment.toml"),
                home.resolve("repository/conf/deployment.toml"));
        Installation installation = new Installation(home, Optional.empty());
        List<Observation> out = new ArrayList<>(new DeploymentTomlScanner().scan(installation));
        out.addAll(new NodeRoleScanner().scan(installation));
        out.add(home(Role.OLD));
        return out.toArray(Observation[]::new);
    }

    @Test
    void cfgNodeRoleCarriesTheGatewayWorkersRoleKeyManagerAndThrottlingAndNamesItsTrafficManagerGroups(
            @TempDir Path tmp) throws Exception {
        Verdict v = decide(patternTwoNode(tmp, "gateway-worker"));

        assertThat(v.status("CFG-NODE-ROLE")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-NODE-ROLE").severity()).isEqualTo(Severity.WARNING);
        assertThat(said(v, "CFG-NODE-ROLE"))
                .contains("server_role gateway-worker")
                .contains("wso2am-pattern-2-km-service")
                .contains("Carried: server_role = gateway-worker, [apim.key_manager], [apim.throttling],"
                        + " [[apim.throttling.url_group]].");
        List<JustifiedAction> actions = actions(v, "CFG-NODE-ROLE");
        assertThat(actions)
                .extracting(JustifiedAction::kind, JustifiedAction::target)
                .containsExactlyInAnyOrder(
                        tuple("SetTomlValue", "server.server_role"),
                        tuple("SetTomlTable", "apim.key_manager"),
                        tuple("SetTomlTable", "apim.throttling"),
                        tuple("ManualStep", "deployment.toml#[[apim.throttling.url_group]]"));
        assertThat(action(actions, "server.server_role").params()).containsEntry("value", "gateway-worker");
        assertThat(action(actions, "apim.key_manager").params()).containsEntry("from", "OLD");
        assertThat(action(actions, "deployment.toml#[[apim.throttling.url_group]]")
                        .params()
                        .get("step"))
                .contains("2 [[apim.throttling.url_group]] entries (keys traffic_manager_auth_urls,"
                        + " traffic_manager_urls, type)");
    }

    @Test
    void cfgNodeRoleCarriesTheKeyManagersRoleAndNamesTheGatewayEnvironmentItPublishesTo(@TempDir Path tmp)
            throws Exception {
        Verdict v = decide(patternTwoNode(tmp, "key-manager"));

        assertThat(v.status("CFG-NODE-ROLE")).isEqualTo(Status.APPLIES);
        // its [apim.throttling] has no key of its own, only the url_group entries: no table to carry
        List<JustifiedAction> actions = actions(v, "CFG-NODE-ROLE");
        assertThat(actions)
                .extracting(JustifiedAction::kind, JustifiedAction::target)
                .containsExactlyInAnyOrder(
                        tuple("SetTomlValue", "server.server_role"),
                        tuple("ManualStep", "deployment.toml#[[apim.throttling.url_group]]"),
                        tuple("ManualStep", "deployment.toml#[[apim.gateway.environment]]"));
        assertThat(action(actions, "server.server_role").params()).containsEntry("value", "api-key-manager");
        assertThat(action(actions, "deployment.toml#[[apim.gateway.environment]]")
                        .params()
                        .get("step"))
                .contains("1 [[apim.gateway.environment]] entry (keys description, display_in_api_console, name,"
                        + " password, service_url, show_as_token_endpoint_url, type, username)");
    }

    private static JustifiedAction action(List<JustifiedAction> actions, String target) {
        return actions.stream()
                .filter(a -> a.target().equals(target))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void cfgNodeRoleIsNotApplicableOnAStandaloneDefaultNode() {
        Verdict v = decide(
                home(Role.OLD), NodePlacementRulesTest.node("default", NodeRoleConfig.ALL.toArray(String[]::new)));

        assertThat(v.status("CFG-NODE-ROLE")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "CFG-NODE-ROLE")).isEmpty();
    }

    @Test
    void cfgNodeRoleIsUnknownWhenTheOldRoleWasNotRead() {
        Verdict v = decide(home(Role.OLD));

        assertThat(v.status("CFG-NODE-ROLE")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "CFG-NODE-ROLE")).contains("which server_role");
    }
}
