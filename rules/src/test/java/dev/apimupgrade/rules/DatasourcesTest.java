package dev.apimupgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasourcesTest {

    @Test
    void kindComesFromTheUrlBeforeTheType() {
        assertThat(Datasources.kind("mysql", "jdbc:postgresql://localhost:5432/amdb"))
                .isEqualTo("postgre");
        assertThat(Datasources.kind("h2", "jdbc:oracle:thin:@db:1521/am")).isEqualTo("oracle");
    }

    @Test
    void kindFallsBackToTheTypeWhenTheUrlSaysNothing() {
        assertThat(Datasources.kind("postgresql", "")).isEqualTo("postgre");
        assertThat(Datasources.kind("postgre", "${db.url}")).isEqualTo("postgre");
        assertThat(Datasources.kind("MySQL", "")).isEqualTo("mysql");
        assertThat(Datasources.kind("", "jdbc:sqlserver://db:1433;databaseName=am"))
                .isEqualTo("mssql");
        assertThat(Datasources.kind(null, "jdbc:h2:./repository/database/WSO2AM_DB"))
                .isEqualTo("h2");
        assertThat(Datasources.kind("", "jdbc:mariadb://db/am")).isEqualTo("mysql");
        assertThat(Datasources.kind("sybase", "")).isEqualTo("other");
    }

    @Test
    void driversServeTheirOwnKindOnly() {
        assertThat(Datasources.drives("mysql", "", "org.mariadb.jdbc.Driver")).isTrue();
        assertThat(Datasources.drives("oracle", "", "oracle.jdbc.driver.OracleDriver"))
                .isTrue();
        assertThat(Datasources.drives("postgre", "", "com.mysql.cj.jdbc.Driver"))
                .isFalse();
        assertThat(Datasources.drives("mysql", "", "")).isFalse();
        assertThat(Datasources.sameKind("com.mysql.jdbc.Driver", "com.mysql.cj.jdbc.Driver"))
                .isTrue();
        assertThat(Datasources.sameKind("com.mysql.jdbc.Driver", "org.postgresql.Driver"))
                .isFalse();
    }

    @Test
    void theGuideGivesDriverParametersForPostgresMssqlAndDb2Only() {
        assertThat(Datasources.needsDriverParams("postgre", "")).isTrue();
        assertThat(Datasources.guideValidationQuery("db2", "")).isEqualTo("SELECT 1 FROM SYSIBM.SYSDUMMY1");
        assertThat(Datasources.guideDriver("mssql", "")).isEqualTo("com.microsoft.sqlserver.jdbc.SQLServerDriver");
        assertThat(Datasources.needsDriverParams("mysql", "")).isFalse();
        assertThat(Datasources.needsDriverParams("oracle", "")).isFalse();
        assertThat(Datasources.guideDriver("h2", "")).isEmpty();
    }

    @Test
    void homeRelativeH2UrlsAreThoseThatResolveInsideTheHomeReadingThem() {
        assertThat(Datasources.isHomeRelativeH2("jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE"))
                .isTrue();
        assertThat(Datasources.isHomeRelativeH2("jdbc:h2:repository/database/WSO2AM_DB"))
                .isTrue();
        assertThat(Datasources.isHomeRelativeH2("jdbc:h2:file:./repository/database/WSO2AM_DB"))
                .isTrue();
        assertThat(Datasources.isHomeRelativeH2("jdbc:h2:FILE:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE"))
                .isTrue();
        assertThat(Datasources.isHomeRelativeH2("jdbc:h2:${carbon.home}/repository/database/WSO2AM_DB"))
                .isTrue();
        assertThat(Datasources.isHomeRelativeH2("jdbc:h2:/opt/wso2am-3.0.0/repository/database/WSO2AM_DB"))
                .isFalse();
        assertThat(Datasources.isHomeRelativeH2("jdbc:h2:tcp://localhost/~/am")).isFalse();
        assertThat(Datasources.isHomeRelativeH2("jdbc:mysql://db/am")).isFalse();
        assertThat(Datasources.isHomeRelativeH2(null)).isFalse();
    }

    @Test
    void anH2UrlMarksAnEmbeddedDatabase() {
        assertThat(Datasources.isH2Url(" JDBC:H2:./x")).isTrue();
        assertThat(Datasources.isH2Url("jdbc:mysql://db/am")).isFalse();
        assertThat(Datasources.isH2Url(null)).isFalse();
    }
}
