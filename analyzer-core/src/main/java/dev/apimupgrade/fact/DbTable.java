package dev.apimupgrade.fact;

/** A table the guide touches, looked for in a datasource's current schema: present or (for 3.1.0 markers) absent. */
public record DbTable(String datasource, String table, boolean present, SourceRef source) implements Observation {
    public String observed() {
        return "table " + table + (present ? " exists" : " does not exist");
    }
}
