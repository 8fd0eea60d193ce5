package dev.apimupgrade.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SHOW GRANTS lines of MariaDB 10.11 (read from a server) and MySQL 8.0 (as its manual prints them), whole, read as
 * the scanner reads them: the grantee and whatever follows it (authentication, WITH GRANT OPTION) cut off first.
 */
class MysqlGrantTest {
    private static Optional<MysqlGrant> read(String showGrantsLine) {
        return MysqlGrant.parse(MysqlGrant.withoutGrantee(showGrantsLine));
    }

    @Test
    void aGlobalAllPrivilegesGrantWithGrantOptionCoversEveryPrivilegeOnEveryDatabaseButNotGrantOption() {
        Optional<MysqlGrant> grant = read("GRANT ALL PRIVILEGES ON *.* TO `root`@`127.0.0.1` WITH GRANT OPTION");

        assertThat(grant).contains(new MysqlGrant(Set.of(MysqlGrant.ALL), "*", "*", ""));
        assertThat(grant.orElseThrow().covers("CREATE TEMPORARY TABLES", "shared_db", ""))
                .isTrue();
        assertThat(grant.orElseThrow().covers("DELETE", "apim_db", "AM_API")).isTrue();
        assertThat(grant.orElseThrow().privileges()).doesNotContain("GRANT OPTION");
    }

    @Test
    void mariaDbAuthenticationAfterTheGranteeIsCutOffWithItSoNoPasswordHashIsKept() {
        String line = "GRANT USAGE ON *.* TO `apim`@`%` IDENTIFIED BY PASSWORD"
                + " '*A4B6157319038724E3560894F7F932C8886EBFCF'";

        assertThat(MysqlGrant.withoutGrantee(line)).isEqualTo("GRANT USAGE ON *.*");
        assertThat(read(line)).contains(new MysqlGrant(Set.of("USAGE"), "*", "*", ""));
        assertThat(read(line).orElseThrow().covers("SELECT", "shared_db", "REG_LOG"))
                .isFalse();
    }

    @Test
    void aMariaDbAllGrantIdentifiedViaPluginsReadsAsTheGlobalAllGrant() {
        assertThat(read("GRANT ALL PRIVILEGES ON *.* TO `mysql`@`localhost` IDENTIFIED VIA mysql_native_password"
                        + " USING 'invalid' OR unix_socket WITH GRANT OPTION"))
                .contains(new MysqlGrant(Set.of(MysqlGrant.ALL), "*", "*", ""));
    }

    @Test
    void aDatabaseGrantOnABackquotedNameWithAnEscapedUnderscoreCoversThatDatabaseOnly() {
        MysqlGrant grant =
                read("GRANT ALL PRIVILEGES ON `shared\\_db`.* TO `apim`@`%`").orElseThrow();

        assertThat(grant.database()).isEqualTo("shared\\_db");
        assertThat(grant.table()).isEqualTo("*");
        assertThat(grant.covers("ALTER", "shared_db", "")).isTrue();
        assertThat(grant.covers("ALTER", "sharedXdb", "")).isFalse();
    }

    @Test
    void anUnescapedUnderscoreInADatabaseGrantIsAWildcardForOneCharacter() {
        MysqlGrant grant = read("GRANT SELECT ON `shared_db`.* TO `apim`@`%`").orElseThrow();

        assertThat(grant.covers("SELECT", "shared_db", "REG_LOG")).isTrue();
        assertThat(grant.covers("SELECT", "sharedXdb", "REG_LOG")).isTrue();
        assertThat(grant.covers("SELECT", "shared__db", "REG_LOG")).isFalse();
    }

    @Test
    void aPercentWildcardDatabaseGrantCoversEveryDatabaseItsPatternMatches() {
        MysqlGrant grant = read("GRANT SELECT, INSERT, UPDATE, DELETE ON `wso2%`.* TO `apim`@`%`")
                .orElseThrow();

        assertThat(grant.privileges()).containsExactlyInAnyOrder("SELECT", "INSERT", "UPDATE", "DELETE");
        assertThat(grant.covers("DELETE", "wso2_shared", "REG_LOG")).isTrue();
        assertThat(grant.covers("DELETE", "apim_db", "AM_API")).isFalse();
        assertThat(grant.covers("DROP", "wso2_shared", "")).isFalse();
    }

    @Test
    void aTableGrantCoversItsTableOnlyAndNotTheDatabase() {
        MysqlGrant grant = read("GRANT SELECT, DELETE ON `mysql`.`global_priv` TO `mariadb.sys`@`localhost`")
                .orElseThrow();

        assertThat(grant).isEqualTo(new MysqlGrant(Set.of("SELECT", "DELETE"), "mysql", "global_priv", ""));
        assertThat(grant.covers("DELETE", "mysql", "GLOBAL_PRIV")).isTrue();
        assertThat(grant.covers("DELETE", "mysql", "user")).isFalse();
        assertThat(grant.covers("DELETE", "mysql", "")).isFalse();
    }

    @Test
    void aColumnPrivilegeGrantsNoTablePrivilegeSoOnlyTheOthersOnTheLineCount() {
        MysqlGrant grant = read("GRANT SELECT (`REG_ACTION`), DELETE ON `shared_db`.`REG_LOG` TO `apim`@`%`")
                .orElseThrow();

        assertThat(grant.privileges()).containsExactly("DELETE");
        assertThat(grant.covers("SELECT", "shared_db", "REG_LOG")).isFalse();
    }

    @Test
    void aBackquotedNameKeepsItsDoubledBacktickAndItsOwnSpacesAndToAndOn() {
        MysqlGrant grant =
                read("GRANT SELECT ON `odd``name ON x TO y`.* TO `apim`@`%`").orElseThrow();

        assertThat(grant.database()).isEqualTo("odd`name ON x TO y");
        assertThat(grant.covers("SELECT", "odd`name ON x TO y", "T")).isTrue();
    }

    @Test
    void mySqlGlobalGrantsOfStaticAndDynamicPrivilegesListEachPrivilege() {
        Optional<MysqlGrant> stat = read("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, SHUTDOWN,"
                + " PROCESS, FILE, REFERENCES, INDEX, ALTER, SHOW DATABASES, SUPER, CREATE TEMPORARY TABLES,"
                + " LOCK TABLES, EXECUTE ON *.* TO `root`@`localhost` WITH GRANT OPTION");
        Optional<MysqlGrant> dynamic = read("GRANT APPLICATION_PASSWORD_ADMIN,AUDIT_ADMIN,BACKUP_ADMIN ON *.*"
                + " TO `root`@`localhost` WITH GRANT OPTION");

        assertThat(stat.orElseThrow().covers("CREATE TEMPORARY TABLES", "shared_db", ""))
                .isTrue();
        assertThat(stat.orElseThrow().privileges())
                .contains("SHOW DATABASES", "LOCK TABLES")
                .hasSize(18);
        assertThat(dynamic.orElseThrow().privileges())
                .containsExactlyInAnyOrder("APPLICATION_PASSWORD_ADMIN", "AUDIT_ADMIN", "BACKUP_ADMIN");
    }

    @Test
    void aRoleGrantNamesTheRoleAndCoversNothingByItself() {
        MysqlGrant mariaDb = read("GRANT `app_rw` TO `apim`@`%`").orElseThrow();
        MysqlGrant mySql = read("GRANT `app_rw`@`%` TO `apim`@`%`").orElseThrow();

        assertThat(mariaDb).isEqualTo(new MysqlGrant(Set.of(), "", "", "app_rw"));
        assertThat(mySql.role()).isEqualTo("app_rw@%");
        assertThat(mariaDb.covers("SELECT", "shared_db", "REG_LOG")).isFalse();
    }

    @Test
    void proxyAndRoutineGrantsGrantNoTablePrivilege() {
        assertThat(read("GRANT PROXY ON ``@`%` TO `root`@`localhost` WITH GRANT OPTION"))
                .isEmpty();
        assertThat(read("GRANT EXECUTE ON PROCEDURE `shared_db`.`cleanup` TO `apim`@`%`"))
                .isEmpty();
        assertThat(read("GRANT EXECUTE, ALTER ROUTINE ON FUNCTION `apim_db`.`f` TO `apim`@`%`"))
                .isEmpty();
    }

    @Test
    void aLineThatIsNotAGrantIsNotRead() {
        assertThat(read("Grants for apim@%")).isEmpty();
        assertThat(read("")).isEmpty();
    }
}
