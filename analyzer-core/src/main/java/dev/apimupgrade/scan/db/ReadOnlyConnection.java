package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A connection that cannot change the database: H2 is opened on a copy of its .mv.db in a temporary folder
 * (read-only, never the original, so a running server's lock and the file stay untouched); every other product gets
 * a read-only connection inside a read-only transaction that is rolled back on close.
 */
public final class ReadOnlyConnection implements AutoCloseable {
    private final Connection connection;
    private final @Nullable Path copyDir;

    private ReadOnlyConnection(Connection connection, @Nullable Path copyDir) {
        this.connection = connection;
        this.copyDir = copyDir;
    }

    public Connection jdbc() {
        return connection;
    }

    public static ReadOnlyConnection open(DatasourceSpec spec, DatabaseProduct kind, List<Driver> extraDrivers)
            throws SQLException, IOException {
        Properties props = new Properties();
        props.setProperty("user", spec.user());
        if (spec.password() != null) {
            props.setProperty("password", spec.password());
        }
        if (kind == DatabaseProduct.H2) {
            return openH2Copy(spec, props);
        }
        Connection c = connect(spec.connectUrl(), props, extraDrivers);
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            if (kind == DatabaseProduct.MARIADB
                    || kind == DatabaseProduct.MYSQL
                    || kind == DatabaseProduct.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                }
            }
            return new ReadOnlyConnection(c, null);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Prefix of the temporary folders holding H2 copies: apim-upgrade-h2-&lt;pid&gt;-... */
    static final String COPY_PREFIX = "apim-upgrade-h2-";

    private static ReadOnlyConnection openH2Copy(DatasourceSpec spec, Properties props)
            throws SQLException, IOException {
        Path original = Path.of(spec.connectUrl().substring("jdbc:h2:".length()));
        Path mv = H2Url.mvFile(original);
        if (!Files.isRegularFile(mv)) {
            throw new NoSuchFileException(mv.getFileName().toString());
        }
        // the pid in the name tells which run a left-over copy belongs to (and lets tests watch only their own)
        Path dir =
                Files.createTempDirectory(COPY_PREFIX + ProcessHandle.current().pid() + "-");
        Files.copy(mv, dir.resolve(mv.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        try {
            Connection c = new org.h2.Driver().connect(H2Url.readOnlyUrl(dir.resolve(original.getFileName())), props);
            c.setReadOnly(true);
            return new ReadOnlyConnection(c, dir);
        } catch (SQLException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static Connection connect(String url, Properties props, List<Driver> extraDrivers) throws SQLException {
        for (Driver d : extraDrivers) {
            if (d.acceptsURL(url)) {
                return d.connect(url, props);
            }
        }
        return DriverManager.getConnection(bundledDriverUrl(url), props);
    }

    /**
     * WSO2's MySQL configurations use jdbc:mysql: URLs, which the bundled MariaDB driver (it speaks the MySQL
     * protocol) refuses unless asked to accept that scheme; without a MySQL driver of the user's, it is asked.
     */
    static String bundledDriverUrl(String url) {
        if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            // closing a read-only session: nothing was changed, so nothing is lost
        } finally {
            if (copyDir != null) {
                deleteTree(copyDir);
            }
        }
    }

    /** Removes the temporary copy; what cannot be removed now (a file still mapped) goes when the JVM exits. */
    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
