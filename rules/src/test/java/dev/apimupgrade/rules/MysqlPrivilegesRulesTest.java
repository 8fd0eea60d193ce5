package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.AnalyticsDatasource;
import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DbPrivilege;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.RowCount;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DB-MYSQL-PRIVILEGES: the grants of a MariaDB/MySQL datasource user against what the scripts planned on it need. */
class MysqlPrivilegesRulesTest {
    private static final String ID = "DB-MYSQL-PRIVILEGES";
    private static final String SHARED = "shared_db";
    private static final String AM = "apim_db";

    private static DatasourceConfig config(String name, String url) {
        return new DatasourceConfig(
                Role.OLD, name, "mysql", url, "", "", false, SourceRef.line(Role.OLD, Given.TOML, 30));
    }

    private static DbProduct mariadb(String datasource) {
        return new DbProduct(
                datasource,
                "MariaDB",
                "10.11.19-MariaDB",
                DatabaseProduct.MARIADB,
                "",
                SourceRef.db(datasource, "product"));
    }

    private static DbPrivilege grant(String datasource, String line) {
        return DbPrivilege.showGrantsLine(datasource, line, SourceRef.db(datasource, "SHOW GRANTS"));
    }

    /** A shared database whose REG_LOG has rows, so reg-index is planned on it. */
    private static List<Observation> sharedWithRegIndex(String... grants) {
        List<Observation> facts = new ArrayList<>(List.of(
                config(SHARED, Given.MYSQL_SHARED),
                mariadb(SHARED),
                new RowCount(SHARED, "REG_LOG", RowCount.ROWS, 40, SourceRef.db(SHARED, "REG_LOG")),
                Given.registry()));
        for (String g : grants) {
            facts.add(grant(SHARED, g));
        }
        return facts;
    }

    @Test
    void dbMysqlPrivilegesIsABlockerNamingDatasourcePrivilegeScriptAndGrantWhenRegIndexLacksCreateTemporaryTables() {
        Verdict v = decide(sharedWithRegIndex(
                        "GRANT USAGE ON *.*", "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER ON `shared_db`.*")
                .toArray(Observation[]::new));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(v.result(ID).severity()).isEqualTo(Severity.BLOCKER);
        assertThat(said(v, ID))
                .contains(
                        "datasource shared_db",
                        "CREATE TEMPORARY TABLES on the database (reg-index)",
                        "GRANT CREATE TEMPORARY TABLES ON `shared_db`.* TO '<the shared_db user>'@'<its host>';");
        assertThat(actions(v, ID)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("ManualStep");
            assertThat(a.target()).isEqualTo(SHARED);
            assertThat(a.params().get("command"))
                    .isEqualTo(
                            "GRANT CREATE TEMPORARY TABLES ON `shared_db`.* TO '<the shared_db user>'@'<its host>';");
        });
    }

    @Test
    void dbMysqlPrivilegesIsNotApplicableWhenTheDatabaseGrantCoversEveryPrivilegeOfThePlannedScripts() {
        Verdict v = decide(sharedWithRegIndex(
                        "GRANT USAGE ON *.*", "GRANT SELECT, DELETE, CREATE TEMPORARY TABLES ON `shared_db`.*")
                .toArray(Observation[]::new));

        assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, ID)).contains("holds every privilege", "reg-index");
        assertThat(actions(v, ID)).isEmpty();
    }

    @Test
    void dbMysqlPrivilegesIsNotApplicableForAllPrivilegesOnAWildcardDatabasePatternOrOnEveryDatabase() {
        assertThat(decide(sharedWithRegIndex("GRANT ALL PRIVILEGES ON `shared\\_%`.*")
                                .toArray(Observation[]::new))
                        .status(ID))
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(decide(sharedWithRegIndex("GRANT ALL PRIVILEGES ON *.*").toArray(Observation[]::new))
                        .status(ID))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void dbMysqlPrivilegesAppliesWhenTheGrantIsOnAnotherDatabaseOrOnlyOnOtherTables() {
        Verdict other =
                decide(sharedWithRegIndex("GRANT ALL PRIVILEGES ON `apim_db`.*").toArray(Observation[]::new));
        Verdict tables = decide(sharedWithRegIndex(
                        "GRANT SELECT, DELETE ON `shared_db`.`REG_RESOURCE`",
                        "GRANT CREATE TEMPORARY TABLES ON `shared_db`.*")
                .toArray(Observation[]::new));

        assertThat(other.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(tables, ID))
                .contains("SELECT on REG_LOG (reg-index), DELETE on REG_LOG (reg-index)")
                .doesNotContain("CREATE TEMPORARY TABLES on");
    }

    @Test
    void dbMysqlPrivilegesCountsTableGrantsAndIgnoresColumnGrants() {
        Verdict table = decide(sharedWithRegIndex(
                        "GRANT SELECT, DELETE ON `shared_db`.`REG_LOG`",
                        "GRANT CREATE TEMPORARY TABLES ON `shared_db`.*")
                .toArray(Observation[]::new));
        Verdict column = decide(sharedWithRegIndex(
                        "GRANT SELECT (REG_ACTION), DELETE ON `shared_db`.`REG_LOG`",
                        "GRANT CREATE TEMPORARY TABLES ON `shared_db`.*")
                .toArray(Observation[]::new));

        assertThat(table.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(column, ID))
                .contains("lacks SELECT on REG_LOG (reg-index)")
                .doesNotContain("DELETE on");
    }

    @Test
    void dbMysqlPrivilegesNamesTheAmScriptsCreateAndAlterOnTheAmDatabase() {
        Verdict v = decide(
                config(AM, Given.MYSQL_AM),
                mariadb(AM),
                new DbTable(AM, "AM_SYSTEM_APPS", true, SourceRef.db(AM, "AM_SYSTEM_APPS")),
                grant(AM, "GRANT SELECT, INSERT, UPDATE, DELETE ON `am_db`.*"));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(v, ID))
                .contains(
                        "CREATE on AM_API_CATEGORIES (am-3.0.0-to-3.1.0)",
                        "ALTER on AM_SYSTEM_APPS (am-3.0.0-to-3.1.0)",
                        "GRANT CREATE, ALTER ON `am_db`.*")
                .doesNotContain("REFERENCES");
    }

    @Test
    void dbMysqlPrivilegesAsksMariaDbForReferencesOrARowPrivilegeOnTheForeignKeysParentTable() {
        Verdict v = decide(
                config(AM, Given.MYSQL_AM),
                mariadb(AM),
                new DbTable(AM, "AM_SYSTEM_APPS", true, SourceRef.db(AM, "AM_SYSTEM_APPS")),
                grant(AM, "GRANT CREATE, ALTER, INDEX ON `am_db`.*"));

        assertThat(said(v, ID))
                .contains("lacks REFERENCES (or SELECT, INSERT, UPDATE, DELETE) on AM_API (am-3.0.0-to-3.1.0).");
    }

    @Test
    void dbMysqlPrivilegesAsksMysql8ForReferencesOnTheForeignKeysParentTable() {
        DbProduct mysql = new DbProduct(AM, "MySQL", "8.0.35", DatabaseProduct.MYSQL, "", SourceRef.db(AM, "product"));
        Verdict v = decide(
                config(AM, Given.MYSQL_AM),
                mysql,
                new DbTable(AM, "AM_SYSTEM_APPS", true, SourceRef.db(AM, "AM_SYSTEM_APPS")),
                grant(AM, "GRANT SELECT, CREATE, ALTER ON `am_db`.*"));

        assertThat(said(v, ID)).contains("REFERENCES on AM_API (am-3.0.0-to-3.1.0)");
    }

    @Test
    void dbMysqlPrivilegesMentionsRolesWhosePrivilegesWereNotRead() {
        Verdict v = decide(
                sharedWithRegIndex("GRANT USAGE ON *.*", "GRANT `migrator`").toArray(Observation[]::new));

        assertThat(said(v, ID)).contains("role(s) migrator");
    }

    @Test
    void dbMysqlPrivilegesIsNotApplicableWhenNoScriptIsPlannedOnTheMariaDbDatasource() {
        Verdict v = decide(config(SHARED, Given.MYSQL_SHARED), mariadb(SHARED), grant(SHARED, "GRANT USAGE ON *.*"));

        assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, ID)).contains("No script is planned on datasource shared_db");
    }

    @Test
    void dbMysqlPrivilegesIsNotApplicableWhenNoDatasourceIsMariaDbOrMysql() {
        Verdict v = decide(
                Given.datasource(Role.OLD, AM, "h2", Given.H2_AM),
                Given.datasource(Role.OLD, "pg", "postgre", "jdbc:postgresql://db/apim"));

        assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void dbMysqlPrivilegesIsUnknownWithTheScanReasonWhenTheGrantsWereNotRead() {
        Verdict v = decide(
                config(SHARED, Given.MYSQL_SHARED),
                new DatabaseScan(
                        SHARED,
                        false,
                        "",
                        "db.example.com:3306/shared_db: unreachable (SQLState 08000)",
                        SourceRef.db(SHARED, "scan")));

        assertThat(v.status(ID)).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, ID)).contains("grants of the shared_db user were not read", "unreachable");
    }

    @Test
    void dbMysqlPrivilegesIsUnknownWhenTheMariaDbAnalyticsDatabaseWasNotRead() {
        Verdict v = decide(
                Given.datasource(Role.OLD, AM, "h2", Given.H2_AM),
                Given.setting(Role.OLD, "apim.analytics.enable", "true"),
                new AnalyticsDatasource(
                        Role.OLD,
                        "worker",
                        "APIM_ANALYTICS_DB",
                        "jdbc:mysql://db:3306/analytics",
                        "",
                        SourceRef.db("APIM_ANALYTICS_DB", "yaml")));

        assertThat(v.status(ID)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void dbMysqlPrivilegesIsUnknownWhenNothingWasRead() {
        assertThat(decide().status(ID)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void dbMysqlPrivilegesReadsTheDatabaseFromMysqlAndMariaDbUrls() {
        assertThat(MysqlPrivileges.database("jdbc:mysql://db:3306/WSO2AM_DB?useSSL=false"))
                .isEqualTo("WSO2AM_DB");
        assertThat(MysqlPrivileges.database("jdbc:mariadb:loadbalance://a:3306,b:3306/shared"))
                .isEqualTo("shared");
        assertThat(MysqlPrivileges.database("jdbc:mysql://db:3306/")).isEmpty();
        assertThat(MysqlPrivileges.database("jdbc:postgresql://db/apim")).isEmpty();
    }
}
