package dev.apimupgrade.fact;

/**
 * An API-M Analytics home the user named (--old-analytics 3.0.0, --new-analytics 3.1.0); {@code versionMarker} is
 * the product line of its updates/product.txt, or "" when the home has none.
 */
public record AnalyticsHome(Role role, String versionMarker, SourceRef source) implements Observation {
    public String observed() {
        return role + " analytics home given" + (versionMarker.isEmpty() ? "" : " (" + versionMarker + ")");
    }
}
