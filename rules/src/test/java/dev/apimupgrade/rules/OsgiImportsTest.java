package dev.apimupgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class OsgiImportsTest {

    @Test
    void clausesSplitOnCommasOutsideQuotesAndShareTheirAttributesAcrossPackages() {
        String header = "org.wso2.carbon.apimgt.api;org.wso2.carbon.apimgt.impl;version=\"[6.5,6.6)\","
                + "org.apache.synapse;version=\"[2.1,3)\";resolution:=optional,org.osgi.framework";

        assertThat(OsgiImports.parse(header))
                .extracting(i -> i.packageName(), i -> i.range().toString())
                .containsExactly(
                        tuple("org.wso2.carbon.apimgt.api", "[6.5,6.6)"),
                        tuple("org.wso2.carbon.apimgt.impl", "[6.5,6.6)"),
                        tuple("org.apache.synapse", "[2.1,3)"),
                        tuple("org.osgi.framework", "0.0.0"));
    }

    @Test
    void rangesThatExclude310AreListedPerFamilyForCfgOsgiImportRange() {
        String header = "org.wso2.carbon.apimgt.gateway.handlers.security;version=\"[6.5.0,6.6.0)\","
                + "org.wso2.carbon.utils;version=\"[4.5.0,4.6.0)\",org.wso2.carbon.identity.core;version=\"[5.14,5.15)\","
                + "org.apache.synapse;version=\"[2.1,2.2)\"";

        assertThat(OsgiImports.excludedBy310(header))
                .containsExactly(
                        "org.wso2.carbon.apimgt.gateway.handlers.security [6.5.0,6.6.0) (3.1.0 carbon-apimgt exports 6.6.163)",
                        "org.wso2.carbon.utils [4.5.0,4.6.0) (3.1.0 carbon-kernel exports 4.6.0)",
                        "org.wso2.carbon.identity.core [5.14,5.15) (3.1.0 carbon-identity-framework exports 5.17.5)");
    }

    @Test
    void openRangesBareVersionsAndNoVersionAccept310ForCfgOsgiImportRange() {
        String header = "org.wso2.carbon.apimgt.api;version=\"[6.5,7)\",org.wso2.carbon.core;version=4.5.1,"
                + "org.wso2.carbon.identity.base,org.wso2.carbon.user.api;version=\"(4.0,5.0]\"";

        assertThat(OsgiImports.excludedBy310(header)).isEmpty();
        assertThat(OsgiImports.excludedBy310("")).isEmpty();
        assertThat(OsgiImports.excludedBy310(null)).isEmpty();
    }

    @Test
    void packagesOfOtherComponentsAreNotJudgedEvenWithTightRangesOrIdentityNames() {
        assertThat(
                        OsgiImports.excludedBy310(
                                "org.wso2.carbon.registry.core;version=\"[1.0,1.1)\","
                                        + "org.wso2.carbon.coreextra;version=\"[1,2)\",org.wso2.carbon.identity.oauth2;version=\"[6.2,7)\""))
                .isEmpty();
    }

    @Test
    void anUnreadableRangeIsReportedRatherThanIgnoredForCfgOsgiImportRange() {
        assertThat(OsgiImports.excludedBy310("org.wso2.carbon.apimgt.api;version=\"[6.5\""))
                .singleElement()
                .asString()
                .startsWith("Import-Package cannot be read");
    }
}
