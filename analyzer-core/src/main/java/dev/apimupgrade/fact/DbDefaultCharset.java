package dev.apimupgrade.fact;

/**
 * The default character set and collation of a MySQL/MariaDB database (information_schema.SCHEMATA): what every table
 * a migration script creates without naming one takes, and so what a foreign key from it must meet.
 */
public record DbDefaultCharset(
        String datasource, String database, String characterSet, String collation, SourceRef source)
        implements Observation {
    public String observed() {
        return "database " + database + " defaults to character set " + characterSet + " collation " + collation;
    }
}
