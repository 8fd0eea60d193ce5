package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.rules.MysqlPrivileges;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What DB-MYSQL-PRIVILEGES asks for is enough: on the loopback MariaDB, holding the real 3.0.0 MySQL schemas, each
 * shipped script and the queries migrate runs around it (sql/export/&lt;purpose&gt;/mysql) run as a user granted only
 * {@link MysqlPrivileges#needs} (each on its table, or on the database), and the same script without one of them
 * stops at access denied (the user then holds SELECT on the database unless SELECT was the one withheld). Skips without the server or the reference scripts, fails under CI=true.
 */
class MysqlScriptPrivilegesTest {
    private static final DbProduct MARIADB = new DbProduct(
            "apim_db", "MariaDB", "10.11", DatabaseProduct.MARIADB, "", SourceRef.db("apim_db", "product"));

    static Stream<String> purposes() {
        return SqlScripts.PURPOSES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("purposes")
    void dbMysqlPrivilegesNamesEnoughForEachShippedScriptAndItsExports(String purpose) throws Exception {
        List<MysqlPrivileges.Need> needs = MysqlPrivileges.needs(purpose, MARIADB);
        try (Sandbox box = Sandbox.create()) {
            box.grant(needs);

            box.runAsUser(statements(purpose));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("purposes")
    void dbMysqlPrivilegesNamesOnlyWhatEachShippedScriptNeedsItFailsWithoutTheFirstOne(String purpose)
            throws Exception {
        List<MysqlPrivileges.Need> needs = MysqlPrivileges.needs(purpose, MARIADB);
        try (Sandbox box = Sandbox.create()) {
            box.grant(needs.subList(1, needs.size()));
            box.grantSelectUnlessWithheld(needs.get(0));

            assertThatThrownBy(() -> box.runAsUser(statements(purpose)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
    }

    /** The export queries migrate runs first (read from the source tree, as RulesDocTest reads docs), then the script. */
    private static List<String> statements(String purpose) throws Exception {
        List<String> out = new ArrayList<>();
        Path folder = Path.of("../analyzer-core/src/main/resources/sql/export", purpose, "mysql");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql"))
                        .sorted()
                        .toList()) {
                    String sql = String.join(
                            "\n",
                            Files.readAllLines(f).stream()
                                    .filter(l -> !l.startsWith("--"))
                                    .toList());
                    out.add(sql.strip().replaceFirst(";$", ""));
                }
            }
        }
        SqlScripts.statements(purpose, DatabaseProduct.MYSQL).stream()
                .map(SqlStatement::sql)
                .forEach(out::add);
        return out;
    }

    /** A database with the real 3.0.0 schemas and the analytics table, and a user with no privilege yet. */
    private record Sandbox(String db, String user, String password) implements AutoCloseable {
        static Sandbox create() throws Exception {
            String admin = ScenarioDatabases.mariaDbAdmin();
            String id = "apimup_priv_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            Sandbox box = new Sandbox(id, id, "pw-" + UUID.randomUUID());
            List<String> setup =
                    new ArrayList<>(List.of("CREATE DATABASE " + id + " CHARACTER SET latin1 COLLATE latin1_bin"));
            for (String host : List.of("%", "localhost")) {
                setup.add("CREATE USER '" + id + "'@'" + host + "' IDENTIFIED BY '" + box.password + "'");
            }
            try {
                box.admin(admin, setup, "");
                box.admin(
                        admin,
                        List.of(
                                ScenarioDatabases.referenceScript("apimgt/mysql.sql"),
                                ScenarioDatabases.referenceScript("mysql.sql")),
                        id + "?allowMultiQueries=true");
                for (String datasource : Scenario.MARIADB_ANALYTICS.serverDatasources()) {
                    box.admin(admin, ScenarioGenerator.serverSeed(Scenario.MARIADB_ANALYTICS, datasource), id);
                }
            } catch (Exception | AssertionError e) {
                box.close();
                throw e;
            }
            return box;
        }

        void grant(List<MysqlPrivileges.Need> needs) throws SQLException {
            List<String> grants = new ArrayList<>();
            for (MysqlPrivileges.Need n : needs) {
                grants.addAll(grantsOf(n.privilege(), n.table()));
            }
            admin("root", grants, "");
        }

        /** SELECT on the database unless SELECT is withheld, so the script fails for the withheld privilege. */
        void grantSelectUnlessWithheld(MysqlPrivileges.Need withheld) throws SQLException {
            if (!withheld.privilege().equals("SELECT")) {
                admin("root", grantsOf("SELECT", ""), "");
            }
        }

        private List<String> grantsOf(String privilege, String table) {
            String on = db + "." + (table.isEmpty() ? "*" : table);
            return Stream.of("%", "localhost")
                    .map(h -> "GRANT " + privilege + " ON " + on + " TO '" + user + "'@'" + h + "'")
                    .toList();
        }

        void runAsUser(List<String> statements) throws SQLException {
            try (Connection c = DriverManager.getConnection(ScenarioDatabases.MARIADB + db, user, password);
                    Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        private void admin(String admin, List<String> statements, String database) throws SQLException {
            try (Connection c = DriverManager.getConnection(ScenarioDatabases.MARIADB + database, admin, "");
                    Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            admin(
                    "root",
                    List.of(
                            "DROP DATABASE IF EXISTS " + db,
                            "DROP USER IF EXISTS '" + user + "'@'%'",
                            "DROP USER IF EXISTS '" + user + "'@'localhost'"),
                    "");
        }
    }
}
