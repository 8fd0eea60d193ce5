package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.NodeRole;
import dev.apimupgrade.plan.PlanStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runbook names the node each step runs on: nothing standalone, the guide's roles, and this node among them. */
class RunbookNodesTest {
    private static final Optional<NodeRoleConfig> GATEWAY = Optional.of(new NodeRoleConfig(
            Role.OLD,
            "gateway-worker",
            "gateway-worker",
            List.of(NodeRoleConfig.GATEWAY),
            List.of(NodeRoleConfig.KEY_MANAGER),
            List.of(),
            SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 5)));
    private static final Optional<NodeRoleConfig> KEY_MANAGER = Optional.of(new NodeRoleConfig(
            Role.OLD,
            "api-key-manager",
            "api-key-manager",
            List.of(NodeRoleConfig.KEY_MANAGER),
            List.of(),
            List.of(),
            SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 5)));

    private static PlanStep step(NodeRole... nodes) {
        return new PlanStep(
                "X:ManualStep:t",
                "X",
                "ManualStep",
                "t",
                Map.of(),
                false,
                List.of(nodes),
                "Step 1",
                "",
                "",
                List.of(),
                List.of());
    }

    @Test
    void aStandaloneRunbookNamesNoNode() {
        assertThat(RunbookNodes.of(step(NodeRole.GATEWAY), false, GATEWAY)).isEmpty();
    }

    @Test
    void aDistributedRunbookWithoutTheNodesRoleKeepsTheGuidesLabels() {
        assertThat(RunbookNodes.of(step(NodeRole.PUBLISHER, NodeRole.DEVPORTAL), true, Optional.empty()))
                .isEqualTo("Publisher, Devportal");
    }

    @Test
    void aKnownNodeIsNamedAmongTheRolesTheStepRunsOn() {
        assertThat(RunbookNodes.of(step(NodeRole.GATEWAY), true, GATEWAY))
                .isEqualTo("Gateway nodes, this Gateway node included");
        assertThat(RunbookNodes.of(step(NodeRole.ALL), true, GATEWAY))
                .isEqualTo("every node, this Gateway node included");
        assertThat(RunbookNodes.of(step(NodeRole.ONE_NODE), true, KEY_MANAGER))
                .isEqualTo(
                        "once, from this Key Manager node, against the shared databases; not again on the other nodes");
        assertThat(RunbookNodes.of(step(NodeRole.ANALYTICS), true, KEY_MANAGER)).isEqualTo("the analytics pack");
    }
}
