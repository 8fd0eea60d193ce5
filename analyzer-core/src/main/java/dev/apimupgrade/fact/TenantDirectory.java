package dev.apimupgrade.fact;

/** A tenant folder under repository/tenants; {@code hasSynapseConfigs} when it holds synapse-configs/default. */
public record TenantDirectory(
        Role role, String tenantId, boolean hasSynapseConfigs, int synapseFileCount, SourceRef source)
        implements Observation {
    public String observed() {
        return "tenant " + tenantId + " with " + synapseFileCount + " synapse file(s)";
    }
}
