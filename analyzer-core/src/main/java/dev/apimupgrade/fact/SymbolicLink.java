package dev.apimupgrade.fact;

/**
 * A symbolic link met in a tree the migration copies, with its target as the link resolves (the real path, or the
 * link text when it resolves to nothing) and whether that lies inside the home. A scanner never reads through a link
 * that leaves the home.
 */
public record SymbolicLink(Role role, String relativePath, String target, boolean insideHome, SourceRef source)
        implements Observation {
    public String observed() {
        return relativePath + " -> " + target + (insideHome ? "" : " (outside the home)");
    }
}
