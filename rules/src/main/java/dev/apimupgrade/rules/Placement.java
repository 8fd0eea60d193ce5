package dev.apimupgrade.rules;

import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.rule.StepPlacement;
import java.util.List;
import java.util.Map;

/**
 * Whether a step belongs on the node assessed, from where the catalogue places it and what the node serves itself.
 * Steps run once against the shared databases belong on a node with the Key Manager: the identity and API-M
 * migration clients run inside a server that has the identity components, which the gateway-worker and
 * traffic-manager profiles remove (ADR 0020). Analytics steps belong to the analytics pack, not decided here.
 */
public final class Placement {
    private static final Map<String, String> COMPONENT = Map.of("gateway", NodeRoleConfig.GATEWAY,
            "traffic-manager", NodeRoleConfig.TRAFFIC_MANAGER, "publisher", NodeRoleConfig.PUBLISHER,
            "devportal", NodeRoleConfig.DEVPORTAL, "once", NodeRoleConfig.KEY_MANAGER);
    private static final Map<String, String> WHERE = Map.of("gateway", "on the Gateway nodes",
            "traffic-manager", "on the Traffic Manager nodes", "publisher", "on the Publisher nodes",
            "devportal", "on the Devportal nodes",
            "once", "once, against the shared databases, from a node with the Key Manager",
            "analytics", "on the analytics pack");

    private Placement() {
    }

    /** True when the node serves a component the step is placed on, or the step is not placed on API-M nodes. */
    public static boolean runsOn(NodeRoleConfig node, StepPlacement placement) {
        List<String> components = placement.nodes().stream().filter(COMPONENT::containsKey).map(COMPONENT::get).toList();
        return components.isEmpty() || components.stream().anyMatch(node::servesItself);
    }

    /** Where the guide runs the step, in words: "on the Publisher nodes or on the Devportal nodes". */
    public static String where(StepPlacement placement) {
        return String.join(" or ", placement.nodes().stream().map(n -> WHERE.getOrDefault(n, "on " + n)).toList());
    }
}
