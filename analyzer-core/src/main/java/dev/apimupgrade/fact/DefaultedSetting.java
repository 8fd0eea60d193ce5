package dev.apimupgrade.fact;

/**
 * A key of the effective 3.0.0 configuration that the deployment.toml does not write: inferred by infer.json from a
 * written key ("server.server_role = gateway-worker" gives "system.parameter.profile"), or defaulted by default.json.
 * {@code because} names the file and, for an inference, the key and value it was inferred from. Masked like
 * {@link TomlSetting}.
 */
public record DefaultedSetting(Role role, String key, String value, boolean inferred, String because, SourceRef source)
        implements Observation {
    public String observed() {
        return key + " = " + value + " (" + (inferred ? "inferred by " : "defaulted by ") + because + ")";
    }
}
