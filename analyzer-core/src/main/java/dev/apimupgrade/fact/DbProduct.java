package dev.apimupgrade.fact;

/**
 * The database product behind a datasource as its driver reports it ({@code product}, {@code version}), with the
 * {@link DatabaseProduct} the tool reads and scripts it as; {@code untested} says which checks were not proven on this
 * product (empty for H2, PostgreSQL and MariaDB/MySQL).
 */
public record DbProduct(
        String datasource, String product, String version, DatabaseProduct database, String untested, SourceRef source)
        implements Observation {
    /** The jOOQ dialect's name it is read through ("POSTGRES", "MARIADB", or "JDBC"), as findings and plans name it. */
    public String dialect() {
        return database.jooqName();
    }

    public String observed() {
        return product + " " + version + " (dialect " + dialect() + ")" + (untested.isEmpty() ? "" : "; " + untested);
    }
}
