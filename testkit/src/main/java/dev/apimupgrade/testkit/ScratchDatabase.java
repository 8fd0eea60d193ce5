package dev.apimupgrade.testkit;

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
import org.jspecify.annotations.Nullable;

/**
 * A uniquely named database created for one test and dropped when it is closed (H2: shut down). Created by
 * {@link RealDatabase} for a test parameter, or by {@link #create} where a test makes several or picks the server at run
 * time; {@link #h2File} makes an H2 file database instead. An unreachable server skips the test, except under CI=true,
 * where it fails.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final DatabaseServer server;
    private final String name;
    private final String user;
    /** Null for an H2 file database, which holds no connection open. */
    private final @Nullable Connection connection;

    /** Null for a database on a server. */
    private final @Nullable Path file;

    private ScratchDatabase(DatabaseServer server, String name, String user) throws SQLException {
        this.server = server;
        this.name = name;
        this.user = user;
        this.connection = DriverManager.getConnection(server.url(name), user, "");
        this.file = null;
    }

    private ScratchDatabase(Path file) throws SQLException {
        this.server = DatabaseServer.H2;
        Path absolute = file.toAbsolutePath();
        this.file = absolute;
        this.name = String.valueOf(absolute.getFileName());
        this.user = "sa";
        this.connection = null;
        DriverManager.getConnection(url(), user, "").close(); // creates the .mv.db file
    }

    /**
     * A new H2 1.4.199 file database at {@code file} (the path without .mv.db, in the caller's temporary folder), the
     * form a pack's WSO2AM_DB takes. It holds no connection open: each call opens one and closes it, so between calls
     * the file is whole and the code under test may copy it, replace it or open it with settings of its own. Closing
     * it leaves the file where it is.
     */
    public static ScratchDatabase h2File(Path file) throws SQLException {
        return new ScratchDatabase(file);
    }

    /** A new database on the server, named apimup_ and 12 hex digits. */
    public static ScratchDatabase create(DatabaseServer server) throws SQLException {
        return create(server, "");
    }

    /**
     * A new database on the server, with {@code options} appended to CREATE DATABASE (" CHARACTER SET latin1" for the
     * character set WSO2's MySQL set-up uses).
     */
    public static ScratchDatabase create(DatabaseServer server, String options) throws SQLException {
        String name = uniqueName();
        String admin = server.admin();
        if (server != DatabaseServer.H2) {
            try (Connection c = DriverManager.getConnection(server.adminUrl(), admin, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + options);
            }
        }
        return new ScratchDatabase(server, name, admin);
    }

    /**
     * A new database loaded with a script of the reference folder (apim.reference.dir). The script is looked up first,
     * so an absent one skips (fails under CI) before anything is created; a script that fails to load drops the
     * database again.
     */
    public static ScratchDatabase create(DatabaseServer server, String options, String referenceScript)
            throws SQLException {
        SharedFiles.reference(referenceScript);
        ScratchDatabase db = create(server, options);
        try {
            return db.load(referenceScript);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A name no other test (or helper on the same servers) uses: apimup_ and 12 hex digits. */
    public static String uniqueName() {
        return "apimup_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    public DatabaseServer server() {
        return server;
    }

    public String name() {
        return name;
    }

    /** The user the database was created as, who owns it (no password). */
    public String user() {
        return user;
    }

    /** The JDBC URL a datasource would use to reach this database. */
    public String url() {
        if (file != null) {
            return "jdbc:h2:" + file;
        }
        return server == DatabaseServer.H2 ? "jdbc:h2:mem:" + name : server.url(name);
    }

    /** As {@link #url()}, for a connection that may send several statements at once (MariaDB's allowMultiQueries). */
    public String multiStatementUrl() {
        return server == DatabaseServer.MARIADB ? url() + "?allowMultiQueries=true" : url();
    }

    /** The connection the database was opened with; closed by {@link #close()}. An H2 file database has none. */
    public Connection connection() {
        if (connection == null) {
            throw new IllegalStateException(this + " is an H2 file database, which holds no connection: use connect()");
        }
        return connection;
    }

    /** A new connection of the owner, which the caller closes. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(file != null ? url() : server.url(name), user, "");
    }

    /**
     * Loads a script of the reference folder (apim.reference.dir), or skips the test (fails under CI) when it is absent.
     * PostgreSQL and MariaDB take the file in one call; H2 1.4.199 takes one statement a call, so its file is split on
     * ';' at the end of a line (WSO2's H2 scripts keep no ';' inside a line's literal at a line's end).
     */
    public ScratchDatabase load(String referenceScript) throws SQLException {
        String script = SharedFiles.readReference(referenceScript);
        if (server == DatabaseServer.H2) {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                for (String statement : script.split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            return this;
        }
        try (Connection c = DriverManager.getConnection(multiStatementUrl(), user, "");
                Statement s = c.createStatement()) {
            s.execute(script);
        } catch (SQLException e) {
            throw new SQLException(referenceScript + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Runs each statement in turn on {@link #connection()} (an H2 file database: on a connection of its own). */
    public ScratchDatabase run(String... sql) throws SQLException {
        Connection c = borrow();
        try (Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        } finally {
            release(c);
        }
        return this;
    }

    /** The first column of every row a query returns, as text. */
    public List<String> strings(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        Connection c = borrow();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        } finally {
            release(c);
        }
        return rows;
    }

    /** The number in the first column of a query's first row. */
    public long count(String sql) throws SQLException {
        Connection c = borrow();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } finally {
            release(c);
        }
    }

    /** {@link #connection()}, or for an H2 file database a new connection, which {@link #release} closes. */
    private Connection borrow() throws SQLException {
        return connection != null ? connection : connect();
    }

    private void release(Connection c) throws SQLException {
        if (c != connection) {
            c.close();
        }
    }

    @Override
    public void close() throws SQLException {
        Connection open = connection;
        if (open == null) {
            return; // an H2 file database: no connection open; the file stays in the caller's temporary folder
        }
        if (server == DatabaseServer.H2) {
            try (Statement s = open.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return;
        }
        open.close();
        try (Connection c = DriverManager.getConnection(server.adminUrl(), user, "");
                Statement s = c.createStatement()) {
            s.execute(server.dropDatabase(name));
        }
    }

    @Override
    public String toString() {
        return file != null ? "H2 file " + file : server + " " + name;
    }
}
