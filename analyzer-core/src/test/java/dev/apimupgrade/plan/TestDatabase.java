package dev.apimupgrade.plan;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.ScratchDatabase;
import dev.apimupgrade.testkit.SharedFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A throw-away real database for the script tests, by the product the scripts are for: the test kit's H2 in memory,
 * PostgreSQL or MariaDB (MYSQL here, as WSO2's MySQL scripts run on it, created in latin1 as WSO2's set-up does), or an
 * H2 1.4.199 file. It adds what the kit cannot know: the product, the scripts split as the tool splits them, and the
 * datasource spec the scanner would build. The kit skips an unreachable server or absent reference (fails under CI).
 */
public final class TestDatabase implements AutoCloseable {
    public final DatabaseProduct dialect;
    public final Connection connection;
    private final ScratchDatabase scratch;
    private final String fileUrl;

    private TestDatabase(DatabaseProduct dialect, ScratchDatabase scratch) {
        this.dialect = dialect;
        this.connection = scratch.connection();
        this.scratch = scratch;
        this.fileUrl = null;
    }

    private TestDatabase(Connection connection, String fileUrl) {
        this.dialect = DatabaseProduct.H2;
        this.connection = connection;
        this.scratch = null;
        this.fileUrl = fileUrl;
    }

    public static TestDatabase create(DatabaseProduct dialect) throws SQLException {
        return switch (dialect) {
            case H2 -> new TestDatabase(dialect, ScratchDatabase.create(DatabaseServer.H2));
            case POSTGRESQL -> new TestDatabase(dialect, ScratchDatabase.create(DatabaseServer.POSTGRESQL));
            case MYSQL ->
                new TestDatabase(dialect, ScratchDatabase.create(DatabaseServer.MARIADB, " CHARACTER SET latin1"));
            default -> throw new IllegalArgumentException("no test server for " + dialect);
        };
    }

    /**
     * An H2 1.4.199 file database (the form a pack's WSO2AM_DB takes), which the scanner reads through a copy: close it
     * before scanning, so every change is in the file. The file stays where it is (in the caller's temporary folder).
     */
    public static TestDatabase h2File(Path file) throws SQLException {
        String url = "jdbc:h2:" + file.toAbsolutePath();
        return new TestDatabase(DriverManager.getConnection(url, "sa", ""), url);
    }

    /** How a datasource of a deployment.toml would reach this database, as the scanner takes it (no password). */
    public dev.apimupgrade.scan.db.DatasourceSpec spec(String datasource) {
        String url = url();
        return new dev.apimupgrade.scan.db.DatasourceSpec(
                datasource,
                url,
                url,
                user(),
                "",
                java.util.Optional.empty(),
                dev.apimupgrade.fact.SourceRef.line(
                        dev.apimupgrade.fact.Role.OLD, "repository/conf/deployment.toml", 1));
    }

    /** A file under the reference folder (never copied into the project), or a skip (a failure under CI). */
    public static String reference(String relative) {
        return SharedFiles.readReference(relative);
    }

    /** The real WSO2 schema of a version for this dialect: "apimgt" for WSO2AM_DB, "" for the shared kernel tables. */
    public void loadSchema(String version, String kind) throws SQLException {
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
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    public List<String> strings(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (scratch != null) {
            scratch.close();
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    /** The JDBC URL a datasource would use to reach this database. */
    public String url() {
        return scratch == null ? fileUrl : scratch.url();
    }

    private String user() {
        return scratch == null ? "sa" : scratch.user();
    }

    @Override
    public String toString() {
        return dialect + " " + (scratch == null ? fileUrl : scratch.name()).toLowerCase(Locale.ROOT);
    }
}
