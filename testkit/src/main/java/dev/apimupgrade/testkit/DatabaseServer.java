package dev.apimupgrade.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a test's throw-away database lives: H2 1.4.199 in memory, or the loopback PostgreSQL (trust authentication,
 * user postgres or root) or MariaDB (root, empty password) server. The one place that spells their URLs and users.
 */
public enum DatabaseServer {
    H2("jdbc:h2:mem:", "", List.of("sa")),
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/", "postgres", List.of("postgres", "root")),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/", "", List.of("root"));

    private final String prefix;
    private final String adminDatabase;
    private final List<String> admins;

    DatabaseServer(String prefix, String adminDatabase, List<String> admins) {
        this.prefix = prefix;
        this.adminDatabase = adminDatabase;
        this.admins = admins;
    }

    /** The URL of a database of this name on this server (H2: kept in memory until the last connection closes it). */
    public String url(String database) {
        return this == H2 ? prefix + database + ";DB_CLOSE_DELAY=-1" : prefix + database;
    }

    /** The URL an administrator connects to, to create and drop databases (none for H2). */
    public String adminUrl() {
        return prefix + adminDatabase;
    }

    /** The URL prefix a database name completes (jdbc:postgresql://127.0.0.1:5432/ and the like). */
    public String prefix() {
        return prefix;
    }

    /**
     * The first administrator the server lets in without a password, or a skip (a failure under CI=true) naming the
     * server and the users tried when it is unreachable.
     */
    public String admin() {
        if (this == H2) {
            return "sa";
        }
        @Nullable SQLException last = null;
        for (String user : admins) {
            try (Connection c = DriverManager.getConnection(adminUrl(), user, "")) {
                return user;
            } catch (SQLException e) {
                last = e;
            }
        }
        return SkipOrFail.missing(
                this + " on " + prefix + " (users " + String.join(", ", admins) + ", no password) is unreachable",
                last);
    }

    /** An administrator's connection, for a test that creates users or databases of its own. */
    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(adminUrl(), admin(), "");
    }

    /** The statement that drops a database of this server even while sessions hold it. */
    String dropDatabase(String name) {
        return this == POSTGRESQL
                ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name;
    }
}
