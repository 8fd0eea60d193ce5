package dev.apimupgrade.fact;

import java.util.List;

/**
 * A foreign key of an AM_ table with its real name, its columns (upper case, in key order), the table and columns it
 * references and its rules, so verify can compare the AM schema with the 3.1.0 one. A rule is {@link #CASCADE},
 * {@link #SET_NULL}, {@link #SET_DEFAULT} or {@link #NO_ACTION} (RESTRICT reads as NO ACTION: the products disagree on
 * which of the two an unspecified rule is).
 */
public record DbForeignKey(
        String datasource,
        String table,
        String name,
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        String onDelete,
        String onUpdate,
        SourceRef source)
        implements Observation {
    public static final String CASCADE = "CASCADE";
    public static final String SET_NULL = "SET NULL";
    public static final String SET_DEFAULT = "SET DEFAULT";
    public static final String NO_ACTION = "NO ACTION";

    public DbForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** The columns as the evidence and the expected schema text show them: "API_ID,REVISION". */
    public String columnList() {
        return String.join(",", columns);
    }

    /** The referenced columns, shown as {@link #columnList()} shows the key's own. */
    public String referencedColumnList() {
        return String.join(",", referencedColumns);
    }

    public String observed() {
        return "foreign key " + name + " on " + table + " (" + columnList() + ") references " + referencedTable + " ("
                + referencedColumnList() + ") on delete " + onDelete + " on update " + onUpdate;
    }
}
