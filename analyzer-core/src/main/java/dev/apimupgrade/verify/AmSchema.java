package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DbColumn;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.DbForeignKey;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Facts;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AM_ tables of one database as comparable lines, one per table, column, primary key, unique constraint and
 * foreign key, in the vocabulary of the shipped expected 3.1.0 schema: generated constraint names are left out and
 * types are reduced to their family, so two products' spellings of the same definition compare equal.
 * <pre>
 * TABLE AM_API
 * COL AM_API.API_NAME VARCHAR(200) NULL
 * PK AM_API (API_ID)
 * UNIQUE AM_API (API_PROVIDER,API_NAME,API_VERSION)
 * FK AM_API_COMMENTS (API_ID) AM_API (API_ID) ON DELETE NO ACTION ON UPDATE CASCADE
 * </pre>
 */
public record AmSchema(SortedSet<String> lines) {
    private static final Pattern SIZED = Pattern.compile("([A-Z0-9 _]+?)\\s*(?:\\((\\d+)(?:\\s*,\\s*\\d+)?\\))?");
    /** Spellings of the same family across H2, PostgreSQL, MySQL/MariaDB (jOOQ's names) and plain JDBC names. */
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("VARCHAR", "VARCHAR"),
            Map.entry("CHARACTER VARYING", "VARCHAR"),
            Map.entry("VARCHAR2", "VARCHAR"),
            Map.entry("NVARCHAR", "VARCHAR"),
            Map.entry("NVARCHAR2", "VARCHAR"),
            Map.entry("CHAR", "CHAR"),
            Map.entry("CHARACTER", "CHAR"),
            Map.entry("BPCHAR", "CHAR"),
            Map.entry("NCHAR", "CHAR"),
            Map.entry("INTEGER", "INTEGER"),
            Map.entry("INT", "INTEGER"),
            Map.entry("INT4", "INTEGER"),
            Map.entry("SERIAL", "INTEGER"),
            Map.entry("MEDIUMINT", "INTEGER"),
            Map.entry("BIGINT", "BIGINT"),
            Map.entry("INT8", "BIGINT"),
            Map.entry("BIGSERIAL", "BIGINT"),
            Map.entry("SMALLINT", "SMALLINT"),
            Map.entry("INT2", "SMALLINT"),
            Map.entry("TINYINT", "TINYINT"),
            Map.entry("BOOLEAN", "BOOLEAN"),
            Map.entry("BOOL", "BOOLEAN"),
            Map.entry("BIT", "BOOLEAN"),
            Map.entry("DECIMAL", "DECIMAL"),
            Map.entry("NUMERIC", "DECIMAL"),
            Map.entry("NUMBER", "DECIMAL"),
            Map.entry("DOUBLE", "FLOAT"),
            Map.entry("FLOAT", "FLOAT"),
            Map.entry("REAL", "FLOAT"),
            Map.entry("FLOAT8", "FLOAT"),
            Map.entry("DOUBLE PRECISION", "FLOAT"),
            Map.entry("TIMESTAMP", "TIMESTAMP"),
            Map.entry("DATETIME", "TIMESTAMP"),
            Map.entry("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP"),
            Map.entry("DATE", "DATE"),
            Map.entry("TIME", "TIME"),
            Map.entry("BLOB", "BINARY"),
            Map.entry("BYTEA", "BINARY"),
            Map.entry("LONGBLOB", "BINARY"),
            Map.entry("MEDIUMBLOB", "BINARY"),
            Map.entry("VARBINARY", "BINARY"),
            Map.entry("BINARY", "BINARY"),
            Map.entry("BINARY LARGE OBJECT", "BINARY"),
            Map.entry("LONG RAW", "BINARY"),
            Map.entry("IMAGE", "BINARY"),
            Map.entry("CLOB", "TEXT"),
            Map.entry("TEXT", "TEXT"),
            Map.entry("LONGTEXT", "TEXT"),
            Map.entry("MEDIUMTEXT", "TEXT"),
            Map.entry("CHARACTER LARGE OBJECT", "TEXT"),
            Map.entry("NCLOB", "TEXT"));

    public AmSchema {
        lines = new TreeSet<>(lines);
    }

    /** The AM_ tables one datasource's scan observed (tables, columns, keys, foreign keys). */
    public static AmSchema observed(Facts facts, String datasource) {
        return observed(facts, datasource, AmSchema::isAm);
    }

    /** The tables of one datasource's scan that {@code tables} selects by name (DB-IDENTITY-SCHEMA: IDN_ or UM_). */
    public static AmSchema observed(Facts facts, String datasource, Predicate<String> tables) {
        SortedSet<String> lines = new TreeSet<>();
        facts.ofType(DbTable.class).stream()
                .filter(t -> t.datasource().equals(datasource) && t.present() && tables.test(t.table()))
                .forEach(t -> lines.add(table(t.table())));
        facts.ofType(DbColumn.class).stream()
                .filter(c -> c.datasource().equals(datasource) && tables.test(c.table()))
                .forEach(c -> lines.add(column(c.table(), c.column(), c.type(), c.nullable())));
        facts.ofType(DbConstraint.class).stream()
                .filter(c -> c.datasource().equals(datasource) && tables.test(c.table()))
                .forEach(c -> lines.add((c.kind().equals(DbConstraint.PRIMARY_KEY) ? "PK " : "UNIQUE ") + c.table()
                        + " (" + c.columnList() + ")"));
        facts.ofType(DbForeignKey.class).stream()
                .filter(k -> k.datasource().equals(datasource) && tables.test(k.table()))
                .forEach(k -> lines.add("FK " + k.table() + " (" + k.columnList() + ") " + k.referencedTable() + " ("
                        + k.referencedColumnList() + ") ON DELETE " + k.onDelete() + " ON UPDATE " + k.onUpdate()));
        return new AmSchema(lines);
    }

    static boolean isAm(String table) {
        return table.toUpperCase(Locale.ROOT).startsWith("AM_");
    }

    static boolean isIdentity(String table) {
        return table.toUpperCase(Locale.ROOT).startsWith("IDN_");
    }

    static boolean isUserManagement(String table) {
        return table.toUpperCase(Locale.ROOT).startsWith("UM_");
    }

    static String table(String table) {
        return "TABLE " + table;
    }

    static String column(String table, String column, String type, boolean nullable) {
        return "COL " + table + "." + column + " " + typeFamily(type) + (nullable ? " NULL" : " NOT NULL");
    }

    /**
     * A type as its family: VARCHAR(n) and CHAR(n) keep their length (a narrower column is a real difference), every
     * other type is its family name alone (an INTEGER's display width or a BLOB's size is how a product spells it).
     */
    static String typeFamily(String type) {
        String t = type.toUpperCase(Locale.ROOT).strip();
        Matcher m = SIZED.matcher(t);
        String base = m.matches() ? m.group(1).strip() : t;
        String family = FAMILIES.getOrDefault(base, base);
        boolean sized = family.equals("VARCHAR") || family.equals("CHAR");
        return sized && m.matches() && m.group(2) != null ? family + "(" + m.group(2) + ")" : family;
    }

    /** The table a line is about: "AM_API" for "COL AM_API.API_ID ..." as for "PK AM_API (...)". */
    static String tableOf(String line) {
        String rest = line.substring(line.indexOf(' ') + 1);
        int end = rest.length();
        for (char c : new char[] {' ', '.'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }

    /** The kind of a line: TABLE, COL, PK, UNIQUE or FK. */
    static String kindOf(String line) {
        return line.substring(0, line.indexOf(' '));
    }
}
