package dev.apimupgrade.plan;

import dev.apimupgrade.rule.Condition;
import java.util.List;

/**
 * The nodes a condition's steps run on, read from the catalogue's {@code nodes} (where the guide's node notes put
 * each step): synapse artefacts on the Gateway, execution plans on the Traffic Manager, re-indexing on the Publisher
 * and Devportal, database scripts and the migration runs once, analytics on the analytics pack; every node otherwise.
 */
final class NodeRoles {
    private NodeRoles() {}

    static List<NodeRole> of(Condition condition) {
        if (condition.nodes().isEmpty()) {
            return List.of(NodeRole.ALL);
        }
        return condition.nodes().stream().map(NodeRoles::role).toList();
    }

    private static NodeRole role(String node) {
        return switch (node) {
            case "gateway" -> NodeRole.GATEWAY;
            case "traffic-manager" -> NodeRole.TRAFFIC_MANAGER;
            case "publisher" -> NodeRole.PUBLISHER;
            case "devportal" -> NodeRole.DEVPORTAL;
            case "once" -> NodeRole.ONE_NODE;
            case "analytics" -> NodeRole.ANALYTICS;
            default -> throw new IllegalStateException("catalogue.yaml names an unknown node '" + node + "'");
        };
    }
}
