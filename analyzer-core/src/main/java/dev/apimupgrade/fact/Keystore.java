package dev.apimupgrade.fact;

/**
 * A keystore the old configuration uses. {@code purpose} is primary, internal, tls, truststore or custom;
 * {@code opened} tells whether it opened with the configured password ({@code openError} names the failure
 * otherwise). The password itself is never kept.
 */
public record Keystore(Role role, String purpose, String fileName, String type, boolean exists, boolean opened,
                       String openError, String configuredAlias, boolean defaultName, boolean defaultPassword,
                       SourceRef source) implements Observation {
    public String observed() {
        if (!exists) return purpose + " keystore " + fileName + " is missing";
        return purpose + " keystore " + fileName + " (" + type + ")" + (opened ? " opens with the configured password" : " does not open: " + openError);
    }
}
