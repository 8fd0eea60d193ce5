package dev.apimupgrade.execute;

import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.plan.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata check each MariaDB/MySQL DDL statement runs behind, read from sql/guard/mysql: CREATE TABLE only when
 * the table is absent, ADD column only when the column is absent, ADD/DROP INDEX or CONSTRAINT only when needed, DROP
 * PRIMARY KEY only while the key is not yet the one the script adds next, ADD PRIMARY KEY only until it is. These
 * servers commit DDL at once, so the check is what keeps a rerun from repeating a statement; a DDL statement of a
 * shape without a check cannot be made safe to repeat and is refused before anything runs.
 */
final class MariaDbGuards {
    /** How the statement is checked before it runs: the guard query and its arguments, and whether a hit means skip. */
    record Guard(String query, List<String> args, boolean skipWhenFound) {}

    /** The guard of ADD PRIMARY KEY: its arguments are the table and the key's columns, comma-separated. */
    static final String PRIMARY_KEY_IS = "primary_key_is";

    private static final String NAME = "`?([A-Za-z0-9_$]+)`?";
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + ".*");
    private static final Pattern ALTER = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+" + NAME + "\\s+(.*)$");
    private static final Pattern ADD_INDEX =
            Pattern.compile("(?is)^ADD\\s+(?:UNIQUE\\s+)?(?:INDEX|KEY)\\s+" + NAME + "\\s*\\(.*");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("(?is)^ADD\\s+CONSTRAINT\\s+" + NAME + "\\s.*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^DROP\\s+(?:INDEX|KEY)\\s+" + NAME + "\\s*$");
    private static final Pattern DROP_CONSTRAINT =
            Pattern.compile("(?is)^DROP\\s+(?:CONSTRAINT|FOREIGN\\s+KEY)\\s+" + NAME + "\\s*$");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)^ADD\\s+(?:COLUMN\\s+)?" + NAME + "\\s.*");
    private static final List<String> NOT_COLUMNS =
            List.of("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "INDEX", "KEY", "CONSTRAINT");
    private static final Pattern DROP_PRIMARY_KEY = Pattern.compile("(?is)^DROP\\s+PRIMARY\\s+KEY\\s*$");
    private static final Pattern ADD_PRIMARY_KEY = Pattern.compile("(?is)^ADD\\s+PRIMARY\\s+KEY\\s*\\(([^)]*)\\)\\s*$");
    private static final Pattern DML = Pattern.compile("(?is)^\\s*(DELETE|UPDATE|INSERT)\\s.*");
    /** A temporary table commits nothing and lives in the session: it belongs to the transaction's statements. */
    private static final Pattern TEMPORARY_TABLE =
            Pattern.compile("(?is)^\\s*(CREATE|DROP)\\s+TEMPORARY\\s+TABLE\\s.*");

    private MariaDbGuards() {}

    /**
     * A statement that commits with its transaction (row changes, and a temporary table of the session), not at once
     * as DDL does.
     */
    static boolean inTransaction(SqlStatement s) {
        return DML.matcher(s.sql()).matches()
                || TEMPORARY_TABLE.matcher(s.sql()).matches();
    }

    /**
     * The metadata check of one DDL statement of {@code script}; refused (IllegalStateException) when its shape has
     * none. A DROP PRIMARY KEY is checked against the key the script adds after it on the same table, so that once the
     * new key is there a rerun drops nothing.
     */
    static Guard of(SqlStatement s, List<SqlStatement> script) {
        Matcher m = CREATE_TABLE.matcher(s.sql());
        if (m.matches()) {
            return new Guard("table_exists", List.of(m.group(1)), true);
        }
        m = ALTER.matcher(s.sql());
        if (m.matches()) {
            String table = m.group(1);
            String action = m.group(2).strip();
            Matcher a;
            if (DROP_PRIMARY_KEY.matcher(action).matches()) {
                return new Guard("primary_key_differs", List.of(table, keyAddedAfter(s, table, script)), false);
            }
            if ((a = ADD_PRIMARY_KEY.matcher(action)).matches()) {
                return new Guard(PRIMARY_KEY_IS, List.of(table, columns(a.group(1))), true);
            }
            if ((a = ADD_INDEX.matcher(action)).matches()) {
                return new Guard("index_exists", List.of(table, a.group(1)), true);
            }
            if ((a = ADD_CONSTRAINT.matcher(action)).matches()) {
                return new Guard("constraint_exists", List.of(table, a.group(1)), true);
            }
            if ((a = DROP_INDEX.matcher(action)).matches()) {
                return new Guard("index_exists", List.of(table, a.group(1)), false);
            }
            if ((a = DROP_CONSTRAINT.matcher(action)).matches()) {
                return new Guard("constraint_exists", List.of(table, a.group(1)), false);
            }
            if ((a = ADD_COLUMN.matcher(action)).matches()
                    && !NOT_COLUMNS.contains(a.group(1).toUpperCase(Locale.ROOT))) {
                return new Guard("column_exists", List.of(table, a.group(1)), true);
            }
        }
        throw new IllegalStateException(s.file() + ":" + s.line() + ": no metadata check makes this statement safe to"
                + " repeat on MariaDB/MySQL: " + s.sql().lines().findFirst().orElse(""));
    }

    /** The columns of the primary key the script adds to the table after {@code drop}, comma-separated; '' if none. */
    private static String keyAddedAfter(SqlStatement drop, String table, List<SqlStatement> script) {
        for (SqlStatement next : script.subList(script.indexOf(drop) + 1, script.size())) {
            Matcher m = ALTER.matcher(next.sql());
            Matcher a;
            if (m.matches()
                    && m.group(1).equalsIgnoreCase(table)
                    && (a = ADD_PRIMARY_KEY.matcher(m.group(2).strip())).matches()) {
                return columns(a.group(1));
            }
        }
        return "";
    }

    /** "APINAME, `APICREATOR`" as information_schema lists a key: APINAME,APICREATOR. */
    private static String columns(String list) {
        return String.join(
                ",",
                java.util.Arrays.stream(list.split(","))
                        .map(c -> c.strip().replace("`", ""))
                        .toList());
    }

    /** Whether the statement behind this guard still has to run. */
    static boolean needed(Connection c, Guard g) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlScripts.read("sql/guard/mysql/" + g.query() + ".sql"))) {
            for (int i = 0; i < g.args().size(); i++) {
                ps.setString(i + 1, g.args().get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                boolean found = r.next() && r.getLong(1) > 0;
                return found != g.skipWhenFound();
            }
        }
    }
}
