package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DbColumnCharset;
import dev.apimupgrade.fact.DbIndexLimit;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads, on MySQL/MariaDB, what decides whether a primary key on some columns of a table fits in an index: each
 * column's length and character set, and the limits of the table's engine and row format (sql/guard/mysql/key_columns
 * and index_limits). The database scanner reads it for the key the analytics script adds (ANA-PK-KEY-LENGTH); the
 * script executor reads it again just before that script drops the old key.
 */
public final class KeyStorage {
    /** The primary key analytics-lastaccess-pk gives APILASTACCESSSUMMARY, as the 3.1.0 Siddhi app declares it. */
    public static final List<String> ANALYTICS_KEY =
            List.of("APINAME", "APICREATOR", "APIVERSION", "APICREATORTENANTDOMAIN");

    public static final String ANALYTICS_TABLE = "APILASTACCESSSUMMARY";

    private KeyStorage() {}

    /** How a key on some columns of a table would be stored: each column in key order, and the table's limits. */
    public record KeyShape(List<DbColumnCharset> columns, DbIndexLimit limit) {
        public KeyShape {
            columns = List.copyOf(columns);
        }

        /** The columns then the limit, as facts. */
        public List<Observation> facts() {
            List<Observation> facts = new ArrayList<>(columns);
            facts.add(limit);
            return facts;
        }
    }

    /** The key's shape; empty when the table does not exist. */
    public static Optional<KeyShape> read(Connection c, String datasource, String table, List<String> columns)
            throws SQLException {
        List<DbColumnCharset> facts = new ArrayList<>();
        String named = table.toUpperCase(Locale.ROOT);
        String list = String.join(",", columns);
        String engine = null;
        String rowFormat = null;
        try (PreparedStatement ps = c.prepareStatement(query("key_columns"))) {
            ps.setString(1, table);
            ps.setString(2, list);
            ps.setString(3, list);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String column = r.getString(1).toUpperCase(Locale.ROOT);
                    String charset = r.getString(5);
                    facts.add(new DbColumnCharset(
                            datasource,
                            named,
                            facts.size() + 1,
                            column,
                            r.getString(2).toUpperCase(Locale.ROOT),
                            "YES".equals(r.getString(3)),
                            r.getLong(4),
                            charset == null ? "" : charset,
                            r.getInt(6),
                            SourceRef.db(datasource, named + "." + column)));
                    engine = r.getString(7);
                    rowFormat = r.getString(8);
                }
            }
        }
        if (engine == null) {
            return Optional.empty();
        }
        return Optional.of(
                new KeyShape(facts, limit(c, datasource, named, engine, rowFormat == null ? "" : rowFormat)));
    }

    private static DbIndexLimit limit(Connection c, String datasource, String table, String engine, String rowFormat)
            throws SQLException {
        long pageSize = 16384;
        boolean largePrefix = true;
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query("index_limits"))) {
            while (r.next()) {
                String value = r.getString(2);
                if (r.getString(1).equalsIgnoreCase("innodb_page_size")) {
                    pageSize = Long.parseLong(value.strip());
                } else {
                    largePrefix = !(value.equalsIgnoreCase("OFF") || value.equals("0"));
                }
            }
        }
        long key;
        long column;
        if (engine.equalsIgnoreCase("MyISAM")) {
            key = 1000;
            column = 1000;
        } else {
            // InnoDB's documented limits: 3072 bytes a key with 16k pages or more, proportionally less on smaller ones
            key = pageSize >= 16384 ? 3072 : pageSize >= 8192 ? 1536 : 768;
            boolean wide =
                    largePrefix && (rowFormat.equalsIgnoreCase("Dynamic") || rowFormat.equalsIgnoreCase("Compressed"));
            column = wide ? key : Math.min(767, key);
        }
        return new DbIndexLimit(
                datasource, table, engine, rowFormat, column, key, SourceRef.db(datasource, table + "/row-format"));
    }

    /** sql/guard/mysql/NAME.sql without its comment lines. */
    private static String query(String name) {
        String path = "/sql/guard/mysql/" + name + ".sql";
        try (InputStream in = KeyStorage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n")
                    .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
