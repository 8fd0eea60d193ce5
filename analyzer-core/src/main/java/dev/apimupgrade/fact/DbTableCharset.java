package dev.apimupgrade.fact;

import java.util.List;

/**
 * The text columns of one AM_, IDN_, UM_ or REG_ table of a MySQL/MariaDB database that share a character set and
 * collation (information_schema.COLUMNS), upper case in column order: a foreign key to one of them is refused (errno
 * 150) unless the referencing column has the same set and collation.
 */
public record DbTableCharset(
        String datasource, String table, String characterSet, String collation, List<String> columns, SourceRef source)
        implements Observation {
    public DbTableCharset {
        columns = List.copyOf(columns);
    }

    public boolean hasColumn(String column) {
        return columns.contains(column);
    }

    public String observed() {
        return table + " (" + String.join(", ", columns) + ") character set " + characterSet + " collation "
                + collation;
    }
}
