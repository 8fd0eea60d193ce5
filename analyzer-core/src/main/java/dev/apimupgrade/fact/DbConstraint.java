package dev.apimupgrade.fact;

/**
 * A primary key or unique constraint of a table the guide touches, with its real name (which differs per database,
 * so scripts that drop it by name can be checked) and its columns, upper case and comma separated.
 */
public record DbConstraint(String datasource, String table, String name, String kind, String columns, SourceRef source)
        implements Observation {
    public static final String PRIMARY_KEY = "PRIMARY KEY";
    public static final String UNIQUE = "UNIQUE";

    public String observed() {
        return kind + " " + name + " on " + table + " (" + columns + ")";
    }
}
