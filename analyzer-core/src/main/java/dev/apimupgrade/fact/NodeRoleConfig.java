package dev.apimupgrade.fact;

import java.util.List;

/**
 * What the old home's configuration makes of the node: its {@code [server] server_role} and the profile 3.0.0 infers
 * from it, the components it serves itself and those its configuration points at on another host, with the settings
 * that say so ({@code because}, masked). A node with the default role and every component local is a standalone
 * server.
 */
public record NodeRoleConfig(
        Role role,
        String serverRole,
        String profile,
        List<String> serves,
        List<String> elsewhere,
        List<String> because,
        SourceRef source)
        implements Observation {
    public static final String GATEWAY = "Gateway";
    public static final String KEY_MANAGER = "Key Manager";
    public static final String TRAFFIC_MANAGER = "Traffic Manager";
    public static final String PUBLISHER = "Publisher";
    public static final String DEVPORTAL = "Devportal";
    public static final List<String> ALL = List.of(GATEWAY, KEY_MANAGER, TRAFFIC_MANAGER, PUBLISHER, DEVPORTAL);

    public NodeRoleConfig {
        serves = List.copyOf(serves);
        elsewhere = List.copyOf(elsewhere);
        because = List.copyOf(because);
    }

    public boolean servesItself(String component) {
        return serves.contains(component);
    }

    /**
     * True when the node's profile keeps the identity components the migration clients run in: the default profile
     * and api-key-manager; the other optimised profiles remove them.
     */
    public boolean keepsIdentityComponents() {
        return profile.equals("default") || profile.equals("api-key-manager");
    }

    /** True when the node serves every component itself: a standalone (all-in-one) server. */
    public boolean standalone() {
        return serves.containsAll(ALL);
    }

    /** The node as the runbook names it: "Gateway", "Publisher, Devportal and Traffic Manager". */
    public String label() {
        if (standalone()) {
            return "all-in-one";
        }
        if (serves.size() <= 1) {
            return serves.isEmpty() ? "no API-M component" : serves.get(0);
        }
        return String.join(", ", serves.subList(0, serves.size() - 1)) + " and " + serves.get(serves.size() - 1);
    }

    public String observed() {
        return "server_role " + serverRole + ", profile " + profile + ": serves "
                + (serves.isEmpty() ? "nothing" : String.join(", ", serves))
                + (elsewhere.isEmpty() ? "" : "; points at another host for " + String.join(", ", elsewhere)) + " ("
                + String.join("; ", because) + ")";
    }
}
