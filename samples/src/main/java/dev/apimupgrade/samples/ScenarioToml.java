package dev.apimupgrade.samples;

import java.util.List;
import java.util.Map;

/**
 * The deployment.toml of a scenario home: the default sample's text (stock 3.0.0 with planted database passwords)
 * with the scenario's tables swapped in, so each scenario differs from stock only where it means to.
 */
final class ScenarioToml {
    private static final String KEY_MANAGER_COMMENTED = "#[apim.key_manager]\n"
            + "#service_url = \"https://localhost:${mgt.transport.https.port}/services/\"\n"
            + "#username = \"$ref{super_admin.username}\"\n"
            + "#password = \"$ref{super_admin.password}\"\n";
    private static final String ANALYTICS_COMMENTED = "#[apim.analytics]\n"
            + "#enable = false\n"
            + "#store_api_url = \"https://localhost:7444\"\n"
            + "#username = \"$ref{super_admin.username}\"\n"
            + "#password = \"$ref{super_admin.password}\"\n";

    private ScenarioToml() {}

    static String of(Scenario scenario, List<ScenarioDatasource> datasources) {
        String toml = Template.fill("templates/deployment-3.0.0-default.toml", Pack.secrets("default"));
        switch (scenario) {
            case VERSIONING_ON ->
                toml = toml + "\n# Keep every version of registry resources (renders all four"
                        + " versioning flags of registry.xml true).\n[registry.static_configuration]\nenable = true\n";
            case POSTGRESQL ->
                toml = replace(
                        withDatasources(toml, datasources),
                        "[user_store]\ntype = \"database\"\n",
                        "[user_store]\ntype = \"database\"\n\n[realm_manager]\ndata_source = \"WSO2USER_DB\"\n");
            case MARIADB_ANALYTICS ->
                toml = replace(
                        withDatasources(toml, datasources),
                        ANALYTICS_COMMENTED,
                        "[apim.analytics]\nenable = true\nstore_api_url = \"https://localhost:7444\"\n"
                                + "username = \"$ref{super_admin.username}\"\npassword = \"$ref{super_admin.password}\"\n");
            case IS_KEY_MANAGER, IS_KEY_MANAGER_UNANSWERED ->
                toml = replace(
                        toml,
                        KEY_MANAGER_COMMENTED,
                        "# WSO2 Identity Server 5.9.0 on its own host is the Key Manager.\n[apim.key_manager]\n"
                                + "service_url = \"https://is.example.internal:9444/services/\"\n"
                                + "username = \"$ref{super_admin.username}\"\npassword = \"$ref{super_admin.password}\"\n");
            default -> {
                // STOCK and MULTI_TENANT keep the default text: tenants and jars are files, not settings
            }
        }
        return toml;
    }

    /** The default apim_db and shared_db tables replaced by the scenario's, its other tables added after them. */
    private static String withDatasources(String toml, List<ScenarioDatasource> datasources) {
        Map<String, String> defaults = Map.of("apim_db", table(toml, "apim_db"), "shared_db", table(toml, "shared_db"));
        String out = toml.replace(defaults.get("shared_db"), "@@SHARED@@").replace(defaults.get("apim_db"), "");
        StringBuilder tables = new StringBuilder();
        for (ScenarioDatasource d : datasources) {
            if (!d.name().equals(Scenario.ANALYTICS_DB)) {
                tables.append(d.toml()).append('\n');
            }
        }
        return out.replace("@@SHARED@@", tables.toString());
    }

    /** The [database.NAME] table of the default text with the blank line after it. */
    private static String table(String toml, String name) {
        int start = toml.indexOf("[database." + name + "]\n");
        int end = toml.indexOf("\n\n", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the default deployment.toml has no [database." + name + "] table");
        }
        return toml.substring(start, end + 2);
    }

    private static String replace(String toml, String stock, String replacement) {
        if (!toml.contains(stock)) {
            throw new IllegalStateException("the default deployment.toml no longer contains: " + stock);
        }
        return toml.replace(stock, replacement);
    }
}
