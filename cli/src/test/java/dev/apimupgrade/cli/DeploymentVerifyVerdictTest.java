package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.NodeProduct;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rules.DroolsRuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deployment's verdict of verify --deployment (ADR 0039) with every part passing: it is the conditions across nodes
 * that fail it, decided by the real deployment rules. (On pattern 2 a part fails as well, so the end-to-end test cannot
 * show this alone.)
 */
class DeploymentVerifyVerdictTest {
    private static final DroolsRuleEngine ENGINE = new DroolsRuleEngine(ConditionCatalogue.load());
    private static final AfterReport PASSED =
            new AfterReport(new ToolInfo("apim-upgrade", "test", "rules"), AfterReport.PASS, 3, 0, 0, List.of());
    private static final List<DeploymentVerify.Part> PARTS = List.of(
            new DeploymentVerify.Part("once", "key-manager", PASSED),
            new DeploymentVerify.Part("key-manager", "key-manager", PASSED),
            new DeploymentVerify.Part("gateway", "gateway", PASSED));

    /** The two nodes' product facts as read from their 3.1.0 homes, the gateway's on {@code gatewayVersion}. */
    private static DeploymentScan.Migrated acrossWithGatewayOn(String gatewayVersion) {
        Facts facts = new Facts(List.of(
                new NodeProduct(
                        "key-manager", "3.1.0", "", new SourceRef("key-manager/NEW:repository/conf/carbon.xml", 0)),
                new NodeProduct(
                        "gateway", gatewayVersion, "", new SourceRef("gateway/NEW:repository/conf/carbon.xml", 0))));
        return new DeploymentScan.Migrated(facts, ENGINE.decideDeployment(facts));
    }

    @Test
    void aBlockerAcrossTheMigratedNodesFailsADeploymentWhosePartsAllPass() {
        assertThat(DeploymentVerify.verdict(PARTS, acrossWithGatewayOn("3.1.0")))
                .isEqualTo(AfterReport.PASS);

        DeploymentScan.Migrated apart = acrossWithGatewayOn("3.0.0");
        assertThat(apart.verdict().blockers())
                .singleElement()
                .satisfies(r -> assertThat(r.condition().id()).isEqualTo("DEP-PRODUCT-LEVEL"));
        assertThat(DeploymentVerify.verdict(PARTS, apart)).isEqualTo(AfterReport.FAIL);
    }
}
