package dev.apimupgrade.rules;

import dev.apimupgrade.scan.db.H2Url;
import dev.apimupgrade.scan.db.RenderedUrl;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the guide and the JDBC drivers say about a [database.*] table's type: its kind, the driver classes that serve
 * it, the guide's driver and validationQuery values, and whether an H2 URL is relative to the home it is read in.
 */
public final class Datasources {
    private static final Map<String, List<String>> DRIVERS = Map.of(
            "mysql", List.of("com.mysql.jdbc.Driver", "com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver"),
            "postgre", List.of("org.postgresql.Driver"),
            "mssql", List.of("com.microsoft.sqlserver.jdbc.SQLServerDriver"),
            "oracle", List.of("oracle.jdbc.OracleDriver", "oracle.jdbc.driver.OracleDriver"),
            "db2", List.of("com.ibm.db2.jcc.DB2Driver"),
            "h2", List.of("org.h2.Driver"));
    /** JDBC subprotocols and type spellings, each with the kind it names. */
    private static final Map<String, String> ALIASES = Map.of(
            "h2",
            "h2",
            "mysql",
            "mysql",
            "mariadb",
            "mysql",
            "postgresql",
            "postgre",
            "postgre",
            "postgre",
            "sqlserver",
            "mssql",
            "mssql",
            "mssql",
            "oracle",
            "oracle",
            "db2",
            "db2");
    /** Step 1.3 "If you are using another DB type": driver and validationQuery per type. */
    private static final Map<String, List<String>> GUIDE_PARAMS = Map.of(
            "postgre", List.of("org.postgresql.Driver", "SELECT 1"),
            "mssql", List.of("com.microsoft.sqlserver.jdbc.SQLServerDriver", "SELECT 1"),
            "db2", List.of("com.ibm.db2.jcc.DB2Driver", "SELECT 1 FROM SYSIBM.SYSDUMMY1"));

    private Datasources() {}

    /**
     * The kind of a datasource (h2, mysql, postgre, mssql, oracle, db2, or "other"): from the URL's JDBC subprotocol,
     * else from the type. The URL decides because real configurations carry type = "mysql" with a PostgreSQL URL
     * (the testing-tool deployment.toml files do), and the driver that must be present follows the URL.
     */
    public static String kind(String type, String url) {
        String fromUrl =
                kindOf(url == null ? "" : url.trim().toLowerCase(Locale.ROOT).replaceFirst("^jdbc:", ""));
        if (!fromUrl.equals("other")) {
            return fromUrl;
        }
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        return DRIVERS.containsKey(t) ? t : kindOf(t + ":");
    }

    /** The kind named by a JDBC subprotocol ("postgresql:..." or a type followed by ':'). */
    private static String kindOf(String subprotocol) {
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            if (subprotocol.startsWith(alias.getKey() + ":")) {
                return alias.getValue();
            }
        }
        return "other";
    }

    /**
     * The keys of a [database.*] table that 3.x reads (3.1.0 master-datasources.xml.j2 lines 125-131: url, username,
     * password, driver, validationQuery and every pool_options key; kernel infer.json "database.$1.type": type, and
     * hostname, port, name and sid through the URL it infers). The 3.0.0 template reads the same ones.
     */
    private static final java.util.Set<String> READ_KEYS = java.util.Set.of(
            "type",
            "url",
            "username",
            "password",
            "driver",
            "validationQuery",
            "hostname",
            "port",
            "name",
            "sid",
            "pool_options");

    /**
     * The keys of a carried [database.NAME] table (its TomlSettings) that 3.1.0 does not read, relative to the table
     * and comma-separated ("driverClassName"): the carried table leaves them out and the runbook says so.
     */
    public static String unreadKeys(List<?> settings) {
        return settings.stream()
                .map(dev.apimupgrade.fact.TomlSetting.class::cast)
                .map(t -> t.key().split("\\.", 3))
                .filter(k -> k.length == 3)
                .map(k -> k[2])
                .filter(k -> !READ_KEYS.contains(k.split("\\.", 2)[0]))
                .sorted()
                .distinct()
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** kernel infer.json "database.$1.type": the driver 3.x fills in for a type when the table gives none. */
    private static final Map<String, String> INFERRED_DRIVER = Map.of(
            "mysql",
            "com.mysql.jdbc.Driver",
            "oracle",
            "oracle.jdbc.OracleDriver",
            "mssql",
            "com.microsoft.sqlserver.jdbc.SQLServerDriver",
            "db2",
            "com.ibm.db2.jcc.DB2Driver",
            "postgre",
            "org.postgresql.Driver",
            "h2",
            "org.h2.Driver");

    /** Whether a table's type and its URL name two different known databases (type "mysql", jdbc:postgresql:). */
    public static boolean typeContradictsUrl(String type, String url) {
        String byType = kind(type, "");
        String byUrl = kind("", url);
        return !isBlank(type) && !byType.equals("other") && !byUrl.equals("other") && !byType.equals(byUrl);
    }

    /** The driver 3.x infers from a type when the table gives none, or "" for a type infer.json does not list. */
    public static String inferredDriver(String type) {
        return INFERRED_DRIVER.getOrDefault(kind(type, ""), "");
    }

    /**
     * Whether two configured URLs reach the same database as the server renders them: "?a=1&amp;amp;b=2" and
     * "?a=1&amp;b=2" are the same URL once the XML they are rendered into is parsed.
     */
    public static boolean sameUrl(String a, String b) {
        return java.util.Objects.equals(RenderedUrl.of(a), RenderedUrl.of(b));
    }

    public static boolean isH2(String type, String url) {
        return kind(type, url).equals("h2");
    }

    /** The guide gives no H2 scripts, so an H2 URL is what marks an embedded database in use. */
    public static boolean isH2Url(String url) {
        return H2Url.parse(url).isPresent();
    }

    /** True when a jar's declared driver class serves a datasource of this type and URL. */
    public static boolean drives(String type, String url, String driverClass) {
        return driverClass != null
                && !driverClass.isEmpty()
                && DRIVERS.getOrDefault(kind(type, url), List.of()).contains(driverClass);
    }

    /** True when two driver classes serve the same kind of database (com.mysql.jdbc.Driver and the MariaDB one, say). */
    public static boolean sameKind(String driverClass, String otherClass) {
        return DRIVERS.values().stream().anyMatch(l -> l.contains(driverClass) && l.contains(otherClass));
    }

    /** True for the types the guide says need driver and validationQuery (other than MySQL and Oracle; H2 is ours). */
    public static boolean needsDriverParams(String type, String url) {
        return GUIDE_PARAMS.containsKey(kind(type, url));
    }

    public static String guideDriver(String type, String url) {
        return GUIDE_PARAMS.getOrDefault(kind(type, url), List.of("", "")).get(0);
    }

    public static String guideValidationQuery(String type, String url) {
        return GUIDE_PARAMS.getOrDefault(kind(type, url), List.of("", "")).get(1);
    }

    /**
     * True for an H2 file URL that resolves inside the home reading it (./..., a bare path, or ${carbon.home}): the
     * same text in the new home's deployment.toml points at the new home's own, empty database.
     */
    public static boolean isHomeRelativeH2(String url) {
        return H2Url.parse(url).map(H2Url::homeRelative).orElse(false);
    }

    /**
     * True for an H2 database file (relative or absolute, not an H2 server, memory or archive URL): a database only
     * the server of this node opens, never one shared with other nodes.
     */
    public static boolean isNodeLocalH2(String url) {
        return H2Url.parse(url).map(H2Url::isFile).orElse(false);
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
