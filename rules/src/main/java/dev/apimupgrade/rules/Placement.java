package dev.apimupgrade.rules;

import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.rule.StepPlacement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a step belongs on the node assessed, from where the catalogue places it and what the node serves itself.
 * Steps run once against the shared databases belong on a node whose profile keeps the identity components (the
 * default profile or api-key-manager): the identity and API-M migration clients run inside such a server, and the
 * gateway-worker, traffic-manager, api-publisher and api-store profiles remove them (ADR 0020). A default node whose
 * key manager is WSO2 IS elsewhere still migrates its own identity tables. Analytics steps belong to the analytics
 * pack, not decided here.
 */
public final class Placement {
    private static final Map<String, String> COMPONENT = Map.of(
            "gateway",
            NodeRoleConfig.GATEWAY,
            "traffic-manager",
            NodeRoleConfig.TRAFFIC_MANAGER,
            "publisher",
            NodeRoleConfig.PUBLISHER,
            "devportal",
            NodeRoleConfig.DEVPORTAL);
    private static final String ONCE = "once";
    private static final Map<String, String> WHERE = Map.of(
            "gateway",
            "on the Gateway nodes",
            "traffic-manager",
            "on the Traffic Manager nodes",
            "publisher",
            "on the Publisher nodes",
            "devportal",
            "on the Devportal nodes",
            ONCE,
            "once, against the shared databases, from a node with the identity components (default or"
                    + " api-key-manager profile)",
            "analytics",
            "on the analytics pack");

    private Placement() {}

    /** True when the node serves a component the step is placed on, or the step is not placed on API-M nodes. */
    public static boolean runsOn(NodeRoleConfig node, StepPlacement placement) {
        boolean once = placement.nodes().contains(ONCE);
        List<String> components = placement.nodes().stream()
                .flatMap(n -> Optional.ofNullable(COMPONENT.get(n)).stream())
                .toList();
        return (!once && components.isEmpty())
                || (once && node.keepsIdentityComponents())
                || components.stream().anyMatch(node::servesItself);
    }

    /** Where the guide runs the step, in words: "on the Publisher nodes or on the Devportal nodes". */
    public static String where(StepPlacement placement) {
        return String.join(
                " or ",
                placement.nodes().stream()
                        .map(n -> WHERE.getOrDefault(n, "on " + n))
                        .toList());
    }
}
