package dev.apimupgrade.fact;

/**
 * A file of a node that other nodes of the deployment must hold identically: {@code kind} is one of the constants
 * (the primary keystore, the client truststore, a custom jar, an execution plan, a synapse artefact); {@code name}
 * identifies it across nodes (a file name, or tenant/path for synapse), {@code sha256} its content.
 */
public record NodeFile(String node, String kind, String name, String sha256, SourceRef source) implements Observation {
    public static final String PRIMARY_KEYSTORE = "primary keystore";
    public static final String CLIENT_TRUSTSTORE = "client truststore";
    public static final String CUSTOM_JAR = "custom jar";
    public static final String EXECUTION_PLAN = "execution plan";
    public static final String SYNAPSE = "synapse artefact";

    public String observed() {
        return "node " + node + ": " + kind + " " + name + " sha256 "
                + sha256.substring(0, Math.min(12, sha256.length()));
    }
}
