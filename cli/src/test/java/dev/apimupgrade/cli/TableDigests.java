package dev.apimupgrade.cli;

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
 */
final class TableDigests {
    private static final String PG_DIGEST = "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY"
            + " t::text), '')) FROM \"%s\" t";

    private TableDigests() {
    }

    /** Table name (prefixed) -> digest, for every base table of the connection's database. */
    static Map<String, String> of(Connection c, boolean postgres, String prefix) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables(c, postgres)) {
                out.put(prefix + table, postgres ? single(s, PG_DIGEST.formatted(table))
                        : single(s, "SELECT count(*) FROM `" + table + "`") + ":"
                                + column(s, "CHECKSUM TABLE `" + table + "` EXTENDED", 2));
            }
        }
        return out;
    }

    private static List<String> tables(Connection c, boolean postgres) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                + " WHERE table_type = 'BASE TABLE' AND table_schema = " + (postgres ? "'public'" : "DATABASE()"));
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
