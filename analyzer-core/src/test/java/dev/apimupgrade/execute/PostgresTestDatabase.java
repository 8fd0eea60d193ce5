package dev.apimupgrade.execute;

import static org.junit.jupiter.api.Assertions.fail;

import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.db.DatasourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A uniquely named database on the loopback PostgreSQL (user postgres, trust) holding a real 3.0.0 schema read from
 * the reference folder (WSO2AM_DB's or the shared registry's) or none, dropped on close. A missing server or reference skips, except under CI=true.
 */
final class PostgresTestDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String AM_SCHEMA = "apim-3.0.0/dbscripts/apimgt/postgresql.sql";
    static final String SHARED_SCHEMA = "apim-3.0.0/dbscripts/postgresql.sql";
    /** An empty database, for a schema with no shipped script (the analytics table the Siddhi app creates). */
    static final String NO_SCHEMA = "";

    final String name = "apimup_pgx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final Connection connection;

    PostgresTestDatabase(String schemaFile) throws SQLException, IOException {
        String schema = schemaFile.isEmpty() ? "" : reference(schemaFile);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            skipOrFail(SERVER + " as postgres is unreachable (" + e.getMessage() + ")");
        }
        connection = DriverManager.getConnection(SERVER + name, "postgres", "");
        if (!schema.isEmpty()) {
            try (Statement s = connection.createStatement()) {
                s.execute(schema);
            }
        }
    }

    /** How migrate reaches it; trust auth ignores the password, which lets a test prove it is never printed. */
    DatasourceSpec spec(String datasource, String password) {
        return new DatasourceSpec(datasource, SERVER + name, SERVER + name, "postgres", password, Optional.empty(),
                SourceRef.db(datasource, "deployment.toml"));
    }

    private static String reference(String schemaFile) throws IOException {
        String dir = System.getProperty("apim.reference.dir");
        Path file = dir == null ? null : Path.of(dir, schemaFile);
        if (file == null || !Files.isRegularFile(file)) {
            skipOrFail("reference file " + schemaFile + " is absent (apim.reference.dir=" + dir + ")");
        }
        return Files.readString(file);
    }

    private static void skipOrFail(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " and CI=true: the PostgreSQL migrate tests must run in CI");
        }
        Assumptions.abort(why + ": start it (or provide the reference) to run the PostgreSQL migrate tests");
    }

    void run(String... sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
