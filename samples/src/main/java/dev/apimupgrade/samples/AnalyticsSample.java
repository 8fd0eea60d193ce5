package dev.apimupgrade.samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API-M Analytics homes of the custom sample: apim-analytics-3.0.0-custom (worker and dashboard deployment.yaml,
 * APIM_ANALYTICS_DB as an H2 file with the 3.0.0 primary key, a NULL APIVERSION row and rows that differ only in
 * case, one custom dashboard and one custom widget) and apim-analytics-3.1.0 (the stock, WUM-updated target, still on its own H2 files).
 */
final class AnalyticsSample {
    /** 2020-05-28T10:54:49.530Z, as WUM names an update level. */
    static final long WUM_LEVEL = 1590663289530L;

    static final String DASHBOARDS = "wso2/dashboard/resources/dashboards/";
    static final String WORKER_DATABASE = "wso2/worker/database";
    static final String WIDGETS = "wso2/dashboard/deployment/web-ui-apps/analytics-dashboard/extensions/widgets/";
    /** A widget both packs carry, standing in for the shipped ones, and the sample's own. */
    static final String SHIPPED_WIDGET = "APIMApiUsage";

    static final String CUSTOM_WIDGET = "PartnerSlaWidget";
    /** The 3.0.0 worker's file name of APIM_ANALYTICS_DB (3.1.0 names it APIM_ANALYTICS_DB). */
    static final String STATS_DB_300 = "WSO2AM_STATS_DB";

    private AnalyticsSample() {}

    static void writeCustom(HomeWriter home) {
        Map<String, String> values = values(
                "3.0.0",
                STATS_DB_300,
                Samples.CUSTOM,
                Samples.plantedSecret("custom.analytics_db.password"),
                Samples.plantedSecret("custom.apim_db.password"));
        home.text("conf/worker/deployment.yaml", Template.fill("templates/analytics-worker.yaml", values));
        home.text("conf/dashboard/deployment.yaml", Template.fill("templates/analytics-dashboard.yaml", values));
        home.text("updates/product.txt", "wso2am-analytics-3.0.0\n");
        home.text(DASHBOARDS + "apimpublisher.json", dashboard("apimpublisher", "API Publisher Analytics"));
        home.text(DASHBOARDS + "partner-sla.json", dashboard("partner-sla", "Partner SLA"));
        home.text(WIDGETS + SHIPPED_WIDGET + "/widgetConf.json", widget(SHIPPED_WIDGET));
        home.text(WIDGETS + CUSTOM_WIDGET + "/widgetConf.json", widget(CUSTOM_WIDGET));
        H2Databases.create(
                home.root(),
                WORKER_DATABASE,
                STATS_DB_300,
                Pack.required(values, "analytics_db.password"),
                values,
                "ddl/analytics-3.0.0.sql",
                "seed/analytics-custom.sql");
    }

    static void writeTarget(HomeWriter home) {
        Map<String, String> values = values(
                "3.1.0", "APIM_ANALYTICS_DB", Samples.TARGET, Keystores.DEFAULT_PASSWORD, Keystores.DEFAULT_PASSWORD);
        home.text("conf/worker/deployment.yaml", Template.fill("templates/analytics-worker.yaml", values));
        home.text("conf/dashboard/deployment.yaml", Template.fill("templates/analytics-dashboard.yaml", values));
        home.text(DASHBOARDS + "apimpublisher.json", dashboard("apimpublisher", "API Publisher Analytics"));
        home.text(WIDGETS + SHIPPED_WIDGET + "/widgetConf.json", widget(SHIPPED_WIDGET));
        Pack.wum(home, "analytics-3.1.0", WUM_LEVEL, List.of("0003", "0009"));
    }

    private static Map<String, String> values(
            String version, String statsDb, String apimHome, String statsPassword, String amPassword) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", version);
        values.put("stats_db", statsDb);
        values.put("apim_home", apimHome);
        values.put("analytics_db.password", statsPassword);
        values.put("apim_db.password", amPassword);
        return values;
    }

    /** A portal widget's configuration, reduced to its identity. */
    private static String widget(String name) {
        return "{\n  \"name\": \"" + name + "\",\n  \"id\": \"" + name + "\",\n  \"thumbnailURL\": \"\",\n"
                + "  \"configs\": {\"pubsub\": {\"types\": [\"subscriber\"]}}\n}\n";
    }

    /** A dashboard definition as the portal exports it, reduced to its identity and one page. */
    static String dashboard(String url, String name) {
        return "{\n  \"url\": \"" + url + "\",\n  \"name\": \"" + name + "\",\n  \"version\": \"1.0.0\",\n"
                + "  \"description\": \"apim-upgrade sample dashboard\",\n  \"landingPage\": \"home\",\n"
                + "  \"pages\": [{\"id\": \"home\", \"name\": \"Home\", \"content\": []}]\n}\n";
    }
}
