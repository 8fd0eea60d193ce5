package dev.apimupgrade.rules;

import dev.apimupgrade.fact.AnalyticsDatasource;
import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DbPrivilege;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.MysqlGrant;
import dev.apimupgrade.rule.JustifiedAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What each shipped MariaDB/MySQL script (sql/&lt;purpose&gt;/mysql, with the export and checks migrate runs around
 * it) needs of the datasource's user, and what a user's grants leave missing. Tried on MariaDB 10.11: ALTER TABLE
 * (add a column, drop an index or the primary key) needs only ALTER; CREATE TABLE with a foreign key needs CREATE;
 * a DELETE or UPDATE with a WHERE needs SELECT; a TEMPORARY helper table needs CREATE TEMPORARY TABLES and nothing
 * more for its INSERT and DROP; a foreign key needs REFERENCES, SELECT, INSERT, UPDATE or DELETE on its parent table
 * (only REFERENCES from MySQL 8.0.22).
 * MysqlScriptPrivilegesTest (cli) runs each script as a user holding only these.
 */
public final class MysqlPrivileges {
    /**
     * A privilege on a table, or on the database itself when {@code table} is ""; {@code or}: other privileges that
     * will do instead (MariaDB and MySQL before 8.0.22 accept SELECT, INSERT, UPDATE or DELETE on the parent table of
     * a foreign key in place of REFERENCES).
     */
    public record Need(String privilege, String table, String script, List<String> or) {
        Need(String privilege, String table, String script) {
            this(privilege, table, script, List.of());
        }

        public String phrase() {
            return privilege + (or.isEmpty() ? "" : " (or " + String.join(", ", or) + ")") + " on "
                    + (table.isEmpty() ? "the database" : table) + " (" + script + ")";
        }

        boolean metBy(MysqlGrant g, String database) {
            return Stream.concat(Stream.of(privilege), or.stream()).anyMatch(p -> g.covers(p, database, table));
        }
    }

    private static final List<String> REG_RESOURCE_LINKS =
            List.of("REG_RESOURCE_TAG", "REG_RESOURCE_COMMENT", "REG_RESOURCE_PROPERTY", "REG_RESOURCE_RATING");
    private static final List<String> REG_LINKED = List.of("REG_TAG", "REG_COMMENT", "REG_PROPERTY", "REG_RATING");
    private static final Pattern URL =
            Pattern.compile("^jdbc:(?:mysql|mariadb):(?:[a-z]+:)?//[^/]*/([^?;&]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private MysqlPrivileges() {}

    public static boolean isMysql(DatabaseProduct database) {
        return database.isMysqlFamily();
    }

    /** The privileges a script needs on this product (MySQL 8.0.22+ adds REFERENCES for the AM script's foreign key). */
    public static List<Need> needs(String script, DbProduct product) {
        List<Need> out = new ArrayList<>();
        switch (script) {
            case "am-3.0.0-to-3.1.0" -> {
                for (String t : List.of("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING")) {
                    out.add(new Need("CREATE", t, script));
                }
                out.add(new Need("ALTER", "AM_SYSTEM_APPS", script));
                // the foreign key of AM_SECURITY_AUDIT_UUID_MAPPING: MySQL 8.0.22+ checks REFERENCES, the others any
                boolean referencesOnly =
                        product.database() == DatabaseProduct.MYSQL && atLeast(product.version(), 8, 0, 22);
                out.add(new Need(
                        "REFERENCES",
                        "AM_API",
                        script,
                        referencesOnly ? List.of() : List.of("SELECT", "INSERT", "UPDATE", "DELETE")));
            }
            case "scope-binding-cleanup" -> {
                out.add(new Need("SELECT", "IDN_OAUTH2_SCOPE_BINDING", script));
                out.add(new Need("DELETE", "IDN_OAUTH2_SCOPE_BINDING", script));
            }
            case "registry-versioning-cleanup" -> {
                out.add(new Need("SELECT", "REG_RESOURCE", script));
                for (String t : REG_RESOURCE_LINKS) {
                    out.addAll(List.of(
                            new Need("SELECT", t, script),
                            new Need("UPDATE", t, script),
                            new Need("DELETE", t, script)));
                }
                for (String t : REG_LINKED) {
                    out.addAll(List.of(new Need("SELECT", t, script), new Need("DELETE", t, script)));
                }
            }
            case "reg-index" -> {
                out.add(new Need("CREATE TEMPORARY TABLES", "", script));
                out.add(new Need("SELECT", "REG_LOG", script));
                out.add(new Need("DELETE", "REG_LOG", script));
            }
            case "analytics-lastaccess-pk" -> out.add(new Need("ALTER", "APILASTACCESSSUMMARY", script));
            default -> throw new IllegalArgumentException("no privileges known for script " + script);
        }
        return out;
    }

    /** What the planned scripts on this datasource need and its grants on {@code database} do not give, in order. */
    public static List<Need> missing(
            DbProduct product, String database, Collection<?> scripts, Collection<?> privileges) {
        List<MysqlGrant> grants = grants(privileges);
        List<Need> out = new ArrayList<>();
        for (String script : scriptNames(scripts)) {
            for (Need n : needs(script, product)) {
                if (grants.stream().noneMatch(g -> n.metBy(g, database))) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** The planned scripts' names, sorted, from RunSqlScript actions. */
    public static List<String> scriptNames(Collection<?> actions) {
        Set<String> out = new TreeSet<>();
        for (Object o : actions) {
            if (o instanceof JustifiedAction a && a.params().containsKey("script")) {
                out.add(a.params().get("script"));
            }
        }
        return List.copyOf(out);
    }

    /** "DELETE on REG_LOG (reg-index), CREATE TEMPORARY TABLES on the database (reg-index)". */
    public static String phrase(List<Need> missing) {
        return String.join(", ", missing.stream().map(Need::phrase).toList());
    }

    /** One database-level GRANT of every missing privilege; the account is a placeholder, never read or printed. */
    public static String grantStatement(List<Need> missing, String database, String datasource) {
        Set<String> privileges = new LinkedHashSet<>();
        missing.forEach(n -> privileges.add(n.privilege()));
        return "GRANT " + String.join(", ", privileges) + " ON `" + database.replace("`", "``") + "`.* TO '<the "
                + datasource + " user>'@'<its host>';";
    }

    /** The roles granted to the user, whose own privileges SHOW GRANTS FOR CURRENT_USER() does not list. */
    public static String roles(Collection<?> privileges) {
        return String.join(
                ", ",
                new TreeSet<>(grants(privileges).stream()
                        .map(MysqlGrant::role)
                        .filter(r -> !r.isEmpty())
                        .toList()));
    }

    /**
     * The database a MariaDB/MySQL JDBC URL names (jdbc:mysql://host:3306/WSO2AM_DB?useSSL=false, several hosts or a
     * sub-protocol such as loadbalance: included), or "" when it names none.
     */
    public static String database(@Nullable String url) {
        if (url == null) {
            return "";
        }
        Matcher m = URL.matcher(url.trim());
        return m.find() ? m.group(1) : "";
    }

    /** The database named by the URL of the first [database.*] table or analytics datasource given, or "". */
    public static String databaseOf(Collection<?> sources) {
        for (Object o : sources) {
            String url =
                    o instanceof DatasourceConfig c ? c.url() : o instanceof AnalyticsDatasource a ? a.url() : null;
            if (!database(url).isEmpty()) {
                return database(url);
            }
        }
        return "";
    }

    private static List<MysqlGrant> grants(Collection<?> privileges) {
        List<MysqlGrant> out = new ArrayList<>();
        for (Object o : privileges) {
            if (o instanceof DbPrivilege p && p.granted()) {
                p.grant().ifPresent(out::add);
            }
        }
        return out;
    }

    /** Whether a product version ("8.0.35", "8.0.35-log") is at least major.minor.patch; unreadable counts as new. */
    static boolean atLeast(String version, int major, int minor, int patch) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            return true;
        }
        int[] seen = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        return java.util.Arrays.compare(seen, new int[] {major, minor, patch}) >= 0;
    }
}
