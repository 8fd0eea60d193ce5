package dev.apimupgrade.samples;

import java.util.List;
import java.util.Map;

/**
 * apim-3.0.0-default: a stock GA 3.0.0 pack on its embedded H2 databases, nothing customised except the database
 * passwords (planted secrets, so a leak of them is detectable).
 */
final class DefaultSample {
    /**
     * Left out of the 3.0.0 samples: the scanners judge this file by the embedded GA hash only (its 3.1.0 copy differs),
     * and our own text cannot match that hash, so it would read as a local edit in a sample meant to be stock.
     */
    static final List<String> OMITTED_300 = List.of(StockContent.SECURE_WEBSOCKET);

    private DefaultSample() {}

    static void write(HomeWriter home, Keystores.Made keystores) {
        Map<String, String> secrets = Pack.secrets("default");
        home.text(Pack.CONF + "deployment.toml", Template.fill("templates/deployment-3.0.0-default.toml", secrets));
        Pack.renderedConf(home, "3.0.0", "localhost", "client-truststore.jks", false, false);
        Pack.plugins(home, "3.0.0");
        Pack.stockJars(home, "3.0.0");
        Pack.stockDeployment(home, "3.0.0", OMITTED_300);
        home.copy(keystores.wso2carbon(), Pack.SECURITY + "wso2carbon.jks");
        home.copy(keystores.truststore300(), Pack.SECURITY + "client-truststore.jks");
        H2Databases.create(
                home.root(),
                "WSO2AM_DB",
                Pack.required(secrets, "apim_db.password"),
                secrets,
                "schema/apimgt-3.0.0.txt",
                "seed/am-common.sql");
        H2Databases.create(
                home.root(),
                "WSO2SHARED_DB",
                Pack.required(secrets, "shared_db.password"),
                secrets,
                "schema/kernel-3.0.0.txt",
                "seed/reg-default.sql",
                "seed/um-default.sql");
        H2Databases.create(
                home.root(), "WSO2CARBON_DB", Keystores.DEFAULT_PASSWORD, secrets, "schema/kernel-3.0.0.txt");
    }
}
