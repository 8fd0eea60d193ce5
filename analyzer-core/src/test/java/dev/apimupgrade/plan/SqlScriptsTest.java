package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SqlScriptsTest {
    private static final Path MAIN_SQL = Path.of("src/main/resources/sql");

    @Test
    void everyPurposeHasAScriptWithStatementsForEveryDialect() {
        for (String purpose : SqlScripts.PURPOSES) {
            for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
                assertThat(SqlScripts.files(purpose, dialect))
                        .as("%s/%s", purpose, dialect.folder())
                        .isNotEmpty()
                        .allMatch(
                                f -> f.matches("sql/" + purpose + "/" + dialect.folder() + "/\\d\\d_[a-z0-9_]+\\.sql"));
                assertThat(SqlScripts.statements(purpose, dialect))
                        .as("%s/%s", purpose, dialect)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void everyFolderUnderSqlIsAPurposeOrReadOnlyQueriesOfScanExecuteOrInventory() throws IOException {
        try (Stream<Path> folders = Files.list(MAIN_SQL)) {
            List<String> names = folders.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .toList();
            assertThat(names)
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                    SqlScripts.PURPOSES.stream(),
                                    Stream.of("assess", "export", "guard", "has-run", "inventory"))
                            .toList());
        }
        for (String purpose : SqlScripts.PURPOSES) {
            try (Stream<Path> folders = Files.list(MAIN_SQL.resolve(purpose))) {
                assertThat(folders.map(p -> p.getFileName().toString()))
                        .as(purpose)
                        .containsExactlyInAnyOrderElementsOf(DatabaseProduct.withOwnScripts().stream()
                                .map(DatabaseProduct::folder)
                                .toList());
            }
        }
    }

    @Test
    void filesRunInNameOrderAcrossTheFolder() {
        // src/test/resources/sql/ordering-sample/h2 holds 02_second.sql and 01_first.sql
        assertThat(SqlScripts.files("ordering-sample", DatabaseProduct.H2))
                .containsExactly("sql/ordering-sample/h2/01_first.sql", "sql/ordering-sample/h2/02_second.sql");
        assertThat(SqlScripts.statements("ordering-sample", DatabaseProduct.H2))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void aPurposeWithoutAScriptForTheDialectIsRefused() {
        assertThat(SqlScripts.files("no-such-purpose", DatabaseProduct.H2)).isEmpty();
        assertThatThrownBy(() -> SqlScripts.statements("no-such-purpose", DatabaseProduct.H2))
                .hasMessageContaining("no SQL script for no-such-purpose");
    }

    @Test
    void onlyTheH2AndSqlServerAmScriptsNeedTheSystemAppsConstraintName() {
        for (String purpose : SqlScripts.PURPOSES) {
            for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
                List<String> needed = SqlScripts.statements(purpose, dialect).stream()
                        .flatMap(s -> s.placeholders().stream())
                        .toList();
                boolean expected = purpose.equals(SqlScripts.AM_UPGRADE)
                        && (dialect == DatabaseProduct.H2 || dialect == DatabaseProduct.SQLSERVER);
                assertThat(needed)
                        .as("%s/%s", purpose, dialect)
                        .isEqualTo(expected ? List.of(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT) : List.of());
            }
        }
    }

    @Test
    void aPlaceholderIsFilledWithTheIdentifierQuotedForTheDialect() {
        Map<String, String> name = Map.of(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT, "UQ__AM_SYSTE__9C3A]x");
        assertThat(SqlScripts.statements(SqlScripts.AM_UPGRADE, DatabaseProduct.SQLSERVER, name))
                .extracting(SqlStatement::sql)
                .contains("ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT [UQ__AM_SYSTE__9C3A]]x]");
        assertThat(SqlScripts.statements(
                        SqlScripts.AM_UPGRADE,
                        DatabaseProduct.H2,
                        Map.of(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT, "CONSTRAINT_18")))
                .extracting(SqlStatement::sql)
                .contains("ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT \"CONSTRAINT_18\"");
        assertThat(DatabaseProduct.POSTGRESQL.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(DatabaseProduct.MYSQL.quote("NAME")).isEqualTo("`NAME`");
    }

    @Test
    void aMissingPlaceholderValueNamesTheStatementAndThePlaceholder() {
        assertThatThrownBy(() -> SqlScripts.statements(SqlScripts.AM_UPGRADE, DatabaseProduct.H2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sql/am-3.0.0-to-3.1.0/h2/01_am_tables.sql:")
                .hasMessageContaining("${AM_SYSTEM_APPS_NAME_CONSTRAINT}");
    }

    @Test
    void everyScannedProductHasADialectWithTheSameFolder() {
        for (DatabaseProduct kind : DatabaseProduct.values()) {
            assertThat(kind.scripts().folder()).isEqualTo(kind.folder());
        }
        assertThat(DatabaseProduct.MARIADB.scripts()).isEqualTo(DatabaseProduct.MYSQL);
    }

    @Test
    void ddlCommitsImplicitlyOnH2MysqlAndOracleOnly() {
        assertThat(DatabaseProduct.withOwnScripts().stream().filter(DatabaseProduct::ddlCommitsImplicitly))
                .containsExactly(DatabaseProduct.H2, DatabaseProduct.MYSQL, DatabaseProduct.ORACLE);
    }
}
