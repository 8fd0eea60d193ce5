package dev.apimupgrade.fact;

/** WUM update metadata in a home (updates/wum/*); {@code level} is the newest update timestamp, or "" when absent. */
public record WumUpdates(Role role, boolean present, String level, SourceRef source) implements Observation {
    public String observed() {
        return present ? "WUM update level " + level : "no WUM update metadata";
    }
}
