package dev.apimupgrade.samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts every sample home has, written the way a 3.0.0 or 3.1.0 pack lays them out. */
final class Pack {
    static final String CONF = "repository/conf/";
    static final String SECURITY = "repository/resources/security/";
    static final String COMPONENTS = "repository/components/";
    /** carbon-apimgt bundle version per product version (docs/facts.md section 1). */
    static final Map<String, String> APIMGT = Map.of("3.0.0", "6.5.349", "3.1.0", "6.6.163");

    private Pack() {}

    /** The value under {@code key}, which the sample's own resources define: a missing one is a bug of the samples. */
    static <T> T required(Map<String, T> values, String key) {
        T value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("the samples define no " + key);
        }
        return value;
    }

    /** The planted secrets of one sample, under their full names and without the sample prefix. */
    static Map<String, String> secrets(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        Samples.plantedSecrets().forEach((name, value) -> {
            values.put(name, value);
            if (name.startsWith(prefix + ".")) {
                values.put(name.substring(prefix.length() + 1), value);
            }
        });
        return values;
    }

    /** carbon.xml and registry.xml as the server rendered them at its last start. */
    static void renderedConf(
            HomeWriter home,
            String version,
            String hostname,
            String truststore,
            boolean versionProperties,
            boolean versionTags) {
        home.text(
                CONF + "carbon.xml",
                Template.fill(
                        "templates/carbon.xml",
                        Map.of(
                                "version",
                                version,
                                "hostname",
                                hostname,
                                "keystore",
                                "wso2carbon.jks",
                                "truststore",
                                truststore)));
        home.text(
                CONF + "registry.xml",
                Template.fill(
                        "templates/registry.xml",
                        Map.of(
                                "versioningProperties",
                                String.valueOf(versionProperties),
                                "versioningComments",
                                "false",
                                "versioningTags",
                                String.valueOf(versionTags),
                                "versioningRatings",
                                "false")));
    }

    /** The carbon-apimgt implementation bundle in plugins, which tells the product version. */
    static void plugins(HomeWriter home, String version) {
        String bundle = required(APIMGT, version);
        home.bytes(
                COMPONENTS + "plugins/org.wso2.carbon.apimgt.impl_" + bundle + ".jar",
                Jars.bundle(
                        "org.wso2.carbon.apimgt.impl", bundle, "org.wso2.carbon.registry.core;version=\"[1.0,2.0)\""));
    }

    /** A few of the jars a stock pack ships in dropins and lib (those the stock list names). */
    static void stockJars(HomeWriter home, String version) {
        boolean v300 = version.equals("3.0.0");
        String jwt = v300 ? "1.0.23" : "1.0.26";
        String oidc = v300 ? "5.3.2" : "5.5.0";
        home.bytes(
                COMPONENTS + "dropins/org.wso2.carbon.identity.oauth2.grant.jwt-" + jwt + ".jar",
                Jars.bundle(
                        "org.wso2.carbon.identity.oauth2.grant.jwt",
                        jwt,
                        "org.wso2.carbon.identity.oauth2.token.handlers.grant"));
        home.bytes(
                COMPONENTS + "dropins/org.wso2.carbon.identity.application.authenticator.oidc-" + oidc + ".jar",
                Jars.bundle(
                        "org.wso2.carbon.identity.application.authenticator.oidc",
                        oidc,
                        "org.wso2.carbon.identity.application.authentication.framework"));
        for (String[] lib : List.of(
                new String[] {"httpmime", "4.3.6"},
                new String[] {"encoder", "1.1"},
                new String[] {"aspectjweaver", "1.8.7"},
                new String[] {"org.wso2.securevault", "1.1.3"},
                new String[] {"andes-client", "3.2.81"},
                new String[] {"javax.jms-api", "2.0.1"})) {
            home.bytes(COMPONENTS + "lib/" + lib[0] + "-" + lib[1] + ".jar", Jars.library(lib[0], lib[1]));
        }
    }

    /** The stock synapse files of the super tenant and the stock execution plans. */
    static void stockDeployment(HomeWriter home, String version, List<String> omitted) {
        home.texts(StockContent.SYNAPSE_DIR, StockContent.synapse(version, omitted));
        home.texts(StockContent.PLANS_DIR, StockContent.executionPlans());
    }

    /** WUM update metadata: updates/product.txt and one update-level file listing the updates applied. */
    static void wum(HomeWriter home, String version, long level, List<String> updates) {
        home.text("updates/product.txt", "wso2am-" + version + "\n");
        StringBuilder summary = new StringBuilder("# WUM update level " + level + " (apim-upgrade sample)\n")
                .append("product: wso2am-")
                .append(version)
                .append("\nupdates:\n");
        updates.forEach(u -> summary.append("- \"").append(u).append("\"\n"));
        home.text("updates/wum/" + level, summary.toString());
    }
}
