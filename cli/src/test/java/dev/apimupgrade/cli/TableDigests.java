package dev.apimupgrade.cli;

import dev.apimupgrade.scan.FileDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row count and a content digest per table of one PostgreSQL or MariaDB database: equal before and after an
 * assessment shows it wrote nothing (PostgreSQL: md5 of the rows in a fixed order; MariaDB: CHECKSUM TABLE EXTENDED).
 * {@link #schemaAndRows} adds each table's columns, constraints and indexes, read with plain JDBC from the catalogs,
 * so two migrations can be compared object by object.
 */
final class TableDigests {
    private static final String PG_DIGEST =
            "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY" + " t::text), '')) FROM \"%s\" t";

    private TableDigests() {}

    /** Table name (prefixed) -> digest, for every base table of the connection's database. */
    static Map<String, String> of(Connection c, boolean postgres, String prefix) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables(c, postgres)) {
                out.put(
                        prefix + table,
                        postgres
                                ? single(s, PG_DIGEST.formatted(table))
                                : single(s, "SELECT count(*) FROM `" + table + "`") + ":"
                                        + column(s, "CHECKSUM TABLE `" + table + "` EXTENDED", 2));
            }
        }
        return out;
    }

    /**
     * Per table, four entries: its columns (in order, with type, nullability and default), its constraints (with their
     * definitions), its indexes, and its rows (count and SHA-256 of the rows as text, sorted). A table that exists in
     * one database and not the other shows as keys present on one side only.
     */
    static Map<String, String> schemaAndRows(Connection c, boolean postgres, String prefix) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String table : tables(c, postgres)) {
            String key = prefix + table;
            if (postgres) {
                out.put(
                        key + " columns",
                        lines(
                                c,
                                "SELECT column_name, data_type, character_maximum_length,"
                                        + " is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'"
                                        + " AND table_name = ? ORDER BY ordinal_position",
                                table));
                out.put(
                        key + " constraints",
                        lines(
                                c,
                                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                                        + " WHERE conrelid = ('public.\"' || ? || '\"')::regclass ORDER BY conname",
                                table));
                out.put(
                        key + " indexes",
                        lines(
                                c,
                                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname ="
                                        + " 'public' AND tablename = ? ORDER BY indexname",
                                table));
            } else {
                out.put(
                        key + " columns",
                        lines(
                                c,
                                "SELECT column_name, column_type, is_nullable, column_default, extra"
                                        + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?"
                                        + " ORDER BY ordinal_position",
                                table));
                out.put(
                        key + " constraints",
                        lines(
                                c,
                                "SELECT k.constraint_name, t.constraint_type, k.column_name,"
                                        + " k.referenced_table_name, k.referenced_column_name FROM information_schema.key_column_usage k"
                                        + " JOIN information_schema.table_constraints t ON t.constraint_schema = k.constraint_schema"
                                        + " AND t.table_name = k.table_name AND t.constraint_name = k.constraint_name"
                                        + " WHERE k.table_schema = DATABASE() AND k.table_name = ?"
                                        + " ORDER BY k.constraint_name, k.ordinal_position",
                                table));
                out.put(
                        key + " indexes",
                        lines(
                                c,
                                "SELECT index_name, non_unique, seq_in_index, column_name FROM"
                                        + " information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?"
                                        + " ORDER BY index_name, seq_in_index",
                                table));
            }
            out.put(key + " rows", rows(c, rowQuery(c, postgres, table)));
        }
        return out;
    }

    /**
     * The rows without the columns the server fills with the time a row was written (DEFAULT or ON UPDATE
     * CURRENT_TIMESTAMP): they hold when the scenario was loaded, which differs between two loads of the same data.
     */
    private static String rowQuery(Connection c, boolean postgres, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        String q = postgres ? "\"" : "`";
        try (PreparedStatement p = c.prepareStatement("SELECT column_name, column_default, "
                + (postgres ? "''" : "extra") + " FROM information_schema.columns WHERE table_schema = "
                + (postgres ? "'public'" : "DATABASE()") + " AND table_name = ? ORDER BY ordinal_position")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String filled = (rs.getString(2) + " " + rs.getString(3)).toLowerCase(java.util.Locale.ROOT);
                    if (!filled.contains("current_timestamp") && !filled.contains("now()")) {
                        columns.add(q + rs.getString(1) + q);
                    }
                }
            }
        }
        return "SELECT " + (columns.isEmpty() ? "1" : String.join(", ", columns)) + " FROM " + q + table + q;
    }

    /** The result rows, one line each with the values separated by '|' (NULL as \N), in the query's order. */
    private static String lines(Connection c, String sql, String table) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    text.append(row(rs)).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Row count and SHA-256 of the rows as text, sorted, so the order the server returns them in does not matter. */
    private static String rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        rows.sort(null);
        return rows.size() + " rows "
                + FileDigest.sha256(String.join("\n", rows).getBytes(StandardCharsets.UTF_8));
    }

    private static String row(ResultSet rs) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String v = rs.getString(i);
            row.append(i > 1 ? "|" : "").append(v == null ? "\\N" : v);
        }
        return row.toString();
    }

    private static List<String> tables(Connection c, boolean postgres) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_type = 'BASE TABLE' AND table_schema = "
                        + (postgres ? "'public'" : "DATABASE()"));
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String single(Statement s, String sql) throws SQLException {
        return column(s, sql, 1);
    }

    private static String column(Statement s, String sql, int column) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(column);
        }
    }
}
