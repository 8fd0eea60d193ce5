package dev.apimupgrade.scan.db;

import java.util.Locale;
import java.util.Optional;
import org.jooq.SQLDialect;

/**
 * The database products an APIM datasource can use, told apart by JDBC URL. H2, PostgreSQL and MariaDB/MySQL are
 * read through a jOOQ dialect and tested; Oracle, SQL Server and DB2 have no open-source jOOQ dialect and are read
 * through plain JDBC metadata with a user-supplied driver, untested.
 */
public enum DbKind {
    H2("jdbc:h2:", SQLDialect.H2, "h2"),
    POSTGRESQL("jdbc:postgresql:", SQLDialect.POSTGRES, "postgres"),
    MARIADB("jdbc:mariadb:", SQLDialect.MARIADB, "mysql"),
    MYSQL("jdbc:mysql:", SQLDialect.MYSQL, "mysql"),
    ORACLE("jdbc:oracle:", null, "oracle"),
    SQLSERVER("jdbc:sqlserver:", null, "mssql"),
    DB2("jdbc:db2:", null, "db2");

    private final String urlPrefix;
    private final SQLDialect dialect;
    private final String sqlFolder;

    DbKind(String urlPrefix, SQLDialect dialect, String sqlFolder) {
        this.urlPrefix = urlPrefix;
        this.dialect = dialect;
        this.sqlFolder = sqlFolder;
    }

    public static Optional<DbKind> of(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        for (DbKind k : values()) {
            if (url.startsWith(k.urlPrefix)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind the server itself reports: a jdbc:mysql: URL (WSO2's usual form) often points at MariaDB, whose SQL
     * differs from MySQL's in the catalogue queries jOOQ issues.
     */
    public DbKind servedBy(String databaseProductName) {
        return this == MYSQL && databaseProductName.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : this;
    }

    /** The jOOQ dialect, or empty for the products read through plain JDBC metadata. */
    public Optional<SQLDialect> dialect() {
        return Optional.ofNullable(dialect);
    }

    /** The folder under sql/assess holding this product's own queries. */
    public String sqlFolder() {
        return sqlFolder;
    }

    public boolean tested() {
        return dialect != null;
    }
}
