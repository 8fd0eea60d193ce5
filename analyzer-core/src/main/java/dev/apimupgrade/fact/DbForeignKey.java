package dev.apimupgrade.fact;

/**
 * A foreign key of an AM_ table with its real name, its columns (upper case, comma separated, in key order), the table
 * and columns it references and its rules, so verify can compare the AM schema with the 3.1.0 one. A rule is
 * {@link #CASCADE}, {@link #SET_NULL}, {@link #SET_DEFAULT} or {@link #NO_ACTION} (RESTRICT reads as NO ACTION: the
 * products disagree on which of the two an unspecified rule is).
 */
public record DbForeignKey(
        String datasource,
        String table,
        String name,
        String columns,
        String referencedTable,
        String referencedColumns,
        String onDelete,
        String onUpdate,
        SourceRef source)
        implements Observation {
    public static final String CASCADE = "CASCADE";
    public static final String SET_NULL = "SET NULL";
    public static final String SET_DEFAULT = "SET DEFAULT";
    public static final String NO_ACTION = "NO ACTION";

    public String observed() {
        return "foreign key " + name + " on " + table + " (" + columns + ") references " + referencedTable + " ("
                + referencedColumns + ") on delete " + onDelete + " on update " + onUpdate;
    }
}
