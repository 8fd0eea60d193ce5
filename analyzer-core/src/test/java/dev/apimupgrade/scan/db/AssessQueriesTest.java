package dev.apimupgrade.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every query under sql/assess runs on its own product and returns a row; each tested product can report collation. */
class AssessQueriesTest {
    private static final List<String> NAMES = List.of(ServerFacts.SUPERUSER, ServerFacts.GRANTS, ServerFacts.COLLATION);

    private static int runAll(Connection c, DatabaseProduct kind) throws Exception {
        int ran = 0;
        for (String name : NAMES) {
            if (ServerFacts.script(kind, name).isPresent()) {
                try (Statement s = c.createStatement();
                        ResultSet rs =
                                s.executeQuery(ServerFacts.script(kind, name).get())) {
                    assertThat(rs.next())
                            .as(kind + " " + name + " returns a row")
                            .isTrue();
                }
                ran++;
            }
        }
        return ran;
    }

    @Test
    void everyTestedProductHasACollationQuery() {
        for (DatabaseProduct kind : List.of(
                DatabaseProduct.H2, DatabaseProduct.POSTGRESQL, DatabaseProduct.MARIADB, DatabaseProduct.MYSQL)) {
            assertThat(ServerFacts.script(kind, ServerFacts.COLLATION))
                    .as(kind.name())
                    .isPresent();
        }
    }

    @Test
    void theH2QueriesRun() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:assess", "sa", "")) {
            assertThat(runAll(c, DatabaseProduct.H2)).isEqualTo(1);
        }
    }

    @Test
    void thePostgresQueriesRun() throws Exception {
        try (TestDatabases.Created db = TestDatabases.postgres();
                Connection c = db.connect()) {
            assertThat(runAll(c, DatabaseProduct.POSTGRESQL)).isEqualTo(2);
        }
    }

    @Test
    void theMariaDbQueriesRun() throws Exception {
        try (TestDatabases.Created db = TestDatabases.mariadb("");
                Connection c = db.connect()) {
            assertThat(runAll(c, DatabaseProduct.MARIADB)).isEqualTo(2);
        }
    }
}
