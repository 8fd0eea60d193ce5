package dev.apimupgrade.scan.db;

import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The guide's tables found in one datasource, keyed by upper-case name, as jOOQ tables and columns carrying the
 * database's real spelling, so every query quotes identifiers as the database stores them (PostgreSQL: lower case).
 */
record Catalog(Map<String, Found> tables) {

    /** One found table and its columns by upper-case name. */
    record Found(Table<?> table, Map<String, Field<Object>> columns) {
        Optional<Field<Object>> column(String upperName) {
            return Optional.ofNullable(columns.get(upperName));
        }
    }

    Optional<Found> table(String upperName) {
        return Optional.ofNullable(tables.get(upperName));
    }
}
