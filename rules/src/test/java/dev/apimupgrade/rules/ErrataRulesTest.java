package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.H2_AM;
import static dev.apimupgrade.rules.Given.MYSQL_AM;
import static dev.apimupgrade.rules.Given.datasource;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.keystore;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class ErrataRulesTest {
    private static final String MSSQL_AM = "jdbc:sqlserver://db.example.com:1433;databaseName=am_db";
    private static final String PG_AM = "jdbc:postgresql://db.example.com:5432/am_db";
    private static final String DB2_AM = "jdbc:db2://db.example.com:50000/AMDB";
    private static final TomlSetting ANALYTICS_ON = setting(Role.OLD, "apim.analytics.enable", "true");
    private static final TomlSetting ANALYTICS_OFF = setting(Role.OLD, "apim.analytics.enable", "false");

    private static DatasourceConfig am(String type, String url) {
        return datasource(Role.OLD, "apim_db", type, url);
    }

    @Test
    void dbErratumMssqlAnalyticsAppliesWhenAnalyticsIsOnAndADatasourceIsSqlServer() {
        Verdict v = decide(ANALYTICS_ON, am("mssql", MSSQL_AM));

        assertThat(v.status("DB-ERRATUM-MSSQL-ANALYTICS")).isEqualTo(Status.APPLIES);
        assertThat(v.result("DB-ERRATUM-MSSQL-ANALYTICS").severity()).isEqualTo(Severity.INFO);
        assertThat(said(v, "DB-ERRATUM-MSSQL-ANALYTICS"))
                .isEqualTo("Analytics is enabled and [database.apim_db] uses SQL Server.");
        assertThat(v.result("DB-ERRATUM-MSSQL-ANALYTICS").evidence()).hasSize(2);
    }

    @Test
    void dbErratumMssqlAnalyticsIsNotApplicableWithAnalyticsOffOrNoSqlServer() {
        assertThat(decide(ANALYTICS_OFF, am("mssql", MSSQL_AM)).status("DB-ERRATUM-MSSQL-ANALYTICS"))
                .isEqualTo(Status.NOT_APPLICABLE);
        Verdict mysql = decide(ANALYTICS_ON, am("mysql", MYSQL_AM));
        assertThat(mysql.status("DB-ERRATUM-MSSQL-ANALYTICS")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(mysql, "DB-ERRATUM-MSSQL-ANALYTICS")).isEqualTo("No old datasource is on SQL Server.");
    }

    @Test
    void dbErratumMssqlAnalyticsIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status("DB-ERRATUM-MSSQL-ANALYTICS")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void dbErratumPgDropTableAppliesWhenTheAmDatabaseIsPostgresByUrlEvenIfTypedMysql() {
        Verdict v = decide(am("mysql", PG_AM));

        assertThat(v.status("DB-ERRATUM-PG-DROP-TABLE")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "DB-ERRATUM-PG-DROP-TABLE")).isEqualTo("[database.apim_db] is PostgreSQL.");
    }

    @Test
    void dbErratumPgDropTableIsNotApplicableForOtherAmDatabasesAndIgnoresOtherDatasources() {
        Verdict v = decide(am("h2", H2_AM), datasource(Role.OLD, "shared_db", "postgre", PG_AM));

        assertThat(v.status("DB-ERRATUM-PG-DROP-TABLE")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "DB-ERRATUM-PG-DROP-TABLE")).isEqualTo("[database.apim_db] is h2, not PostgreSQL.");
    }

    @Test
    void dbErratumPgDropTableIsUnknownWithoutTheAmDatasource() {
        assertThat(decide(home(Role.OLD)).status("DB-ERRATUM-PG-DROP-TABLE")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void dbErratumSysappsUniqueAppliesForSqlServerAndDb2() {
        assertThat(decide(am("mssql", MSSQL_AM)).status("DB-ERRATUM-SYSAPPS-UNIQUE"))
                .isEqualTo(Status.APPLIES);
        Verdict db2 = decide(am("db2", DB2_AM));
        assertThat(db2.status("DB-ERRATUM-SYSAPPS-UNIQUE")).isEqualTo(Status.APPLIES);
        assertThat(said(db2, "DB-ERRATUM-SYSAPPS-UNIQUE")).isEqualTo("[database.apim_db] is db2.");
    }

    @Test
    void dbErratumSysappsUniqueIsNotApplicableForMysqlPostgresAndH2() {
        assertThat(decide(am("mysql", MYSQL_AM)).status("DB-ERRATUM-SYSAPPS-UNIQUE"))
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(decide(am("postgre", PG_AM)).status("DB-ERRATUM-SYSAPPS-UNIQUE"))
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(decide(am("h2", H2_AM)).status("DB-ERRATUM-SYSAPPS-UNIQUE")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void dbErratumSysappsUniqueIsUnknownWithoutTheAmDatasource() {
        assertThat(decide(home(Role.OLD)).status("DB-ERRATUM-SYSAPPS-UNIQUE")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void keyErratumKeystoreNameAppliesWhenKeystoresAreCopied() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "old-sha"),
                keystore(Role.NEW, "primary", "wso2carbon.jks", "new-sha"));

        assertThat(v.status("KEY-COPY-KEYSTORES")).isEqualTo(Status.APPLIES);
        assertThat(v.status("KEY-ERRATUM-KEYSTORE-NAME")).isEqualTo(Status.APPLIES);
        assertThat(v.result("KEY-ERRATUM-KEYSTORE-NAME").evidence()).isNotEmpty();
    }

    @Test
    void keyErratumKeystoreNameIsNotApplicableWhenEveryKeystoreIsAlreadyInTheNewHome() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "same"),
                keystore(Role.NEW, "primary", "wso2carbon.jks", "same"));

        assertThat(v.status("KEY-ERRATUM-KEYSTORE-NAME")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void keyErratumKeystoreNameIsUnknownWithoutKeystoreFacts() {
        assertThat(decide(home(Role.OLD)).status("KEY-ERRATUM-KEYSTORE-NAME")).isEqualTo(Status.UNKNOWN);
    }
}
