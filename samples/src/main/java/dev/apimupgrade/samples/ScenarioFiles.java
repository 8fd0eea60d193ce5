package dev.apimupgrade.samples;

import java.util.Map;

/** The files (beyond deployment.toml and the databases) that make each scenario home what it stands for. */
final class ScenarioFiles {
    static final String LIB = Pack.COMPONENTS + "lib/";
    static final String DROPINS = Pack.COMPONENTS + "dropins/";

    private ScenarioFiles() {}

    static void write(Scenario scenario, HomeWriter home) {
        switch (scenario) {
            case VERSIONING_ON ->
                home.text(
                        Pack.CONF + "registry.xml",
                        Template.fill(
                                "templates/registry.xml",
                                Map.of(
                                        "versioningProperties",
                                        "true",
                                        "versioningComments",
                                        "true",
                                        "versioningTags",
                                        "true",
                                        "versioningRatings",
                                        "true")));
            case MULTI_TENANT -> multiTenant(home);
            // the drivers the old datasources load, as an operator copies them into lib
            case POSTGRESQL ->
                home.bytes(
                        LIB + "postgresql-42.2.5.jar",
                        Jars.jdbcDriver("PostgreSQL JDBC Driver", "42.2.5", "org.postgresql.Driver"));
            case MARIADB_ANALYTICS ->
                home.bytes(
                        LIB + "mariadb-java-client-2.5.4.jar",
                        Jars.jdbcDriver("mariadb-java-client", "2.5.4", "org.mariadb.jdbc.Driver"));
            default -> {
                // STOCK and the key manager scenarios differ from stock in deployment.toml only
            }
        }
    }

    /**
     * Three tenants with a published API each; in dropins a custom gateway handler bundle whose imports accept 3.1.0
     * and a key validation extension built with maven-bundle-plugin's minor-version import policy, which [6.5,6.6)
     * leaves unresolved against carbon-apimgt 6.6.163; in lib two custom plain jars that register no JDBC driver (so
     * CFG-CUSTOM-LIB, not CFG-JDBC-DRIVER, carries them).
     */
    private static void multiTenant(HomeWriter home) {
        CustomSample.tenant(home, "1", "north.example", "StockAPI", "/stock", "1.0.0");
        CustomSample.tenant(home, "2", "south.example", "ShippingAPI", "/shipping", "2.0.0");
        CustomSample.tenant(home, "3", "west.example", "BillingAPI", "/billing", "1.1.0");
        home.bytes(
                DROPINS + "com.acme.gateway.correlation_1.2.0.jar",
                Jars.bundle(
                        "com.acme.gateway.correlation",
                        "1.2.0",
                        "org.apache.synapse;version=\"[2.1,3)\",org.wso2.carbon.apimgt.gateway.handlers;version=\"[6.5,7)\""));
        home.bytes(
                DROPINS + "com.acme.keyvalidation.extension_1.0.0.jar",
                Jars.bundle(
                        "com.acme.keyvalidation.extension",
                        "1.0.0",
                        "org.wso2.carbon.apimgt.keymgt;version=\"[6.5,6.6)\","
                                + "org.wso2.carbon.user.core;version=\"[4.5,5)\""));
        home.bytes(LIB + "acme-json-utils-2.3.jar", Jars.library("acme-json-utils", "2.3"));
        home.bytes(LIB + "acme-audit-client-1.0.jar", Jars.library("acme-audit-client", "1.0"));
    }
}
