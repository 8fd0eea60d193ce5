package dev.apimupgrade.fact;

/**
 * The database product behind a datasource as its driver reports it, with the jOOQ dialect used to read it; {@code
 * untested} says which checks were not proven on this product (empty for H2, PostgreSQL and MariaDB/MySQL).
 */
public record DbProduct(String datasource, String product, String version, String dialect, String untested,
                        SourceRef source) implements Observation {
    public String observed() {
        return product + " " + version + " (dialect " + dialect + ")" + (untested.isEmpty() ? "" : "; " + untested);
    }
}
