package dev.apimupgrade.fact;

/**
 * A file of a tree the migration carries over (synapse configurations, execution plans, dropins and lib jars) that
 * could not be read as what it must be: not well-formed XML, a jar that does not open, too large, not readable at
 * all. {@code area} names the tree ("synapse", "executionplans", "dropins", "lib"); {@code reason} says what is wrong.
 */
public record UnreadableFile(Role role, String area, String relativePath, String reason, SourceRef source)
        implements Observation {
    public String observed() {
        return relativePath + ": " + reason;
    }
}
