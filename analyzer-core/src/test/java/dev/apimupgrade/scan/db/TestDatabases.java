package dev.apimupgrade.scan.db;

import static org.junit.jupiter.api.Assertions.fail;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for the scanner tests: H2 1.4.199 files, and throw-away databases on the loopback PostgreSQL and
 * MariaDB servers (each test creates its own, uniquely named, and drops it). An unreachable server skips the test,
 * except under CI=true where it fails.
 */
final class TestDatabases {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private TestDatabases() {
    }

    /** A database created for one test on a server; closing it drops it. */
    record Created(String adminUrl, String user, String name, String url) implements AutoCloseable {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        void run(String sql) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        /** A spec as DatasourceSpecs would build it for this database. */
        DatasourceSpec spec(String datasource, String asUser) {
            return new DatasourceSpec(datasource, url, url, asUser, "", Optional.empty(),
                    SourceRef.line(Role.OLD, DatasourceSpecs.TOML, 1));
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(adminUrl, user, ""); Statement s = c.createStatement()) {
                s.execute(adminUrl.startsWith(PG) ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    static Created postgres() throws SQLException {
        for (String user : List.of("postgres", "root")) {
            try (Connection c = DriverManager.getConnection(PG + "postgres", user, "")) {
                String name = uniqueName();
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                return new Created(PG + "postgres", user, name, PG + name);
            } catch (SQLException e) {
                // try the next user; trust authentication lets one of them in
            }
        }
        return unreachable("PostgreSQL on 127.0.0.1:5432 (users postgres, root)");
    }

    static Created mariadb(String charset) throws SQLException {
        try (Connection c = DriverManager.getConnection(MARIADB, "root", "")) {
            String name = uniqueName();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " " + charset);
            }
            return new Created(MARIADB, "root", name, MARIADB + name + "?allowMultiQueries=true");
        } catch (SQLException e) {
            return unreachable("MariaDB on 127.0.0.1:3306 (root, empty password)");
        }
    }

    private static Created unreachable(String server) {
        if ("true".equals(System.getenv("CI"))) {
            fail(server + " is unreachable and CI=true: the real-database tests must run in CI");
        }
        Assumptions.abort(server + " is unreachable: start it to run the real-database tests");
        return null;
    }

    private static String uniqueName() {
        return "apimup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** Our own fixture, one statement at a time (H2 1.4.199 runs one statement per call). */
    static void loadFixture(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : fixture().split(";\\s*\\n")) {
                String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    static String fixture() {
        try (InputStream in = TestDatabases.class.getResourceAsStream("fixture-3.0.0.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real WSO2 3.0.0 script from the reference folder, or a skip (a failure under CI) when it is absent. */
    static String referenceScript(String relative) throws IOException {
        String dir = System.getProperty("apim.reference.dir");
        Path file = dir == null ? null : Path.of(dir, "apim-3.0.0/dbscripts", relative);
        if (file == null || !Files.isRegularFile(file)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("reference script " + relative + " is missing under apim.reference.dir=" + dir);
            }
            Assumptions.abort("reference script " + relative + " is absent (apim.reference.dir=" + dir + ")");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static <T extends Observation> List<T> ofType(List<Observation> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
