package dev.apimupgrade.samples;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema and rows of an H2 1.4.199 database from its INFORMATION_SCHEMA as a {@link SchemaDescription} text:
 * what WSO2's script made of the database is described, not how the script spells it. Names H2 generated
 * (CONSTRAINT_nn, the indexes behind keys, identity sequences) are left out, since creating the schema again
 * generates them again.
 */
final class H2SchemaReader {
    private static final Pattern GENERATED = Pattern.compile("CONSTRAINT_[0-9A-F]+");
    /** The declared type at the start of INFORMATION_SCHEMA.COLUMNS.COLUMN_TYPE, before DEFAULT, NOT NULL etc. */
    private static final Pattern DECLARED =
            Pattern.compile("^(.+?)(?= DEFAULT | NOT NULL| NULL_TO_DEFAULT| SEQUENCE |$)");

    private static final Map<Integer, String> RULES = Map.of(
            DatabaseMetaData.importedKeyCascade,
            "CASCADE",
            DatabaseMetaData.importedKeyRestrict,
            "RESTRICT",
            DatabaseMetaData.importedKeySetNull,
            "SET NULL",
            DatabaseMetaData.importedKeyNoAction,
            "NO ACTION",
            DatabaseMetaData.importedKeySetDefault,
            "SET DEFAULT");

    private H2SchemaReader() {}

    /**
     * The description of every table of the PUBLIC schema, tables by name, each as SchemaDescription orders its lines;
     * without {@code withRows} the ROW lines are left out (a sample's own rows are not part of its schema).
     */
    static String describe(Connection c, String header, boolean withRows) throws SQLException {
        StringBuilder out = new StringBuilder(header);
        for (String table : query(
                c,
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND TABLE_TYPE = 'TABLE' ORDER BY TABLE_NAME")) {
            out.append("\nTABLE ").append(table).append('\n');
            List<String> columns = columns(c, table);
            columns.forEach(l -> out.append("  COLUMN ").append(l).append('\n'));
            keys(c, table).forEach(l -> out.append("  ").append(l).append('\n'));
            foreignKeys(c, table).forEach(l -> out.append("  ").append(l).append('\n'));
            indexes(c, table).forEach(l -> out.append("  ").append(l).append('\n'));
            (withRows ? rows(c, table, columns.size()) : List.<String>of())
                    .forEach(l -> out.append("  ROW ").append(l).append('\n'));
        }
        return out.toString();
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, COLUMN_DEFAULT, IS_NULLABLE,"
                + " SEQUENCE_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Matcher type = DECLARED.matcher(r.getString(2));
                    if (!type.find()) {
                        throw new IllegalStateException(table + "." + r.getString(1) + ": type " + r.getString(2));
                    }
                    boolean identity = r.getString(5) != null;
                    String dflt = r.getString(3);
                    out.add(r.getString(1) + " " + type.group(1)
                            + (dflt == null || identity ? "" : " DEFAULT " + dflt)
                            + (r.getString(4).equals("NO") ? " NOT NULL" : "")
                            + (identity ? " AUTO_INCREMENT" : ""));
                }
            }
        }
        return out;
    }

    /** PRIMARY KEY first, then UNIQUE constraints by their columns. */
    private static List<String> keys(Connection c, String table) throws SQLException {
        Map<String, String> sorted = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE, COLUMN_LIST FROM"
                + " INFORMATION_SCHEMA.CONSTRAINTS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?"
                + " AND CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String key = r.getString(2) + " (" + r.getString(3) + ")";
                    sorted.put(
                            (r.getString(2).equals("PRIMARY KEY") ? "0" : "1") + key + r.getString(1),
                            named(r.getString(1)) + key);
                }
            }
        }
        return List.copyOf(sorted.values());
    }

    private static List<String> foreignKeys(Connection c, String table) throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT FK_NAME, FKCOLUMN_NAME, PKTABLE_NAME, PKCOLUMN_NAME,"
                + " UPDATE_RULE, DELETE_RULE FROM INFORMATION_SCHEMA.CROSS_REFERENCES WHERE FKTABLE_SCHEMA = 'PUBLIC'"
                + " AND FKTABLE_NAME = ? ORDER BY FK_NAME, ORDINAL_POSITION")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byName.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(new String[] {
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                RULES.get(r.getInt(5)),
                                RULES.get(r.getInt(6))
                            });
                }
            }
        }
        Map<String, String> sorted = new TreeMap<>();
        byName.forEach((fk, parts) -> {
            String[] first = parts.get(0);
            String key = "FOREIGN KEY ("
                    + String.join(",", parts.stream().map(p -> p[0]).toList()) + ") REFERENCES "
                    + first[1] + " ("
                    + String.join(",", parts.stream().map(p -> p[2]).toList()) + ") ON DELETE "
                    + first[4] + " ON UPDATE " + first[3];
            sorted.put(key + fk, named(fk) + key);
        });
        return List.copyOf(sorted.values());
    }

    /** The indexes the script created itself (not those H2 made for a key), by name. */
    private static List<String> indexes(Connection c, String table) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT INDEX_NAME, COLUMN_NAME, ASC_OR_DESC, NON_UNIQUE FROM"
                + " INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND NOT IS_GENERATED"
                + " ORDER BY INDEX_NAME, ORDINAL_POSITION")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(r.getString(2) + ("D".equals(r.getString(3)) ? " DESC" : ""));
                    unique.put(r.getString(1), !r.getBoolean(4));
                }
            }
        }
        List<String> out = new ArrayList<>();
        columns.forEach((index, cols) -> out.add(
                (unique.get(index) ? "UNIQUE INDEX " : "INDEX ") + index + " (" + String.join(",", cols) + ")"));
        return out;
    }

    /** Each row as a VALUES tuple of SQL literals, sorted by its columns. */
    private static List<String> rows(Connection c, String table, int columns) throws SQLException {
        List<String> out = new ArrayList<>();
        if (query(c, "SELECT COUNT(*) FROM \"" + table + "\"").get(0).equals("0")) {
            return out;
        }
        StringBuilder order = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            order.append(i == 1 ? "" : ", ").append(i);
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY " + order)) {
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(literal(table, r, i));
                }
                out.add("(" + String.join(", ", values) + ")");
            }
        }
        return out;
    }

    private static String literal(String table, ResultSet r, int i) throws SQLException {
        String value = r.getString(i);
        if (value == null) {
            return "NULL";
        }
        return switch (r.getMetaData().getColumnType(i)) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT, Types.DECIMAL, Types.NUMERIC -> value;
            case Types.BOOLEAN -> value.toUpperCase(java.util.Locale.ROOT);
            case Types.VARCHAR, Types.CHAR -> "'" + value.replace("'", "''") + "'";
            case Types.TIMESTAMP -> "TIMESTAMP '" + value + "'";
            default ->
                throw new IllegalStateException(table + " column " + i + ": a row value of type "
                        + r.getMetaData().getColumnTypeName(i) + " is not described");
        };
    }

    private static String named(String constraint) {
        return GENERATED.matcher(constraint).matches() ? "" : "CONSTRAINT " + constraint + " ";
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
