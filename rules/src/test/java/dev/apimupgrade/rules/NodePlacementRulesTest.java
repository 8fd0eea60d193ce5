package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.synapse;
import static dev.apimupgrade.rules.RuleHarness.CATALOGUE;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue's nodes decide, one rule per placed condition, that a step does not belong on the node assessed:
 * NOT_APPLICABLE with "not on a <role> node", the node's evidence, and no action, whatever else applies.
 */
class NodePlacementRulesTest {
    /** The component a node must serve itself for a step of each catalogue placement to belong on it. */
    private static final Map<String, String> NEEDS = Map.of(
            "gateway",
            NodeRoleConfig.GATEWAY,
            "traffic-manager",
            NodeRoleConfig.TRAFFIC_MANAGER,
            "publisher",
            NodeRoleConfig.PUBLISHER,
            "devportal",
            NodeRoleConfig.DEVPORTAL,
            "once",
            NodeRoleConfig.KEY_MANAGER);

    /** The 3.0.0 profile that keeps each component alone. */
    private static final Map<String, String> PROFILE = Map.of(
            NodeRoleConfig.GATEWAY,
            "gateway-worker",
            NodeRoleConfig.KEY_MANAGER,
            "api-key-manager",
            NodeRoleConfig.TRAFFIC_MANAGER,
            "traffic-manager",
            NodeRoleConfig.PUBLISHER,
            "api-publisher",
            NodeRoleConfig.DEVPORTAL,
            "api-store");

    static NodeRoleConfig node(String serverRole, String... serves) {
        String profile = serves.length == 1 ? PROFILE.get(serves[0]) : "default";
        return new NodeRoleConfig(
                Role.OLD,
                serverRole,
                profile,
                List.of(serves),
                List.of(),
                List.of("server.server_role = " + serverRole),
                SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 4));
    }

    /** Every placed condition with each single-component node (its optimised profile). */
    static Stream<Arguments> placedConditionsOnEachNode() {
        return CATALOGUE.all().stream()
                .filter(c -> !c.nodes().isEmpty() && !c.nodes().equals(List.of("analytics")))
                .flatMap(c -> NodeRoleConfig.ALL.stream().map(component -> Arguments.of(c.id(), component)));
    }

    @ParameterizedTest(name = "{0} on a {1} node")
    @MethodSource("placedConditionsOnEachNode")
    void aPlacedStepIsNotApplicableExactlyOnANodeThatServesNoneOfItsRoles(String id, String component) {
        Condition c = CATALOGUE.get(id);
        boolean belongs = c.nodes().stream().map(NEEDS::get).anyMatch(component::equals);

        Verdict v = decide(node("some-role", component));

        if (belongs) {
            assertThat(said(v, id)).doesNotContain("not on a");
        } else {
            assertThat(v.status(id)).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(said(v, id)).startsWith("not on a " + component + " node: the guide runs this step ");
            assertThat(v.result(id).evidence())
                    .singleElement()
                    .satisfies(e -> assertThat(e.observed()).contains("server_role some-role"));
        }
    }

    @Test
    void cfgSynapseSuperAppliesWithItsCopyOnAGatewayNodeAndIsNotApplicableWithoutActionOnATrafficManager() {
        Verdict gateway = decide(
                synapse("carbon.super", "api/admin--PizzaShackAPI_v1.0.0.xml", false),
                node("gateway-worker", NodeRoleConfig.GATEWAY));
        Verdict tm = decide(
                synapse("carbon.super", "api/admin--PizzaShackAPI_v1.0.0.xml", false),
                node("traffic-manager", NodeRoleConfig.TRAFFIC_MANAGER));

        assertThat(gateway.status("CFG-SYNAPSE-SUPER")).isEqualTo(Status.APPLIES);
        assertThat(actions(gateway, "CFG-SYNAPSE-SUPER")).hasSize(1);
        assertThat(tm.status("CFG-SYNAPSE-SUPER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(tm, "CFG-SYNAPSE-SUPER"))
                .isEqualTo("not on a Traffic Manager node: the guide runs this step" + " on the Gateway nodes.");
        assertThat(actions(tm, "CFG-SYNAPSE-SUPER")).isEmpty();
    }

    @Test
    void onAnAllInOneNodeNoStepIsOffNodeAndPreDistributedIsNotRaisedByTheRole() {
        Verdict v = decide(node("default", NodeRoleConfig.ALL.toArray(String[]::new)));

        SoftAssertions softly = new SoftAssertions();
        for (Condition c : CATALOGUE.all()) {
            softly.assertThat(said(v, c.id())).as(c.id()).doesNotContain("not on a");
        }
        softly.assertThat(v.status("PRE-DISTRIBUTED")).isNotEqualTo(Status.APPLIES);
        softly.assertAll();
    }

    @Test
    void aDefaultProfileNodeWhoseKeyManagerIsElsewhereStillRunsTheOnceStepsOnItsOwnIdentityTables() {
        Verdict v = decide(node(
                "default",
                NodeRoleConfig.GATEWAY,
                NodeRoleConfig.TRAFFIC_MANAGER,
                NodeRoleConfig.PUBLISHER,
                NodeRoleConfig.DEVPORTAL));

        assertThat(said(v, "IDN-RUN")).doesNotContain("not on a");
        assertThat(said(v, "DB-AM-UPGRADE")).doesNotContain("not on a");
    }

    @Test
    void preDistributedAppliesOnANodeThatDoesNotServeEveryComponentNamingItsRole() {
        Verdict v = decide(node("traffic-manager", NodeRoleConfig.TRAFFIC_MANAGER));

        assertThat(v.status("PRE-DISTRIBUTED")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "PRE-DISTRIBUTED"))
                .contains("Traffic Manager node (server_role traffic-manager," + " profile traffic-manager)");
    }

    @Test
    void aStepForPublisherOrDevportalBelongsOnACombinedPublisherDevportalTrafficManagerNode() {
        Verdict v = decide(node(
                "default",
                NodeRoleConfig.KEY_MANAGER,
                NodeRoleConfig.TRAFFIC_MANAGER,
                NodeRoleConfig.PUBLISHER,
                NodeRoleConfig.DEVPORTAL));

        assertThat(said(v, "IDX-RE-INDEXING")).doesNotContain("not on a");
        assertThat(said(v, "CFG-EXECUTION-PLANS")).doesNotContain("not on a");
        assertThat(v.status("CFG-SYNAPSE-TENANTS")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "CFG-SYNAPSE-TENANTS"))
                .startsWith("not on a Key Manager, Traffic Manager, Publisher and" + " Devportal node");
    }
}
