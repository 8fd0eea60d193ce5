package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DbForeignKey;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of every table of one schema, in one catalogue query per kind of key and product: primary and unique keys
 * together, then foreign keys. H2 1.4 rebuilds an INFORMATION_SCHEMA table on every question, so asking table by
 * table (as DatabaseMetaData and jOOQ's meta API do) cost a rebuild per table. Rows come back ordered by table, key
 * name and column position; a key's columns are in key order, its table and column names in the database's spelling.
 */
abstract class CatalogQueries {

    /** A primary or unique key of a table. */
    record Key(String name, boolean primary, List<String> columns) {}

    /** A foreign key of a table: its columns, the table it points to (upper case) and that table's columns. */
    record Reference(
            String name,
            List<String> columns,
            String target,
            List<String> targetColumns,
            String onDelete,
            String onUpdate) {}

    static CatalogQueries of(DatabaseProduct kind) {
        return switch (kind) {
            case H2 -> new H2();
            case POSTGRESQL -> new Postgres();
            case MARIADB, MYSQL -> new MySql();
            default -> throw new IllegalArgumentException("no catalogue queries for " + kind);
        };
    }

    abstract String currentSchema(Connection c) throws SQLException;

    /** Key rows: table, key name, primary (boolean), column, position. Primary key first in each table. */
    abstract String keysSql();

    /** Reference rows: table, key name, column, target table, target column, position, delete rule, update rule. */
    abstract String referencesSql();

    /** A rule as the catalogue spells it, in the facts' vocabulary (RESTRICT acts as NO ACTION when checked). */
    String rule(String value) {
        return switch (value.toUpperCase(Locale.ROOT).replace('_', ' ')) {
            case "CASCADE" -> DbForeignKey.CASCADE;
            case "SET NULL" -> DbForeignKey.SET_NULL;
            case "SET DEFAULT" -> DbForeignKey.SET_DEFAULT;
            default -> DbForeignKey.NO_ACTION;
        };
    }

    final String currentSchema(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every table's primary key (first) and unique keys, by table name as the database spells it. */
    Map<String, List<Key>> keys(Connection c, String schema) throws SQLException {
        Map<String, Map<String, Key>> byTable = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(keysSql())) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    boolean primary = rs.getBoolean(3);
                    Map<String, Key> keys = byTable.computeIfAbsent(table, t -> new LinkedHashMap<>());
                    String id = (primary ? "P:" : "U:") + name;
                    keys.computeIfAbsent(id, k -> new Key(name, primary, new ArrayList<>()))
                            .columns()
                            .addAll(columns(rs.getString(4)));
                }
            }
        }
        Map<String, List<Key>> out = new LinkedHashMap<>();
        byTable.forEach((table, keys) -> {
            List<Key> list = new ArrayList<>();
            keys.values().stream().filter(Key::primary).forEach(list::add);
            keys.values().stream().filter(k -> !k.primary()).forEach(list::add);
            out.put(table, list);
        });
        return out;
    }

    /** The column, or (H2's COLUMN_LIST) the columns of a key in one comma-separated value. */
    List<String> columns(String value) {
        return List.of(value);
    }

    /** Every table's foreign keys, by table name as the database spells it. */
    Map<String, List<Reference>> references(Connection c, String schema) throws SQLException {
        Map<String, Map<String, Reference>> byTable = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(referencesSql())) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String target = rs.getString(4).toUpperCase(Locale.ROOT);
                    String name = rs.getString(2) != null ? rs.getString(2) : "FK_TO_" + target;
                    Reference r = byTable.computeIfAbsent(table, t -> new LinkedHashMap<>())
                            .computeIfAbsent(name, n -> {
                                try {
                                    return new Reference(
                                            n,
                                            new ArrayList<>(),
                                            target,
                                            new ArrayList<>(),
                                            rule(rs.getString(7)),
                                            rule(rs.getString(8)));
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                    r.columns().add(rs.getString(3).toUpperCase(Locale.ROOT));
                    r.targetColumns().add(rs.getString(5).toUpperCase(Locale.ROOT));
                }
            }
        }
        Map<String, List<Reference>> out = new LinkedHashMap<>();
        byTable.forEach((table, refs) -> out.put(table, new ArrayList<>(refs.values())));
        return out;
    }

    /**
     * H2 1.4.199: INDEXES marks the primary key (named as DatabaseMetaData names it, by its constraint), CONSTRAINTS
     * lists a unique key's columns in key order, CROSS_REFERENCES carries JDBC's rule numbers.
     */
    static final class H2 extends CatalogQueries {
        @Override
        String currentSchema(Connection c) throws SQLException {
            return currentSchema(c, "SELECT SCHEMA()");
        }

        @Override
        String keysSql() {
            return """
                    SELECT TABLE_NAME, NAME, PK, COLS, POS FROM (
                      SELECT TABLE_NAME, COALESCE(CONSTRAINT_NAME, INDEX_NAME) NAME, TRUE PK, COLUMN_NAME COLS,
                             ORDINAL_POSITION POS
                      FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = ?1 AND PRIMARY_KEY = TRUE
                      UNION ALL
                      SELECT TABLE_NAME, CONSTRAINT_NAME, FALSE, COLUMN_LIST, 0
                      FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE TABLE_SCHEMA = ?1 AND CONSTRAINT_TYPE = 'UNIQUE'
                    ) ORDER BY TABLE_NAME, PK DESC, NAME, POS""";
        }

        @Override
        List<String> columns(String value) {
            return Arrays.asList(value.split(","));
        }

        @Override
        String referencesSql() {
            return """
                    SELECT FKTABLE_NAME, FK_NAME, FKCOLUMN_NAME, PKTABLE_NAME, PKCOLUMN_NAME, ORDINAL_POSITION,
                           DELETE_RULE, UPDATE_RULE
                    FROM INFORMATION_SCHEMA.CROSS_REFERENCES WHERE FKTABLE_SCHEMA = ?
                    ORDER BY FKTABLE_NAME, PKTABLE_NAME, FK_NAME, ORDINAL_POSITION""";
        }

        @Override
        String rule(String jdbcRule) {
            return switch (Integer.parseInt(jdbcRule)) {
                case DatabaseMetaData.importedKeyCascade -> DbForeignKey.CASCADE;
                case DatabaseMetaData.importedKeySetNull -> DbForeignKey.SET_NULL;
                case DatabaseMetaData.importedKeySetDefault -> DbForeignKey.SET_DEFAULT;
                default -> DbForeignKey.NO_ACTION;
            };
        }
    }

    /** PostgreSQL: pg_constraint, whose key arrays unnest in key order (information_schema is slower to ask). */
    static final class Postgres extends CatalogQueries {
        @Override
        String currentSchema(Connection c) throws SQLException {
            return currentSchema(c, "SELECT current_schema()");
        }

        @Override
        String keysSql() {
            return """
                    SELECT t.relname, k.conname, k.contype = 'p', a.attname, u.pos
                    FROM pg_constraint k
                    JOIN pg_class t ON t.oid = k.conrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, pos)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum
                    WHERE n.nspname = ? AND k.contype IN ('p', 'u')
                    ORDER BY t.relname, k.contype = 'p' DESC, k.conname, u.pos""";
        }

        @Override
        String referencesSql() {
            return """
                    SELECT t.relname, k.conname, a.attname, ft.relname, fa.attname, u.pos,
                           k.confdeltype, k.confupdtype
                    FROM pg_constraint k
                    JOIN pg_class t ON t.oid = k.conrelid
                    JOIN pg_namespace n ON n.oid = t.relnamespace
                    JOIN pg_class ft ON ft.oid = k.confrelid
                    CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(attnum, fattnum, pos)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum
                    JOIN pg_attribute fa ON fa.attrelid = ft.oid AND fa.attnum = u.fattnum
                    WHERE n.nspname = ? AND k.contype = 'f'
                    ORDER BY t.relname, ft.relname, k.conname, u.pos""";
        }

        @Override
        String rule(String action) {
            return switch (action) {
                case "c" -> DbForeignKey.CASCADE;
                case "n" -> DbForeignKey.SET_NULL;
                case "d" -> DbForeignKey.SET_DEFAULT;
                default -> DbForeignKey.NO_ACTION;
            };
        }
    }

    /** MariaDB and MySQL: the schema is the current database; a primary key is named PRIMARY. */
    static final class MySql extends CatalogQueries {
        @Override
        String currentSchema(Connection c) throws SQLException {
            return currentSchema(c, "SELECT DATABASE()");
        }

        @Override
        String keysSql() {
            return """
                    SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, c.CONSTRAINT_TYPE = 'PRIMARY KEY', k.COLUMN_NAME,
                           k.ORDINAL_POSITION
                    FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c
                    JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA
                      AND k.TABLE_NAME = c.TABLE_NAME AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME
                    WHERE c.CONSTRAINT_SCHEMA = ? AND c.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')
                    ORDER BY k.TABLE_NAME, c.CONSTRAINT_TYPE = 'PRIMARY KEY' DESC, k.CONSTRAINT_NAME,
                      k.ORDINAL_POSITION""";
        }

        @Override
        String referencesSql() {
            return """
                    SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,
                           k.REFERENCED_COLUMN_NAME, k.ORDINAL_POSITION, r.DELETE_RULE, r.UPDATE_RULE
                    FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
                    JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
                      AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
                    WHERE k.CONSTRAINT_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
                    ORDER BY k.TABLE_NAME, k.REFERENCED_TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";
        }
    }
}
