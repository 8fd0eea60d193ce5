package dev.apimupgrade.plan;

/** The node of a distributed deployment a step runs on; {@code ALL} means every node (or the one node of a single setup). */
public enum NodeRole {
    ALL("all nodes"),
    GATEWAY("Gateway"),
    TRAFFIC_MANAGER("Traffic Manager"),
    PUBLISHER("Publisher"),
    DEVPORTAL("Devportal"),
    /** Shared databases: the step runs once, from any one node, never once per node. */
    ONE_NODE("one node only (shared databases)"),
    /** The API-M Analytics pack (worker and dashboard), not an API-M node. */
    ANALYTICS("the analytics pack");

    private final String label;

    NodeRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
