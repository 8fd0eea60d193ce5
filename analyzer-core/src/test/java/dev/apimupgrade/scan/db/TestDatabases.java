package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.ScratchDatabase;
import dev.apimupgrade.testkit.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Real databases for the scanner tests: H2 1.4.199 files, and the test kit's throw-away databases on the loopback
 * PostgreSQL and MariaDB servers (each test creates its own, uniquely named, and drops it; the kit skips an unreachable
 * server, or fails under CI=true), with our own 3.0.0 fixture.
 */
final class TestDatabases {
    private TestDatabases() {}

    /** A database created for one test on a server, reached at {@code url}; closing it drops it. */
    record Created(ScratchDatabase db, String url) implements AutoCloseable {
        String user() {
            return db.user();
        }

        String name() {
            return db.name();
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, db.user(), "");
        }

        void run(String sql) throws SQLException {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        /** A spec as DatasourceSpecs would build it for this database. */
        DatasourceSpec spec(String datasource, String asUser) {
            return new DatasourceSpec(
                    datasource,
                    url,
                    url,
                    asUser,
                    "",
                    Optional.empty(),
                    SourceRef.line(Role.OLD, DatasourceSpecs.TOML, 1));
        }

        @Override
        public void close() throws SQLException {
            db.close();
        }
    }

    static Created postgres() throws SQLException {
        ScratchDatabase db = ScratchDatabase.create(DatabaseServer.POSTGRESQL);
        return new Created(db, db.url());
    }

    static Created mariadb(String charset) throws SQLException {
        ScratchDatabase db = ScratchDatabase.create(DatabaseServer.MARIADB, " " + charset);
        return new Created(db, db.multiStatementUrl());
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
    static String referenceScript(String relative) {
        return SharedFiles.readReference("apim-3.0.0/dbscripts/" + relative);
    }

    static <T extends Observation> List<T> ofType(List<Observation> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
