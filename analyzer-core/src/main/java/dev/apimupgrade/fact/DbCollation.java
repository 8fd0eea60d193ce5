package dev.apimupgrade.fact;

/** The collation of a database (object "database") or a table, and whether it compares text case-sensitively. */
public record DbCollation(String datasource, String object, String collation, boolean caseSensitive, SourceRef source)
        implements Observation {
    public String observed() {
        return object + " collation " + collation + (caseSensitive ? " (case-sensitive)" : " (case-insensitive)");
    }
}
