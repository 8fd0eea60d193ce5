package dev.apimupgrade.fact;

/**
 * Whether a datasource's database was read: {@code scanned} true with its product, or false with the reason
 * (not attempted, unreachable, missing driver; host and database only, never credentials).
 */
public record DatabaseScan(String datasource, boolean scanned, String product, String reason, SourceRef source)
        implements Observation {
    public String observed() {
        return datasource + (scanned ? " read (" + product + ")" : " not read: " + reason);
    }
}
