package dev.apimupgrade.samples;

import java.util.List;
import java.util.Map;

/**
 * apim-3.1.0: the stock 3.1.0 target, WUM-updated (update metadata present), never started (no logs, no pid file,
 * no solr folder), with empty 3.1.0 schemas in its H2 databases.
 */
final class TargetSample {
    /** 2020-05-28T10:54:49.530Z, as WUM names an update level. */
    static final long WUM_LEVEL = 1590663289530L;

    private TargetSample() {}

    static void write(HomeWriter home, Keystores.Made keystores) {
        Map<String, String> secrets = Pack.secrets("target");
        home.text(Pack.CONF + "deployment.toml", Template.fill("templates/deployment-3.1.0.toml", secrets));
        Pack.renderedConf(home, "3.1.0", "localhost", "client-truststore.jks", false, false);
        Pack.plugins(home, "3.1.0");
        Pack.stockJars(home, "3.1.0");
        Pack.stockDeployment(home, "3.1.0", List.of());
        Pack.wum(home, "3.1.0", WUM_LEVEL, List.of("0004", "0011", "0023"));
        home.copy(keystores.wso2carbon(), Pack.SECURITY + "wso2carbon.jks");
        home.copy(keystores.truststore310(), Pack.SECURITY + "client-truststore.jks");
        H2Databases.create(
                home.root(),
                "WSO2AM_DB",
                Pack.required(secrets, "apim_db.password"),
                secrets,
                "schema/apimgt-3.1.0.txt");
        H2Databases.create(
                home.root(),
                "WSO2SHARED_DB",
                Pack.required(secrets, "shared_db.password"),
                secrets,
                "schema/kernel-3.1.0.txt");
        H2Databases.create(
                home.root(), "WSO2CARBON_DB", Keystores.DEFAULT_PASSWORD, secrets, "schema/kernel-3.1.0.txt");
    }
}
