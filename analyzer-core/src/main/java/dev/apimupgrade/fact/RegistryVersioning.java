package dev.apimupgrade.fact;

/** One versioning flag of registry.xml staticConfiguration (versioningProperties, ...Comments, ...Tags, ...Ratings). */
public record RegistryVersioning(Role role, String flag, boolean enabled, SourceRef source) implements Observation {
    public String observed() {
        return flag + " = " + enabled;
    }
}
