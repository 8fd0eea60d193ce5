package dev.apimupgrade.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of the files a stock pack ships in synapse-configs/default and executionplans, written for the samples
 * (the GA bytes may not be copied into the project). What the scanners need holds all the same: the files that are
 * identical in the GA 3.0.0 and 3.1.0 packs are identical here, WorkflowCallbackService.xml differs only in the admin
 * REST API version, and SecureWebSocketInboundEndpoint.xml loses its trust store parameters in 3.1.0.
 */
final class StockContent {
    static final String SYNAPSE_DIR = "repository/deployment/server/synapse-configs/default";
    static final String PLANS_DIR = "repository/deployment/server/executionplans";
    static final String WORKFLOW_CALLBACK = "proxy-services/WorkflowCallbackService.xml";
    static final String SECURE_WEBSOCKET = "inbound-endpoints/SecureWebSocketInboundEndpoint.xml";
    static final String MAIN = "sequences/main.xml";
    static final List<String> SEQUENCES = List.of(
            "_auth_failure_handler_",
            "_build_",
            "_cors_request_handler_",
            "_graphql_failure_handler_",
            "_production_key_error_",
            "_resource_mismatch_handler_",
            "_sandbox_key_error_",
            "_threat_fault_",
            "_throttle_out_handler_",
            "_token_fault_",
            "dispatchSeq",
            "fault",
            "main",
            "outDispatchSeq");
    /** The stock synapse files, relative to synapse-configs/default (docs/facts.md section 8). */
    static final List<String> SYNAPSE_PATHS = synapsePaths();

    private StockContent() {}

    private static List<String> synapsePaths() {
        List<String> paths = new ArrayList<>();
        for (String api : List.of("_AuthorizeAPI_", "_OpenService_", "_RevokeAPI_", "_TokenAPI_", "_UserInfoAPI_")) {
            paths.add("api/" + api + ".xml");
        }
        paths.add(SECURE_WEBSOCKET);
        paths.add("inbound-endpoints/WebSocketInboundEndpoint.xml");
        paths.add(WORKFLOW_CALLBACK);
        paths.add("registry.xml");
        for (String sequence : SEQUENCES) {
            paths.add("sequences/" + sequence + ".xml");
        }
        paths.add("synapse.xml");
        return List.copyOf(paths);
    }

    /** The stock text of one synapse file of a 3.0.0 pack. */
    static String synapse300(String path) {
        return Template.text("synapse/" + path);
    }

    /** The stock text of one synapse file of a 3.1.0 pack. */
    static String synapse310(String path) {
        String text = synapse300(path);
        if (path.equals(WORKFLOW_CALLBACK)) {
            return text.replace("/api/am/admin/v0.15/", "/api/am/admin/v0.16/");
        }
        if (path.equals(SECURE_WEBSOCKET)) {
            return text.replaceAll("(?m)^ *<parameter name=\"wss\\.ssl\\.trust\\.store\\.(file|pass)\">.*\\R", "")
                    .replace(
                            "    </parameters>",
                            "        <parameter name=\"wss.ssl.protocols\">TLSv1.1,TLSv1.2</parameter>\n    </parameters>");
        }
        return text;
    }

    /** Stock synapse files of a pack of {@code version}, relative path -> text, leaving out {@code omitted}. */
    static Map<String, String> synapse(String version, List<String> omitted) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : SYNAPSE_PATHS) {
            if (!omitted.contains(path)) {
                files.put(path, version.equals("3.1.0") ? synapse310(path) : synapse300(path));
            }
        }
        return files;
    }

    /** The 11 stock execution plans (the same in 3.0.0 and 3.1.0), file name -> text. */
    static Map<String, String> executionPlans() {
        Map<String, String> plans = new LinkedHashMap<>();
        String preProcessor = "RequestPreProcessorExecutionPlan.siddhiql";
        plans.put(preProcessor, Template.text("templates/" + preProcessor));
        for (int perMin : new int[] {10, 20, 50}) {
            plans.put("carbon.super_app_" + perMin + "PerMin.siddhiql", appPolicy(perMin + "PerMin", perMin));
        }
        for (String name : List.of("10KPerMin_default", "20KPerMin_default", "50KPerMin_defualt")) {
            int limit = Integer.parseInt(name.substring(0, 2)) * 1000;
            plans.put(
                    "carbon.super_resource_" + name + ".siddhiql",
                    policy(
                            "carbon.super_resource_" + name,
                            "Allows " + limit + " requests per minute to a resource",
                            "resourceTier == '" + name.substring(0, name.indexOf('_')) + "'",
                            "resourceKey",
                            "1 min",
                            limit));
        }
        Map<String, Integer> tiers =
                new java.util.TreeMap<>(Map.of("Bronze", 1000, "Gold", 5000, "Silver", 2000, "Unauthenticated", 500));
        for (Map.Entry<String, Integer> t : tiers.entrySet()) {
            String tier = t.getKey();
            plans.put(
                    "carbon.super_sub_" + tier + ".siddhiql",
                    policy(
                            "carbon.super_sub_" + tier,
                            "Allows " + t.getValue() + " requests per minute to a subscription",
                            "subscriptionTier == '" + tier + "'",
                            "subscriptionKey",
                            "1 min",
                            t.getValue()));
        }
        return plans;
    }

    /** An application throttle policy of the super tenant, as the Admin Portal deploys one. */
    static String appPolicy(String tier, int perMinute) {
        return policy(
                "carbon.super_app_" + tier,
                "Allows " + perMinute + " requests per minute",
                "appTenant == 'carbon.super' and appTier == '" + tier + "'",
                "appKey",
                "1 min",
                perMinute);
    }

    static String policy(String name, String description, String eligible, String key, String window, int limit) {
        return Template.fillText(
                name,
                Template.text("templates/throttle-policy.siddhiql"),
                Map.of(
                        "name",
                        name,
                        "description",
                        description,
                        "eligible",
                        eligible,
                        "key",
                        key,
                        "window",
                        window,
                        "limit",
                        String.valueOf(limit)));
    }
}
