package dev.apimupgrade.fact;

import java.util.List;

/**
 * A primary key or unique constraint of a table the guide touches, with its real name (which differs per database,
 * so scripts that drop it by name can be checked) and its columns, upper case in key order.
 */
public record DbConstraint(
        String datasource, String table, String name, String kind, List<String> columns, SourceRef source)
        implements Observation {
    public static final String PRIMARY_KEY = "PRIMARY KEY";
    public static final String UNIQUE = "UNIQUE";

    public DbConstraint {
        columns = List.copyOf(columns);
    }

    /** Whether the key has this column (a method, as the executable model does not index a List "contains"). */
    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    /** The columns as the evidence and the expected schema text show them: "APINAME,APICREATOR". */
    public String columnList() {
        return String.join(",", columns);
    }

    public String observed() {
        return kind + " " + name + " on " + table + " (" + columnList() + ")";
    }
}
