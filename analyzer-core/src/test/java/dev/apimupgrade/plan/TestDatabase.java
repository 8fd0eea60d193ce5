package dev.apimupgrade.plan;

import static org.junit.jupiter.api.Assertions.fail;

import dev.apimupgrade.fact.DatabaseProduct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away real database for the script tests: H2 1.4.199 in memory, or a uniquely named database on the
 * loopback PostgreSQL (user postgres, trust) or MariaDB (root, empty password) server, dropped on close. An
 * unreachable server or a missing reference folder skips the test, except under CI=true where it fails.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    public final DatabaseProduct dialect;
    public final Connection connection;
    private final String adminUrl;
    private final String user;
    private final String name;

    private TestDatabase(DatabaseProduct dialect, Connection connection, String adminUrl, String user, String name) {
        this.dialect = dialect;
        this.connection = connection;
        this.adminUrl = adminUrl;
        this.user = user;
        this.name = name;
    }

    public static TestDatabase create(DatabaseProduct dialect) throws SQLException {
        String name = "apimup_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return switch (dialect) {
            case H2 -> new TestDatabase(dialect,
                    DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""),
                    null, "sa", name);
            case POSTGRESQL -> onServer(dialect, PG + "postgres", "postgres", name, "", PG + name);
            case MYSQL -> onServer(dialect, MARIADB, "root", name, " CHARACTER SET latin1", MARIADB + name);
            default -> throw new IllegalArgumentException("no test server for " + dialect);
        };
    }

    /**
     * An H2 1.4.199 file database (the form a pack's WSO2AM_DB takes), which the scanner reads through a copy: close it
     * before scanning, so every change is in the file. The file stays where it is (in the caller's temporary folder).
     */
    public static TestDatabase h2File(Path file) throws SQLException {
        return new TestDatabase(DatabaseProduct.H2, DriverManager.getConnection("jdbc:h2:" + file.toAbsolutePath(), "sa", ""),
                null, "sa", "file:" + file.toAbsolutePath());
    }

    /** How a datasource of a deployment.toml would reach this database, as the scanner takes it (no password). */
    public dev.apimupgrade.scan.db.DatasourceSpec spec(String datasource) {
        String url = url();
        return new dev.apimupgrade.scan.db.DatasourceSpec(datasource, url, url, user, "", java.util.Optional.empty(),
                dev.apimupgrade.fact.SourceRef.line(dev.apimupgrade.fact.Role.OLD, "repository/conf/deployment.toml",
                        1));
    }

    private static TestDatabase onServer(DatabaseProduct dialect, String adminUrl, String user, String name, String options,
                                         String url) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name + options);
        } catch (SQLException e) {
            String server = adminUrl + " as " + user;
            if ("true".equals(System.getenv("CI"))) {
                fail(server + " is unreachable and CI=true: the real-database script tests must run in CI", e);
            }
            Assumptions.abort(server + " is unreachable (" + e.getMessage() + "): start it to run the script tests");
        }
        return new TestDatabase(dialect, DriverManager.getConnection(url, user, ""), adminUrl, user, name);
    }

    /** A file under the reference folder (never copied into the project), or a skip (a failure under CI). */
    public static String reference(String relative) throws IOException {
        String dir = System.getProperty("apim.reference.dir");
        Path file = dir == null ? null : Path.of(dir, relative);
        if (file == null || !Files.isRegularFile(file)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("reference file " + relative + " is missing under apim.reference.dir=" + dir);
            }
            Assumptions.abort("reference file " + relative + " is absent (apim.reference.dir=" + dir + ")");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The real WSO2 schema of a version for this dialect: "apimgt" for WSO2AM_DB, "" for the shared kernel tables. */
    public void loadSchema(String version, String kind) throws IOException, SQLException {
        String file = switch (dialect) {
            case H2 -> "h2.sql";
            case POSTGRESQL -> "postgresql.sql";
            default -> "mysql.sql";
        };
        String relative = "apim-" + version + "/dbscripts/" + (kind.isEmpty() ? "" : kind + "/") + file;
        run(StatementSplitter.split(relative, reference(relative), DatabaseProduct.Delimiter.SEMICOLON));
    }

    public void run(List<SqlStatement> statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new SQLException(statement.file() + ":" + statement.line() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    public void run(String... sql) throws SQLException {
        List<SqlStatement> statements = new ArrayList<>();
        for (String one : sql) {
            statements.add(new SqlStatement("test", 0, one));
        }
        run(statements);
    }

    public long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    public List<String> strings(String sql) throws SQLException {
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
        if (adminUrl == null) {
            try (Statement s = connection.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return;
        }
        connection.close();
        try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
             Statement s = admin.createStatement()) {
            s.execute(dialect == DatabaseProduct.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + name);
        }
    }

    /** The JDBC URL a datasource would use to reach this database (none for H2 in memory). */
    public String url() {
        if (adminUrl == null) {
            return name.startsWith("file:") ? "jdbc:h2:" + name.substring("file:".length()) : "jdbc:h2:mem:" + name;
        }
        return adminUrl.replaceFirst("postgres$", "") + name;
    }

    @Override
    public String toString() {
        return dialect + " " + name.toLowerCase(Locale.ROOT);
    }
}
