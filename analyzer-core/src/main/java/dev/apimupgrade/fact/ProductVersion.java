package dev.apimupgrade.fact;

/**
 * A version marker found in a home. {@code marker} is "carbon.xml" (the rendered repository/conf/carbon.xml
 * Version, with ServerKey AM), "updates/product.txt" (WUM: "wso2am-3.0.0"), or "plugins" (the carbon-apimgt bundle
 * org.wso2.carbon.apimgt.impl_X.jar in repository/components/plugins, mapped: 6.5.349 -> 3.0.0, 6.6.163 -> 3.1.0;
 * an unmapped bundle version is reported as "carbon-apimgt X"). {@code version} is the product version as read.
 */
public record ProductVersion(Role role, String marker, String version, SourceRef source) implements Observation {
    public String observed() {
        return marker + " says " + version;
    }
}
