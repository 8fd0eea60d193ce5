package dev.apimupgrade.fact;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The database products an APIM datasource can use, and everything the tool needs to know about one in one place: the
 * JDBC URL prefix that tells it apart, the jOOQ dialect it is read through, the folder of its scripts under
 * sql/&lt;purpose&gt;/, how those scripts end a statement, and whether its DDL commits implicitly (so a failed script
 * cannot be rolled back as a whole). H2, PostgreSQL and MariaDB/MySQL are read through jOOQ and tested; Oracle, SQL
 * Server and DB2 have no open-source jOOQ dialect and are read through plain JDBC metadata, untested. Adding a product
 * is one constant here and, for migrate to run its scripts, one ScriptRunner (see docs/adr/0019-typed-action-and-database-vocabulary.md).
 */
public enum DatabaseProduct {
    H2("jdbc:h2:", SQLDialect.H2, "h2", Delimiter.SEMICOLON, true),
    POSTGRESQL("jdbc:postgresql:", SQLDialect.POSTGRES, "postgres", Delimiter.SEMICOLON, false),
    /** Runs MySQL's scripts: the guide has one script for both. */
    MARIADB("jdbc:mariadb:", SQLDialect.MARIADB, "mysql", Delimiter.SEMICOLON, true),
    MYSQL("jdbc:mysql:", SQLDialect.MYSQL, "mysql", Delimiter.SEMICOLON, true),
    ORACLE("jdbc:oracle:", null, "oracle", Delimiter.SLASH_LINE, true),
    SQLSERVER("jdbc:sqlserver:", null, "mssql", Delimiter.SEMICOLON, false),
    DB2("jdbc:db2:", null, "db2", Delimiter.SLASH_LINE, false);

    /** How a script file ends a statement. */
    public enum Delimiter {
        /** A ';' outside quotes and comments. */
        SEMICOLON,
        /** A line holding only '/', as SQL*Plus and the guide's Oracle and DB2 scripts use. */
        SLASH_LINE
    }

    private final String urlPrefix;
    private final @Nullable SQLDialect jooqDialect;
    private final String folder;
    private final Delimiter delimiter;
    private final boolean ddlCommitsImplicitly;

    DatabaseProduct(
            String urlPrefix,
            @Nullable SQLDialect jooqDialect,
            String folder,
            Delimiter delimiter,
            boolean ddlCommitsImplicitly) {
        this.urlPrefix = urlPrefix;
        this.jooqDialect = jooqDialect;
        this.folder = folder;
        this.delimiter = delimiter;
        this.ddlCommitsImplicitly = ddlCommitsImplicitly;
    }

    /** The product a JDBC URL names, or empty for a URL of no known product. */
    public static Optional<DatabaseProduct> of(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> url.startsWith(p.urlPrefix)).findFirst();
    }

    /** The products with scripts of their own, one per folder under sql/&lt;purpose&gt;/ (MariaDB runs MySQL's). */
    public static List<DatabaseProduct> withOwnScripts() {
        return Arrays.stream(values()).filter(p -> p.scripts() == p).toList();
    }

    /** The product whose scripts live in this folder under sql/&lt;purpose&gt;/. */
    public static Optional<DatabaseProduct> ofFolder(String folder) {
        return withOwnScripts().stream().filter(p -> p.folder.equals(folder)).findFirst();
    }

    /**
     * The product the server itself reports: a jdbc:mysql: URL (WSO2's usual form) often points at MariaDB, whose SQL
     * differs from MySQL's in the catalogue queries jOOQ issues.
     */
    public DatabaseProduct servedBy(String databaseProductName) {
        return this == MYSQL && databaseProductName.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : this;
    }

    /** The product whose shipped scripts this one runs: itself, or MySQL for MariaDB. */
    public DatabaseProduct scripts() {
        return this == MARIADB ? MYSQL : this;
    }

    /** MariaDB or MySQL, which speak the same SQL and take the same privileges. */
    public boolean isMysqlFamily() {
        return this == MARIADB || this == MYSQL;
    }

    /** The jOOQ dialect it is read through, or empty for the products read through plain JDBC metadata. */
    public Optional<SQLDialect> jooqDialect() {
        return Optional.ofNullable(jooqDialect);
    }

    /** The jOOQ dialect's name ("POSTGRES", "MARIADB"...), or "JDBC" for plain metadata: how findings name it. */
    public String jooqName() {
        return jooqDialect().map(Enum::name).orElse("JDBC");
    }

    public boolean tested() {
        return jooqDialect != null;
    }

    /** The folder under sql/&lt;purpose&gt;/ (and sql/assess) holding this product's scripts and queries. */
    public String folder() {
        return folder;
    }

    public Delimiter delimiter() {
        return delimiter;
    }

    public boolean ddlCommitsImplicitly() {
        return ddlCommitsImplicitly;
    }

    /**
     * An identifier read from database metadata, quoted so it is taken literally (case and all). jOOQ quotes for H2,
     * PostgreSQL and MySQL and, in its SQL-standard form, for Oracle and DB2; SQL Server gets brackets, which work
     * whatever QUOTED_IDENTIFIER is set to (sqlcmd turns it off by default).
     */
    public String quote(String identifier) {
        if (this == SQLSERVER) {
            return "[" + identifier.replace("]", "]]") + "]";
        }
        return DSL.using(jooqDialect().orElse(SQLDialect.DEFAULT)).render(DSL.name(identifier));
    }
}
