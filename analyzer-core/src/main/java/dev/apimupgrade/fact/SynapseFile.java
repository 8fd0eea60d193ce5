package dev.apimupgrade.fact;

/**
 * A file under a tenant's synapse-configs/default. {@code tenant} is "carbon.super" or the tenant id folder name;
 * {@code relativePath} is relative to synapse-configs/default; {@code protectedFile} marks the four files the guide
 * says not to copy (api/_RevokeAPI_.xml, sequences/_cors_request_handler_.xml, sequences/main.xml,
 * proxy-services/WorkflowCallbackService.xml).
 */
public record SynapseFile(
        Role role, String tenant, String relativePath, String sha256, boolean protectedFile, SourceRef source)
        implements Observation {
    public String observed() {
        return tenant + " " + relativePath + " sha256 " + sha256.substring(0, Math.min(12, sha256.length()));
    }
}
