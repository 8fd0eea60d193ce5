package dev.apimupgrade.fact;

/**
 * A keystore the old configuration uses, or one found in repository/resources/security. {@code purpose} is primary,
 * internal, tls, truststore or custom. {@code opened} tells whether it opened with the configured password;
 * otherwise {@code openError} is one of: MISSING (file absent), WRONG_PASSWORD, SECRET_REFERENCE (the password is a
 * Secure Vault reference, so it was not checked), NOT_CONFIGURED (a custom keystore no table names, no password
 * known), UNREADABLE (any other failure). The password itself is never kept. {@code sha256} is the file's hash ("" when
 * missing), so rules can tell whether the new home already holds the same file.
 */
public record Keystore(
        Role role,
        String purpose,
        String fileName,
        String type,
        boolean exists,
        boolean opened,
        String openError,
        String configuredAlias,
        boolean defaultName,
        boolean defaultPassword,
        SourceRef source,
        String sha256)
        implements Observation {
    public String observed() {
        if (!exists) return purpose + " keystore " + fileName + " is missing";
        return purpose + " keystore " + fileName + " (" + type + ")"
                + (opened ? " opens with the configured password" : " does not open: " + openError);
    }
}
