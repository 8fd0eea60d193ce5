package dev.apimupgrade.fact;

/** A key of the old deployment.toml that differs from the stock 3.0.0 file: ADDED, CHANGED or REMOVED. */
public record TomlDifference(Role role, String key, String change, SourceRef source) implements Observation {
    public String observed() {
        return key + " " + change.toLowerCase(java.util.Locale.ROOT) + " against stock 3.0.0";
    }
}
