package dev.apimupgrade.fact;

/**
 * What a MySQL/MariaDB server lets an index on one table hold, from the table's engine and row format and the server's
 * innodb_page_size and innodb_large_prefix: the bytes one key column may take and the bytes a whole key may take
 * (InnoDB with 16k pages: 3072 each for DYNAMIC or COMPRESSED rows, 767 a column for COMPACT or REDUNDANT).
 */
public record DbIndexLimit(
        String datasource,
        String table,
        String engine,
        String rowFormat,
        long columnBytes,
        long keyBytes,
        SourceRef source)
        implements Observation {
    public String observed() {
        return table + " " + engine + " row format " + rowFormat + ": an index key column up to " + columnBytes
                + " bytes, a key up to " + keyBytes + " bytes";
    }
}
