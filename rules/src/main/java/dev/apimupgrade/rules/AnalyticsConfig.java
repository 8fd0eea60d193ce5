package dev.apimupgrade.rules;

import dev.apimupgrade.fact.AnalyticsDatasource;
import dev.apimupgrade.fact.AnalyticsJar;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Step 3.2 asks of the analytics deployment.yaml files: which datasources must point at the old databases
 * (APIM_ANALYTICS_DB in both profiles, AM_DB in the dashboard), when a new one does not, and whether a jar of the
 * analytics lib or dropins folder is an OSGi bundle of the driver a datasource needs.
 */
public final class AnalyticsConfig {
    /** profile/name of the datasources the guide names (Step 3.2, items 2 and 3). */
    private static final Set<String> GUIDE_DATASOURCES =
            Set.of("dashboard/APIM_ANALYTICS_DB", "dashboard/AM_DB", "worker/APIM_ANALYTICS_DB");
    /** Words a converted driver bundle's symbolic name carries (jartobundle names it after the jar). */
    private static final Map<String, Set<String>> BUNDLE_WORDS = Map.of(
            "mysql",
            Set.of("mysql", "mariadb"),
            "postgre",
            Set.of("postgresql"),
            "mssql",
            Set.of("mssql", "sqlserver"),
            "oracle",
            Set.of("ojdbc", "oracle"),
            "db2",
            Set.of("db2"));

    private AnalyticsConfig() {}

    public static boolean guideNamed(String profile, String name) {
        return GUIDE_DATASOURCES.contains(profile + "/" + name);
    }

    /**
     * True when the new datasource does not reach the old database: another URL, or an H2 file under the analytics
     * home (${sys:carbon.home}), which in the new home names the new home's own, empty database.
     */
    public static boolean pointsElsewhere(String oldUrl, String newUrl) {
        return !oldUrl.equals(newUrl) || isHomeRelativeH2(newUrl);
    }

    public static boolean isHomeRelativeH2(String url) {
        return Datasources.isH2Url(url)
                && (url.contains("${sys:carbon.home}")
                        || url.contains("${carbon.home}")
                        || Datasources.isHomeRelativeH2(url));
    }

    /**
     * The URL the new yaml must carry to reach the old database: the old one, with an H2 file under the old analytics
     * home spelled from that home (copied verbatim, ${sys:carbon.home} would name the new home's file).
     */
    public static String urlForNewHome(String oldUrl) {
        return oldUrl.replace("${sys:carbon.home}", "<3.0.0 analytics home>")
                .replace("${carbon.home}", "<3.0.0 analytics home>");
    }

    public static boolean isH2(AnalyticsDatasource d) {
        return Datasources.isH2(d.driverClassName(), d.url());
    }

    /** True when the jar is an OSGi bundle that registers, or is named after, the driver the datasource needs. */
    public static boolean servesAsBundle(AnalyticsJar jar, AnalyticsDatasource d) {
        if (!jar.osgiBundle()) {
            return false;
        }
        if (Datasources.drives("", d.url(), jar.jdbcDriverClass())) {
            return true;
        }
        String symbolic = jar.symbolicName().toLowerCase(Locale.ROOT);
        return BUNDLE_WORDS.getOrDefault(Datasources.kind("", d.url()), Set.of()).stream()
                .anyMatch(symbolic::contains);
    }

    /** "dashboard APIM_ANALYTICS_DB" as a message names a datasource. */
    public static String label(AnalyticsDatasource d) {
        return d.profile() + " " + d.name();
    }
}
