package dev.apimupgrade.plan;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The AM_ tables of a database as comparable lines, read through JDBC metadata: each column with its type, size,
 * nullability and default, the primary key, each unique index and each foreign key with its rules. Generated names
 * are left out, since H2 numbers its constraints in creation order.
 */
public final class AmCatalogue {
    private AmCatalogue() {}

    public static TreeSet<String> of(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        TreeSet<String> lines = new TreeSet<>();
        for (String table : amTables(c, md)) {
            String t = table.toUpperCase(Locale.ROOT);
            try (ResultSet r = md.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
                while (r.next()) {
                    lines.add("COL " + t + "." + r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + " "
                            + r.getString("TYPE_NAME").toUpperCase(Locale.ROOT) + "(" + r.getInt("COLUMN_SIZE") + ")"
                            + ("NO".equals(r.getString("IS_NULLABLE")) ? " NOT NULL" : "")
                            + defaultOf(r.getString("COLUMN_DEF")));
                }
            }
            lines.add("PK " + t + " " + keyColumns(md.getPrimaryKeys(c.getCatalog(), c.getSchema(), table)));
            uniques(c, md, table, t, lines);
            foreignKeys(c, md, table, t, lines);
        }
        return lines;
    }

    /** A column default; H2 names the sequence behind an AUTO_INCREMENT column by a random UUID, so that goes. */
    private static String defaultOf(String expression) {
        return expression == null
                ? ""
                : " DEFAULT " + expression.replaceAll("SYSTEM_SEQUENCE_[0-9A-F_]+", "SYSTEM_SEQUENCE");
    }

    private static List<String> amTables(Connection c, DatabaseMetaData md) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (r.next()) {
                if (r.getString("TABLE_NAME").toUpperCase(Locale.ROOT).startsWith("AM_")) {
                    tables.add(r.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    private static String keyColumns(ResultSet r) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (r) {
            while (r.next()) {
                columns.put(r.getInt("KEY_SEQ"), r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return "(" + String.join(",", columns.values()) + ")";
    }

    private static void uniques(Connection c, DatabaseMetaData md, String table, String t, TreeSet<String> lines)
            throws SQLException {
        Map<String, Map<Integer, String>> indexes = new TreeMap<>();
        try (ResultSet r = md.getIndexInfo(c.getCatalog(), c.getSchema(), table, true, false)) {
            while (r.next()) {
                if (r.getString("INDEX_NAME") != null && !r.getBoolean("NON_UNIQUE")) {
                    indexes.computeIfAbsent(r.getString("INDEX_NAME"), k -> new TreeMap<>())
                            .put(
                                    r.getInt("ORDINAL_POSITION"),
                                    r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        indexes.values().forEach(cols -> lines.add("UNIQUE " + t + " (" + String.join(",", cols.values()) + ")"));
    }

    private static void foreignKeys(Connection c, DatabaseMetaData md, String table, String t, TreeSet<String> lines)
            throws SQLException {
        Map<String, List<String>> keys = new TreeMap<>();
        try (ResultSet r = md.getImportedKeys(c.getCatalog(), c.getSchema(), table)) {
            while (r.next()) {
                String key = r.getString("FK_NAME") + "|"
                        + r.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT) + " update=" + r.getInt("UPDATE_RULE")
                        + " delete=" + r.getInt("DELETE_RULE");
                keys.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(r.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT) + "->"
                                + r.getString("PKCOLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        keys.forEach((key, cols) ->
                lines.add("FK " + t + " (" + String.join(",", cols) + ") " + key.substring(key.indexOf('|') + 1)));
    }
}
