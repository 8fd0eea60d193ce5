package dev.apimupgrade.fact;

/** A column of a table the guide touches, with its type as the database names it and whether it accepts NULL. */
public record DbColumn(String datasource, String table, String column, String type, boolean nullable, SourceRef source)
        implements Observation {
    public String observed() {
        return table + "." + column + " " + type + (nullable ? " NULL" : " NOT NULL");
    }
}
