package dev.apimupgrade.execute;

import dev.apimupgrade.testkit.ScratchDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database's tables, columns and keys read through JDBC metadata, names in upper case, so the script runner contract
 * asserts the same shape on every product without a query of each product's catalogue.
 */
final class DatabaseShape {
    private DatabaseShape() {}

    /** The names of the database's own tables (not views, not temporary tables). */
    static List<String> tables(ScratchDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet r = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (r.next()) {
                out.add(upper(r.getString("TABLE_NAME")));
            }
        }
        return out.stream().sorted().toList();
    }

    /**
     * Every column as TABLE.COLUMN and again with its type, size, nullability and default, sorted: a column is looked
     * for by the first, two shapes are compared by both.
     */
    static List<String> columns(ScratchDatabase db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet r = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            while (r.next()) {
                out.add(upper(r.getString("TABLE_NAME")) + "." + upper(r.getString("COLUMN_NAME")));
                out.add(upper(r.getString("TABLE_NAME")) + "." + upper(r.getString("COLUMN_NAME")) + " "
                        + r.getString("TYPE_NAME") + "(" + r.getString("COLUMN_SIZE") + ") nullable "
                        + r.getString("IS_NULLABLE") + " default " + r.getString("COLUMN_DEF"));
            }
        }
        return out.stream().sorted().toList();
    }

    /** The columns of a table's primary key, in key order. */
    static List<String> primaryKey(ScratchDatabase db, String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (Connection c = db.connect()) {
            DatabaseMetaData md = c.getMetaData();
            String name = md.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            try (ResultSet r = md.getPrimaryKeys(c.getCatalog(), c.getSchema(), name)) {
                while (r.next()) {
                    key.put(r.getInt("KEY_SEQ"), upper(r.getString("COLUMN_NAME")));
                }
            }
        }
        return List.copyOf(key.values());
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
