package dev.apimupgrade.fact;

/**
 * A version marker found in a home: bin/version.txt, updates/product.txt, or the carbon-apimgt bundle version in
 * components/plugins (mapped to the product version it ships in). {@code version} is the product version as read.
 */
public record ProductVersion(Role role, String marker, String version, SourceRef source) implements Observation {
    public String observed() { return marker + " says " + version; }
}
