package dev.apimupgrade.execute;

import dev.apimupgrade.plan.SqlStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema objects a script leaves behind, read from its own statements: the tables it creates (and does not drop
 * again) and the columns it adds. After the script they must exist; that is the script step's observable
 * post-condition. A script that only changes rows (DELETE, UPDATE) creates nothing and has none.
 */
record ScriptSchema(Set<String> tables, Map<String, Set<String>> columns) {
    private static final String NAME = "(\"[^\"]+\"|[A-Za-z0-9_$.]+)";
    private static final Pattern CREATE = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:CACHED\\s+|MEMORY\\s+)?TABLE\\s+" + "(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);
    private static final Pattern DROP = Pattern.compile("(?is)^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + NAME);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "(?is)^\\s*ALTER\\s+TABLE\\s+" + NAME + "\\s+ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);
    private static final Set<String> NOT_A_COLUMN =
            Set.of("PRIMARY", "CONSTRAINT", "FOREIGN", "UNIQUE", "CHECK", "INDEX", "KEY");

    static ScriptSchema of(List<SqlStatement> statements) {
        Set<String> tables = new TreeSet<>();
        Map<String, Set<String>> columns = new TreeMap<>();
        for (SqlStatement s : statements) {
            Matcher m;
            if ((m = CREATE.matcher(s.sql())).find()) {
                tables.add(name(m.group(1)));
            } else if ((m = DROP.matcher(s.sql())).find()) {
                tables.remove(name(m.group(1)));
                columns.remove(name(m.group(1)));
            } else if ((m = ADD_COLUMN.matcher(s.sql())).find() && !NOT_A_COLUMN.contains(name(m.group(2)))) {
                columns.computeIfAbsent(name(m.group(1)), t -> new TreeSet<>()).add(name(m.group(2)));
            }
        }
        return new ScriptSchema(tables, columns);
    }

    boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    /** What the database lacks of these objects ("table X", "column T.C"); empty when all exist. */
    List<String> missing(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> missing = new ArrayList<>();
        for (String t : tables) {
            if (!table(meta, t)) {
                missing.add("table " + t);
            }
        }
        for (Map.Entry<String, Set<String>> e : columns.entrySet()) {
            for (String col : e.getValue()) {
                try (ResultSet rs = meta.getColumns(null, null, e.getKey(), col)) {
                    if (!rs.next()) {
                        missing.add("column " + e.getKey() + "." + col);
                    }
                }
            }
        }
        return missing;
    }

    private static boolean table(DatabaseMetaData meta, String name) throws SQLException {
        try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE", "BASE TABLE"})) {
            return rs.next();
        }
    }

    /** Unquoted names are upper case in H2's catalogue; a schema prefix is dropped. */
    private static String name(String raw) {
        String n = raw.contains(".") && !raw.startsWith("\"") ? raw.substring(raw.lastIndexOf('.') + 1) : raw;
        return n.startsWith("\"") ? n.substring(1, n.length() - 1) : n.toUpperCase(Locale.ROOT);
    }
}
