package dev.apimupgrade.fact;

/**
 * A host a node's configuration sends one component's traffic to (the key manager, traffic manager or a gateway
 * environment URL), with the setting it was read from; local hosts are not recorded.
 */
public record NodeUrl(String node, String component, String host, String setting, SourceRef source)
        implements Observation {
    public String observed() {
        return "node " + node + ": " + setting + " names " + component + " host " + host;
    }
}
