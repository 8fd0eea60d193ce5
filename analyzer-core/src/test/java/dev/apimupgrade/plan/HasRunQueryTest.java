package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB-AM-UPGRADE and IDX-REG-INDEX-SQL planned from the URL alone show the query that tells whether the script has run:
 * on the real 3.0.0 schemas it says 1 (or the rows left) before the shipped script and 0 after, on H2, PostgreSQL and
 * MariaDB; every dialect has one (Oracle, SQL Server and DB2 untested here).
 */
class HasRunQueryTest {
    private static final String T = "CURRENT_TIMESTAMP";

    @Test
    void everyDialectHasAHasRunQueryForTheAmScriptAndRegIndex() {
        for (String purpose : List.of(SqlScripts.AM_UPGRADE, SqlScripts.REG_INDEX)) {
            assertThat(DatabaseProduct.withOwnScripts().stream().map(d -> HasRunQuery.of(purpose, d.folder())))
                    .as(purpose)
                    .allSatisfy(q -> assertThat(q).get().asString().startsWith("SELECT "));
        }
        assertThat(HasRunQuery.of(SqlScripts.SCOPE_BINDING_CLEANUP, "h2")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void dbAmUpgradeHasRunQuerySaysOneOnThe300SchemaAndZeroAfterTheShippedScript(DatabaseProduct dialect)
            throws Exception {
        String query = HasRunQuery.of(SqlScripts.AM_UPGRADE, dialect.folder()).orElseThrow();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            db.loadSchema("3.0.0", "apimgt");
            assertThat(db.count(query)).as("before").isEqualTo(1);

            db.run(SqlScripts.statements(SqlScripts.AM_UPGRADE, dialect, AmUpgradeScriptTest.constraintNames(db)));

            assertThat(db.count(query)).as("after").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void idxRegIndexSqlHasRunQueryCountsTheRowsLeftBeforeAndZeroAfterTheShippedScript(DatabaseProduct dialect)
            throws Exception {
        String query = HasRunQuery.of(SqlScripts.REG_INDEX, dialect.folder()).orElseThrow();
        try (TestDatabase db = TestDatabase.create(dialect)) {
            db.loadSchema("3.0.0", "");
            for (String row : List.of("1, '/a', 1", "2, '/a', 2", "3, '/b', 7")) {
                db.run("INSERT INTO REG_LOG (REG_LOG_ID, REG_PATH, REG_ACTION, REG_TENANT_ID, REG_USER_ID,"
                        + " REG_LOGGED_TIME) VALUES (" + row + ", -1234, 'admin', " + T + ")");
            }
            // row 1 is not the newest of /a, row 3 is of action 7
            assertThat(db.count(query)).as("before").isEqualTo(2);

            db.run(SqlScripts.statements(SqlScripts.REG_INDEX, dialect));

            assertThat(db.count(query)).as("after").isZero();
        }
    }
}
