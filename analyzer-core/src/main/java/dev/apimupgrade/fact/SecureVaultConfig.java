package dev.apimupgrade.fact;

/** Secure Vault use in a deployment.toml: whether a [secrets] table exists, whether it is the last table, how many aliases. */
public record SecureVaultConfig(
        Role role, boolean secretsTablePresent, boolean secretsTableLast, int aliasCount, SourceRef source)
        implements Observation {
    public String observed() {
        return secretsTablePresent
                ? "[secrets] with " + aliasCount + " alias(es)"
                        + (secretsTableLast ? ", last table" : ", not the last table")
                : "no [secrets] table";
    }
}
