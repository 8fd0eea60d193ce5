package dev.apimupgrade.plan;

import dev.apimupgrade.scan.db.DbKind;
import java.util.Arrays;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The SQL dialects the guide ships scripts for (plus H2, whose variants we write), each with the folder that holds its
 * scripts under sql/&lt;purpose&gt;/, how its script files end a statement, and whether its DDL commits implicitly (so
 * a failed script cannot be rolled back as a whole).
 */
public enum Dialect {
    H2("h2", Delimiter.SEMICOLON, true, SQLDialect.H2),
    POSTGRESQL("postgres", Delimiter.SEMICOLON, false, SQLDialect.POSTGRES),
    /** MySQL and MariaDB: the guide has one script for both. */
    MYSQL("mysql", Delimiter.SEMICOLON, true, SQLDialect.MYSQL),
    ORACLE("oracle", Delimiter.SLASH_LINE, true, SQLDialect.DEFAULT),
    MSSQL("mssql", Delimiter.SEMICOLON, false, SQLDialect.DEFAULT),
    DB2("db2", Delimiter.SLASH_LINE, false, SQLDialect.DEFAULT);

    /** How a script file ends a statement. */
    public enum Delimiter {
        /** A ';' outside quotes and comments. */
        SEMICOLON,
        /** A line holding only '/', as SQL*Plus and the guide's Oracle and DB2 scripts use. */
        SLASH_LINE
    }

    private final String folder;
    private final Delimiter delimiter;
    private final boolean ddlCommitsImplicitly;
    private final SQLDialect quoting;

    Dialect(String folder, Delimiter delimiter, boolean ddlCommitsImplicitly, SQLDialect quoting) {
        this.folder = folder;
        this.delimiter = delimiter;
        this.ddlCommitsImplicitly = ddlCommitsImplicitly;
        this.quoting = quoting;
    }

    /** The dialect whose scripts serve a product the scanner told apart (folder names are shared with sql/assess). */
    public static Dialect of(DbKind kind) {
        return Arrays.stream(values()).filter(d -> d.folder.equals(kind.sqlFolder())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SQL dialect for " + kind));
    }

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
        if (this == MSSQL) {
            return "[" + identifier.replace("]", "]]") + "]";
        }
        return DSL.using(quoting).render(DSL.name(identifier));
    }
}
