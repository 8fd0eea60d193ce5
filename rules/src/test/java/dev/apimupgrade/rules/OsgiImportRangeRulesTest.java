package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.artefact;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.jar;
import static dev.apimupgrade.rules.Given.presence;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class OsgiImportRangeRulesTest {
    private static final String DROPINS = "repository/components/dropins";

    private static JarFile bundle(String name, String importPackage, boolean stock) {
        return new JarFile(
                Role.OLD,
                "dropins",
                name,
                true,
                "com.example." + name,
                "1.0.0",
                importPackage,
                "",
                stock,
                "sha",
                SourceRef.file(Role.OLD, DROPINS + "/" + name));
    }

    @Test
    void cfgOsgiImportRangeAppliesWhenACustomBundleImportsApimgtBelow66() {
        Verdict v = decide(
                presence(Role.OLD, DROPINS, true),
                bundle("auth.jar", "org.wso2.carbon.apimgt.impl;version=\"[6.5,6.6)\",org.apache.synapse", false));

        assertThat(v.status("CFG-OSGI-IMPORT-RANGE")).isEqualTo(Status.APPLIES);
        assertThat(v.result("CFG-OSGI-IMPORT-RANGE").severity()).isEqualTo(Severity.WARNING);
        assertThat(said(v, "CFG-OSGI-IMPORT-RANGE"))
                .isEqualTo("dropins/auth.jar imports org.wso2.carbon.apimgt.impl"
                        + " [6.5,6.6) (3.1.0 carbon-apimgt exports 6.6.163).");
    }

    @Test
    void cfgOsgiImportRangeIsNotApplicableWhenCustomBundlesAccept310AndStockOrToolJarsAreNotJudged() {
        Verdict v = decide(
                presence(Role.OLD, DROPINS, true),
                bundle("auth.jar", "org.wso2.carbon.apimgt.impl;version=\"[6.5,7)\"", false),
                bundle("stock.jar", "org.wso2.carbon.identity.core;version=\"[5.14,5.15)\"", true),
                bundle("org.wso2.carbon.is.migration-1.0.90.jar", "org.wso2.carbon.core;version=\"[4.4,4.5)\"", false),
                artefact(Role.OLD, "dropins", "org.wso2.carbon.is.migration-1.0.90.jar"));

        assertThat(v.status("CFG-OSGI-IMPORT-RANGE")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "CFG-OSGI-IMPORT-RANGE"))
                .contains("dropins/auth.jar")
                .contains("accept the 3.1.0 versions");
    }

    @Test
    void cfgOsgiImportRangeIsNotApplicableWhenTheOldDropinsHoldNoCustomBundle() {
        Verdict v = decide(presence(Role.OLD, DROPINS, true), jar(Role.OLD, "dropins", "plain.jar", false));

        assertThat(v.status("CFG-OSGI-IMPORT-RANGE")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "CFG-OSGI-IMPORT-RANGE")).isEqualTo("The old dropins hold no custom OSGi bundle.");
    }

    @Test
    void cfgOsgiImportRangeIsUnknownWhenTheDropinsWereNotLookedAt() {
        assertThat(decide(home(Role.OLD)).status("CFG-OSGI-IMPORT-RANGE")).isEqualTo(Status.UNKNOWN);
    }
}
