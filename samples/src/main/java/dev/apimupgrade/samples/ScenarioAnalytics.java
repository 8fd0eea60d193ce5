package dev.apimupgrade.samples;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API-M Analytics 3.0.0 home of a scenario: the sample's worker and dashboard deployment.yaml with
 * APIM_ANALYTICS_DB (and the dashboard's AM_DB) pointed at the scenario's server databases, the stock dashboard only.
 */
final class ScenarioAnalytics {
    /** A datasource block of the sample yaml: its H2 jdbcUrl naming {@code file}, then username, password, driver. */
    private static final String BLOCK = "(jdbcUrl: )(['\"])jdbc:h2:[^'\"]*/%s;[^'\"]*\\2(\\n\\s+username: )\\S+"
            + "(\\n\\s+password: )\\S+(\\n\\s+driverClassName: )org\\.h2\\.Driver";

    private ScenarioAnalytics() {}

    static void write(HomeWriter home, ScenarioDatasource statsDb, ScenarioDatasource amDb) {
        Map<String, String> values = Map.of(
                "version",
                "3.0.0",
                "stats_db",
                AnalyticsSample.STATS_DB_300,
                "apim_home",
                "apim-3.0.0",
                "analytics_db.password",
                "unused",
                "apim_db.password",
                "unused");
        String worker = Template.fill("templates/analytics-worker.yaml", values);
        String dashboard = Template.fill("templates/analytics-dashboard.yaml", values);
        home.text("conf/worker/deployment.yaml", point(worker, AnalyticsSample.STATS_DB_300, statsDb));
        home.text(
                "conf/dashboard/deployment.yaml",
                point(point(dashboard, AnalyticsSample.STATS_DB_300, statsDb), "WSO2AM_DB", amDb));
        home.text("updates/product.txt", "wso2am-analytics-3.0.0\n");
        home.text(
                AnalyticsSample.DASHBOARDS + "apimpublisher.json",
                AnalyticsSample.dashboard("apimpublisher", "API Publisher Analytics"));
    }

    /** The yaml with the datasource whose H2 file is {@code file} pointed at {@code target} instead. */
    private static String point(String yaml, String file, ScenarioDatasource target) {
        Matcher m = Pattern.compile(BLOCK.formatted(Pattern.quote(file))).matcher(yaml);
        if (!m.find()) {
            throw new IllegalStateException("the analytics yaml template has no H2 datasource for " + file);
        }
        String replaced = m.group(1) + "'" + target.url() + "'" + m.group(3) + target.username() + m.group(4) + "'"
                + target.password() + "'" + m.group(5) + target.driver();
        return yaml.substring(0, m.start()) + replaced + yaml.substring(m.end());
    }
}
