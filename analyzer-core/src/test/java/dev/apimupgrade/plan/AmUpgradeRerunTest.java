package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * PRE-ALREADY-MIGRATED: running the AM script again on a database that 3.1.0 already used must not destroy the rows
 * of the new tables. The guide's PostgreSQL script drops and recreates them; ours changes nothing.
 */
class AmUpgradeRerunTest {
    private static void useAs310(TestDatabase db) throws SQLException {
        db.run(
                "INSERT INTO AM_API_CATEGORIES (UUID, NAME, DESCRIPTION, TENANT_ID)"
                        + " VALUES ('c1', 'Finance', 'money', -1234)",
                "INSERT INTO AM_API_CATEGORIES (UUID, NAME, DESCRIPTION, TENANT_ID)"
                        + " VALUES ('c2', 'Health', NULL, -1234)",
                "INSERT INTO AM_USER (USER_ID, USER_NAME) VALUES ('u1', 'admin')");
    }

    private static long kept(TestDatabase db) throws SQLException {
        return db.count("SELECT COUNT(*) FROM AM_API_CATEGORIES") + db.count("SELECT COUNT(*) FROM AM_USER");
    }

    @Test
    void preAlreadyMigratedASecondRunOnPostgresqlSucceedsAndKeepsTheCategoriesAndUsers() throws Exception {
        try (TestDatabase db = AmUpgradeScriptTest.migrated(DatabaseProduct.POSTGRESQL)) {
            useAs310(db);
            TreeSet<String> before = AmCatalogue.of(db.connection);

            db.run(SqlScripts.statements(SqlScripts.AM_UPGRADE, DatabaseProduct.POSTGRESQL));

            assertThat(kept(db)).isEqualTo(3);
            assertThat(db.strings("SELECT NAME FROM AM_API_CATEGORIES ORDER BY NAME"))
                    .containsExactly("Finance", "Health");
            assertThat(AmCatalogue.of(db.connection)).isEqualTo(before);
        }
    }

    @Test
    void preAlreadyMigratedTheGuidesPostgresqlScriptRunAgainDeletesTheCategoriesBeforeItFails() throws Exception {
        String relative = "migration/docs-apim-guide/migration-3.0.0_to_3.1.0/postgresql.sql";
        List<SqlStatement> guide = StatementSplitter.split(
                relative, TestDatabase.reference(relative), DatabaseProduct.Delimiter.SEMICOLON);
        try (TestDatabase db = AmUpgradeScriptTest.migrated(DatabaseProduct.POSTGRESQL)) {
            useAs310(db);

            // autocommit, as psql runs a file: the DROP TABLE commits before the ALTER TABLE fails
            assertThatThrownBy(() -> db.run(guide)).hasMessageContaining("tenant_domain");

            assertThat(db.count("SELECT COUNT(*) FROM AM_API_CATEGORIES")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM AM_USER")).isEqualTo(1);
        }
    }

    @Test
    void preAlreadyMigratedASecondRunOnMariadbStopsAtTheAlterBeforeChangingAnything() throws Exception {
        try (TestDatabase db = AmUpgradeScriptTest.migrated(DatabaseProduct.MYSQL)) {
            useAs310(db);
            TreeSet<String> before = AmCatalogue.of(db.connection);

            assertThatThrownBy(() -> db.run(SqlScripts.statements(SqlScripts.AM_UPGRADE, DatabaseProduct.MYSQL)))
                    .hasMessageContaining("01_am_tables.sql:")
                    .hasMessageContaining("TENANT_DOMAIN");

            assertThat(kept(db)).isEqualTo(3);
            assertThat(AmCatalogue.of(db.connection)).isEqualTo(before);
        }
    }

    @Test
    void preAlreadyMigratedASecondRunOnH2WithoutTheConstraintDropChangesNothing() throws Exception {
        // with no UNIQUE(NAME) left there is no name to fill in, and the plan leaves that statement out
        try (TestDatabase db = AmUpgradeScriptTest.migrated(DatabaseProduct.H2)) {
            useAs310(db);
            TreeSet<String> before = AmCatalogue.of(db.connection);

            db.run(SqlScripts.statements(SqlScripts.AM_UPGRADE, DatabaseProduct.H2).stream()
                    .filter(s -> s.placeholders().isEmpty())
                    .toList());

            assertThat(kept(db)).isEqualTo(3);
            assertThat(AmCatalogue.of(db.connection)).isEqualTo(before);
        }
    }
}
