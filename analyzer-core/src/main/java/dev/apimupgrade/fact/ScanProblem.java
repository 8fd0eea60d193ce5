package dev.apimupgrade.fact;

/** A file that could be found but not fully read (an unreadable jar, say), kept so rules can report it. */
public record ScanProblem(Role role, String relativePath, String problem, SourceRef source) implements Observation {
    public String observed() {
        return relativePath + ": " + problem;
    }
}
