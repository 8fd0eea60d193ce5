package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DbDefaultCharset;
import dev.apimupgrade.fact.DbTableCharset;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DB-CHARSET-MISMATCH from the character sets read on MySQL/MariaDB (the real-script proof is CharsetMismatchOnMariaDbTest). */
class DbCharsetMismatchRulesTest {
    static final String ID = "DB-CHARSET-MISMATCH";
    static final String DS = "apim_db";
    static final SourceRef TOML = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12);

    static DbDefaultCharset utf8mb4() {
        return new DbDefaultCharset(
                DS, "WSO2AM_DB", "utf8mb4", "utf8mb4_general_ci", SourceRef.db(DS, "information_schema.SCHEMATA"));
    }

    static DbTableCharset table(String name, String charset, String collation, String... columns) {
        return new DbTableCharset(
                DS, name, charset, collation, List.of(columns), SourceRef.db(DS, "information_schema.COLUMNS/" + name));
    }

    static DatasourceConfig mysql() {
        return new DatasourceConfig(Role.OLD, DS, "mysql", "jdbc:mysql://db:3306/WSO2AM_DB", "", "", false, TOML);
    }

    @Test
    void dbCharsetMismatchIsABlockerWithAlterDatabaseWhenEveryTableIsLatin1AndTheDefaultUtf8mb4() {
        Verdict v = decide(
                mysql(),
                utf8mb4(),
                table("IDN_OAUTH2_AUTHORIZATION_CODE", "latin1", "latin1_swedish_ci", "CODE_ID", "AUTHORIZATION_CODE"),
                table("AM_API", "latin1", "latin1_swedish_ci", "API_PROVIDER", "API_NAME"));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(v.result(ID).severity()).isEqualTo(Severity.BLOCKER);
        assertThat(said(v, ID))
                .contains(
                        "IDN_OAUTH2_AUTHORIZATION_CODE.CODE_ID (latin1, latin1_swedish_ci",
                        "errno 150",
                        "AM_API, IDN_OAUTH2_AUTHORIZATION_CODE");
        assertThat(actions(v, ID))
                .singleElement()
                .satisfies(a -> assertThat(a.params().get("command"))
                        .isEqualTo("ALTER DATABASE `WSO2AM_DB` CHARACTER SET latin1 COLLATE latin1_swedish_ci;"));
    }

    @Test
    void dbCharsetMismatchMakesTheReferencedSetTheDefaultThoughOtherTablesAreInTheOldDefault() {
        Verdict v = decide(
                mysql(),
                utf8mb4(),
                table("IDN_OAUTH2_ACCESS_TOKEN", "latin1", "latin1_swedish_ci", "TOKEN_ID"),
                table("IDN_OAUTH_CONSUMER_APPS", "latin1", "latin1_swedish_ci", "CONSUMER_KEY"),
                table("AM_ALERT_TYPES", "utf8mb4", "utf8mb4_general_ci", "ALERT_TYPE_NAME"));

        assertThat(actions(v, ID))
                .singleElement()
                .satisfies(a -> assertThat(a.params().get("command"))
                        .isEqualTo("ALTER DATABASE `WSO2AM_DB` CHARACTER SET latin1 COLLATE latin1_swedish_ci;"));
    }

    @Test
    void dbCharsetMismatchGivesNoStatementWhenTheReferencedColumnsDisagree() {
        Verdict v = decide(
                mysql(),
                utf8mb4(),
                table("IDN_OAUTH2_ACCESS_TOKEN", "latin1", "latin1_swedish_ci", "TOKEN_ID"),
                table("IDN_OAUTH_CONSUMER_APPS", "utf8mb4", "utf8mb4_general_ci", "CONSUMER_KEY"));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(v, ID))
                .contains("IDN_OAUTH2_ACCESS_TOKEN.TOKEN_ID (latin1")
                .doesNotContain("IDN_OAUTH_CONSUMER_APPS.CONSUMER_KEY");
        assertThat(actions(v, ID))
                .singleElement()
                .satisfies(a -> assertThat(a.params().get("command"))
                        .startsWith(
                                "-- no single statement: the referenced columns are in latin1 COLLATE latin1_swedish_ci"
                                        + " and utf8mb4 COLLATE utf8mb4_general_ci"));
    }

    @Test
    void dbCharsetMismatchAppliesForACollationAloneThatDiffers() {
        Verdict v =
                decide(mysql(), utf8mb4(), table("IDN_OAUTH_CONSUMER_APPS", "utf8mb4", "utf8mb4_bin", "CONSUMER_KEY"));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
    }

    @Test
    void dbCharsetMismatchIsNotApplicableWhenTheReferencedColumnsAreInTheDefaultNamingTheOthers() {
        Verdict v = decide(
                mysql(),
                utf8mb4(),
                table("IDN_OAUTH2_AUTHORIZATION_CODE", "utf8mb4", "utf8mb4_general_ci", "CODE_ID"),
                table("REG_LOG", "latin1", "latin1_swedish_ci", "REG_PATH"),
                table("IDN_OAUTH2_AUTHORIZATION_CODE", "latin1", "latin1_swedish_ci", "SUBJECT_IDENTIFIER"));

        assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, ID)).contains("IDN_OAUTH2_AUTHORIZATION_CODE, REG_LOG");
        assertThat(actions(v, ID)).isEmpty();
    }

    @Test
    void dbCharsetMismatchIsNotApplicableWithoutAMysqlDatasource() {
        Verdict v =
                decide(new DatasourceConfig(Role.OLD, DS, "postgre", "jdbc:postgresql://db/apim", "", "", false, TOML));

        assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void dbCharsetMismatchIsUnknownWhenTheMysqlDatabaseWasNotRead() {
        Verdict v = decide(mysql(), new DatabaseScan(DS, false, "", "db:3306/WSO2AM_DB: unreachable", TOML));

        assertThat(v.status(ID)).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, ID)).contains("apim_db", "unreachable");
    }

    @Test
    void dbCharsetMismatchIsUnknownWithNothingRead() {
        assertThat(decide().status(ID)).isEqualTo(Status.UNKNOWN);
    }
}
