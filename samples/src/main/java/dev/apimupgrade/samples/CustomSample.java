package dev.apimupgrade.samples;

import java.util.List;
import java.util.Map;

/**
 * apim-3.0.0-custom: a customised, WUM-updated 3.0.0 installation with every file-visible customisation the guide
 * cares about (samples/README.md): registry versioning on, two tenants with synapse
 * configurations, published APIs, custom dropins and lib jars, an edited main.xml, a custom throttle policy, a renamed
 * trust store with its own password and a partner certificate expiring 2026-12-10, Secure Vault secrets, analytics on
 * and a separate user-management database.
 */
final class CustomSample {
    /** 2020-03-03T08:00:00Z, as WUM names an update level. */
    static final long WUM_LEVEL = 1583222400000L;

    static final String CUSTOM_PLAN = "carbon.super_custom_10PerMin.siddhiql";
    static final String TENANTS = "repository/tenants/";

    private CustomSample() {}

    static void write(HomeWriter home, Keystores.Made keystores) {
        Map<String, String> secrets = Pack.secrets("custom");
        home.text(Pack.CONF + "deployment.toml", Template.fill("templates/deployment-3.0.0-custom.toml", secrets));
        Pack.renderedConf(home, "3.0.0", "apim.example.internal", "my-truststore.jks", true, true);
        Pack.plugins(home, "3.0.0");
        Pack.stockJars(home, "3.0.0");
        Pack.wum(home, "3.0.0", WUM_LEVEL, List.of("0002", "0007"));
        customJars(home);
        synapse(home);
        home.copy(keystores.wso2carbon(), Pack.SECURITY + "wso2carbon.jks");
        home.copy(keystores.customTruststore(), Pack.SECURITY + "my-truststore.jks");
        H2Databases.create(
                home.root(),
                "WSO2AM_DB",
                Pack.required(secrets, "apim_db.password"),
                secrets,
                "schema/apimgt-3.0.0.txt",
                "seed/am-common.sql",
                "seed/am-custom.sql");
        H2Databases.create(
                home.root(),
                "WSO2SHARED_DB",
                Pack.required(secrets, "shared_db.password"),
                secrets,
                "schema/kernel-3.0.0.txt",
                "seed/reg-custom.sql");
        H2Databases.create(
                home.root(),
                "WSO2USER_DB",
                Pack.required(secrets, "user_db.password"),
                secrets,
                "schema/kernel-3.0.0.txt",
                "seed/um-custom.sql");
        H2Databases.create(
                home.root(), "WSO2CARBON_DB", Keystores.DEFAULT_PASSWORD, secrets, "schema/kernel-3.0.0.txt");
    }

    private static void customJars(HomeWriter home) {
        home.bytes(
                Pack.COMPONENTS + "dropins/com.example.auth.handler_1.0.0.jar",
                Jars.bundle(
                        "com.example.auth.handler",
                        "1.0.0",
                        "org.apache.synapse;version=\"[2.1,3)\",org.wso2.carbon.apimgt.gateway.handlers.security"));
        home.bytes(Pack.COMPONENTS + "lib/custom-mediator-1.0.jar", Jars.library("custom-mediator", "1.0"));
    }

    private static void synapse(HomeWriter home) {
        Pack.stockDeployment(home, "3.0.0", DefaultSample.OMITTED_300);
        String dir = StockContent.SYNAPSE_DIR + "/";
        home.text(dir + StockContent.MAIN, customisedMain());
        home.text(
                dir + "api/admin--PizzaShackAPI_v1.0.0.xml",
                api(
                        "admin--PizzaShackAPI",
                        "/pizzashack",
                        "1.0.0",
                        "https://localhost:9443/am/sample/pizzashack/v1/api/"));
        home.text(
                dir + "api/admin--OrdersAPI_v2.1.0.xml",
                api("admin--OrdersAPI", "/orders", "2.1.0", "https://orders-backend.partner.example/v2/"));
        home.text(
                StockContent.PLANS_DIR + "/" + CUSTOM_PLAN,
                StockContent.policy(
                        "carbon.super_custom_10PerMin",
                        "Partner plan: 10 requests per minute per application",
                        "appTenant == 'carbon.super' and appTier == 'custom_10PerMin'",
                        "appKey",
                        "1 min",
                        10));
        tenant(home, "1", "tenant-one.example", "InventoryAPI", "/inventory", "1.0.0");
        tenant(home, "2", "tenant-two.example", "WeatherAPI", "/weather", "1.2.0");
    }

    /** A tenant's synapse configuration: the stock sequences and registry files, and the tenant's one API. */
    static void tenant(HomeWriter home, String id, String domain, String name, String context, String version) {
        String dir = TENANTS + id + "/synapse-configs/default/";
        for (String path : StockContent.SYNAPSE_PATHS) {
            if (path.startsWith("sequences/") || path.equals("synapse.xml") || path.equals("registry.xml")) {
                home.text(dir + path, StockContent.synapse300(path));
            }
        }
        String provider = "admin-AT-" + domain;
        home.text(
                dir + "api/" + provider + "--" + name + "_v" + version + ".xml",
                api(
                        provider + "--" + name,
                        "/t/" + domain + context,
                        version,
                        "https://backend." + domain + context + "/"));
    }

    /** The stock main sequence with a partner trace header added, as a customer might edit it. */
    static String customisedMain() {
        String stock = StockContent.synapse300(StockContent.MAIN);
        String edited = stock.replace(
                "        <property name=\"HTTP_SC\" value=\"404\" scope=\"axis2\"/>",
                "        <property name=\"X-Partner-Trace\" expression=\"get-property('MessageID')\" scope=\"transport\"/>\n"
                        + "        <property name=\"HTTP_SC\" value=\"404\" scope=\"axis2\"/>");
        if (edited.equals(stock)) {
            throw new IllegalStateException("the main.xml edit no longer applies to the stock text");
        }
        return edited;
    }

    /** A published API as the 3.0.0 gateway writes it (name provider--API, versioned context). */
    static String api(String name, String context, String version, String backend) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- apim-upgrade sample: an API as the gateway deploys it, written for the samples. -->\n"
                + "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"" + name + "\" context=\"" + context + "/"
                + version + "\" version=\"" + version + "\" version-type=\"context\">\n"
                + "    <resource methods=\"GET POST\" url-mapping=\"/*\" faultSequence=\"fault\">\n"
                + "        <inSequence>\n"
                + "            <send>\n"
                + "                <endpoint name=\"" + name + "_APIproductionEndpoint\">\n"
                + "                    <http uri-template=\"" + backend + "\"/>\n"
                + "                </endpoint>\n"
                + "            </send>\n"
                + "        </inSequence>\n"
                + "        <outSequence>\n"
                + "            <send/>\n"
                + "        </outSequence>\n"
                + "    </resource>\n"
                + "    <handlers>\n"
                + "        <handler class=\"org.wso2.carbon.apimgt.gateway.handlers.security.APIAuthenticationHandler\"/>\n"
                + "        <handler class=\"org.wso2.carbon.apimgt.gateway.handlers.throttling.ThrottleHandler\"/>\n"
                + "    </handlers>\n"
                + "</api>\n";
    }
}
