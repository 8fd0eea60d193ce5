package dev.apimupgrade.fact;

/**
 * WUM update metadata of an analytics home (updates/wum/*), kept apart from the API-M home's {@link WumUpdates} so
 * rules about one pack never match the other; {@code level} is the newest update timestamp, or "" when absent.
 */
public record AnalyticsWumUpdates(Role role, boolean present, String level, SourceRef source) implements Observation {
    public String observed() {
        return present ? "analytics WUM update level " + level : "no analytics WUM update metadata";
    }
}
