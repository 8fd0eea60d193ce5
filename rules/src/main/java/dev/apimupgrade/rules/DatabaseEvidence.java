package dev.apimupgrade.rules;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.RowCount;
import dev.apimupgrade.scan.db.RenderedUrl;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the rules that read a database need beyond matching: its thresholds as named constants, what each dialect's AM script expects
 * of AM_SYSTEM_APPS (docs/facts.md section 4), and the wording of why a database condition could not be decided.
 */
public final class DatabaseEvidence {
    /** The analytics worker's datasource, as its deployment.yaml and AnalyticsDatabase name it. */
    static final String ANALYTICS_DB = "APIM_ANALYTICS_DB";
    /** Identity tables at least this large have exhausted the connection pool during the identity migration. */
    public static final long LARGE_TABLE_ROWS = 100_000;
    /** Above this many REG_LOG rows, reg-index.sql needs a maintenance window of its own. */
    public static final long REG_LOG_WARN_ROWS = 1_000_000;
    /** A cautious rate for reg-index.sql (NOT IN deletes are slow on MySQL), not measured on the user's database. */
    static final long REG_LOG_ROWS_PER_SECOND = 5_000;

    private DatabaseEvidence() {}

    public static boolean isPostgres(DatasourceConfig c) {
        String type = c.type() == null ? "" : c.type().toLowerCase(Locale.ROOT);
        return type.startsWith("postgre") || DatabaseProduct.of(c.url()).orElse(null) == DatabaseProduct.POSTGRESQL;
    }

    /**
     * The fixed constraint name the AM 3.0.0 to 3.1.0 script drops for this product, or "" where the shipped
     * script does not depend on it: it fills in the name read from the database (H2, SQL Server), drops by column
     * (Oracle) or keeps the constraint (DB2).
     */
    public static String sysAppsDropName(DatabaseProduct database) {
        return switch (database) {
            case POSTGRESQL -> "am_system_apps_name_key";
            case MARIADB, MYSQL -> "NAME";
            case H2, ORACLE, SQLSERVER, DB2 -> "";
        };
    }

    public static boolean sameName(String expected, String actual) {
        return expected.equalsIgnoreCase(actual);
    }

    /** " (read through plain JDBC metadata: ...untested...)" for Oracle, SQL Server and DB2, "" for tested products. */
    public static String untested(DbProduct product) {
        return product.untested().isEmpty() ? "" : " (" + product.untested() + ")";
    }

    public static long total(List<RowCount> counts) {
        return counts.stream().mapToLong(RowCount::count).sum();
    }

    /**
     * What the versioning clean-up meets: versioned rows, and the rows it deletes from REG_RESOURCE_* (those whose
     * REG_VERSION no REG_RESOURCE row has, which includes rows written without versioning) and orphaned REG_TAG etc.
     */
    public static String cleanupSummary(List<RowCount> versioned, List<RowCount> deletes) {
        long v = total(versioned);
        long links = total(deletes.stream()
                .filter(c -> c.table().startsWith("REG_RESOURCE_"))
                .toList());
        long orphans = total(deletes) - links;
        String text = "The registry holds " + v + " versioned rows (REG_PATH_ID NULL); the clean-up script would"
                + " delete " + links + " REG_RESOURCE_* rows and " + orphans
                + " orphaned REG_TAG/REG_COMMENT/REG_PROPERTY/REG_RATING rows.";
        return links > v
                ? text + " " + (links - v) + " of the deleted REG_RESOURCE_* rows are not versioned ones"
                        + " (their REG_VERSION matches no REG_RESOURCE row): check them before running it."
                : text;
    }

    /** "about 50 s" for reg-index.sql on this many REG_LOG rows (a rough rate, said to be rough). */
    public static String regIndexEstimate(long rows) {
        long seconds = Math.max(1, rows / REG_LOG_ROWS_PER_SECOND);
        return seconds < 120 ? "about " + seconds + " s" : "about " + (seconds / 60) + " min";
    }

    /** The product a datasource URL names as the server renders it ("ORACLE", "POSTGRESQL"), or "" for none known. */
    public static String urlKind(String url) {
        return DatabaseProduct.of(RenderedUrl.of(url)).map(Enum::name).orElse("");
    }

    /** Why one datasource was not read: its scan's reason, or that no database was read at all. */
    public static String notRead(List<DatabaseScan> scans) {
        return scans.isEmpty() ? "no database was read" : scans.get(0).reason();
    }

    /** Why a table the condition needs was not observed: databases not read, some not read, or none holds it. */
    public static String missing(String table, List<DatabaseScan> scans) {
        if (scans.isEmpty()) {
            return "The databases were not read (no datasource was scanned), so " + table + " could not be checked.";
        }
        List<DatabaseScan> unread = scans.stream().filter(s -> !s.scanned()).toList();
        if (unread.isEmpty()) {
            return table + " was not found in any datasource read (" + names(scans) + ").";
        }
        return table + " was not found in the datasources read; not read: "
                + unread.stream()
                        .map(s -> s.datasource() + " (" + s.reason() + ")")
                        .collect(Collectors.joining("; "))
                + ".";
    }

    /**
     * The analytics variant, saying what was read: APIM_ANALYTICS_DB read without the table (the 3.0.0 worker creates
     * APILASTACCESSSUMMARY when it first summarises API access), APIM_ANALYTICS_DB not read and why, an analytics
     * home given that names no readable APIM_ANALYTICS_DB, or no analytics home given (then --old-analytics helps).
     */
    public static String missingAnalytics(List<DatabaseScan> scans, List<?> oldAnalyticsHomes) {
        List<DatabaseScan> analytics =
                scans.stream().filter(s -> s.datasource().equals(ANALYTICS_DB)).toList();
        if (analytics.stream().anyMatch(DatabaseScan::scanned)) {
            return ANALYTICS_DB + " was read ("
                    + analytics.stream()
                            .filter(DatabaseScan::scanned)
                            .findFirst()
                            .orElseThrow()
                            .product() + ") and has no APILASTACCESSSUMMARY table yet: the 3.0.0 analytics"
                    + " worker creates it when it first summarises API access, so there is no key to check until"
                    + " then; assess again once it exists.";
        }
        if (!analytics.isEmpty()) {
            return ANALYTICS_DB + " of the 3.0.0 analytics home was not read ("
                    + analytics.get(0).reason() + "), so APILASTACCESSSUMMARY could not be checked.";
        }
        if (!oldAnalyticsHomes.isEmpty()) {
            return "The 3.0.0 analytics home given with --old-analytics names no " + ANALYTICS_DB + " in its worker"
                    + " deployment.yaml that could be read: " + missing("APILASTACCESSSUMMARY", scans);
        }
        return "The analytics database is not configured (give the 3.0.0 analytics home with --old-analytics, whose"
                + " worker deployment.yaml names " + ANALYTICS_DB + ") or was not read: "
                + missing("APILASTACCESSSUMMARY", scans);
    }

    private static String names(List<DatabaseScan> scans) {
        return scans.stream().map(DatabaseScan::datasource).collect(Collectors.joining(", "));
    }
}
