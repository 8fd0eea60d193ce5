package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DbColumn;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.DbForeignKey;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.exception.SQLDialectNotSupportedException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;
import org.jooq.impl.SQLDataType;

/**
 * Finds the guide's tables and every AM_, IDN_ and UM_ table in a datasource's current schema and describes them as
 * facts (tables, columns, primary and unique constraints with their real names, and the foreign keys of the AM_, IDN_
 * and UM_ tables, which verify compares with the 3.1.0 schema). For the tested products, a few queries over the whole
 * schema (ADR 0036); plain JDBC metadata table by table, with unique indexes standing in for unique constraints, for
 * Oracle, SQL Server and DB2.
 */
final class CatalogReader {
    private final String datasource;
    private final List<Observation> facts;

    CatalogReader(String datasource, List<Observation> facts) {
        this.datasource = datasource;
        this.facts = facts;
    }

    /**
     * The catalogue of a tested product (H2, PostgreSQL, MariaDB/MySQL) in a handful of queries for the whole schema:
     * the tables and the columns through one DatabaseMetaData call each (with {@code %} for the table), and the
     * primary, unique and foreign keys through one catalogue query each ({@link CatalogQueries}). jOOQ's meta API
     * asked for the primary keys table by table, parsed every column default and ran its unique-key query beside,
     * which was a third of assess on the custom sample; the facts are the same (CatalogQueriesTest compares both on
     * the real 3.0.0 schemas of each product).
     */
    /** Relations that have rows (PostgreSQL lists indexes and sequences too when asked for every type). */
    private static final String[] RELATIONS = {"TABLE", "VIEW", "PARTITIONED TABLE"};

    Catalog read(Connection c, DatabaseProduct kind) throws SQLException {
        SQLDialect dialect = kind.jooqDialect().orElseThrow();
        CatalogQueries queries = CatalogQueries.of(kind);
        String current = queries.currentSchema(c);
        boolean byCatalog = kind.isMysqlFamily();
        String catalog = byCatalog ? current : null;
        String schema = byCatalog ? null : current;
        DatabaseMetaData md = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", RELATIONS)) {
            while (rs.next()) {
                if (inSchema(rs, current, byCatalog)
                        && GuideTables.described(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        Map<String, List<String[]>> columns = new HashMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, "%", "%")) {
            while (rs.next()) {
                if (inSchema(rs, current, byCatalog)) {
                    columns.computeIfAbsent(rs.getString("TABLE_NAME"), k -> new ArrayList<>())
                            .add(new String[] {
                                rs.getString("COLUMN_NAME"),
                                rs.getString("TYPE_NAME"),
                                String.valueOf(rs.getInt("COLUMN_SIZE")),
                                String.valueOf(rs.getInt("DECIMAL_DIGITS")),
                                String.valueOf(rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls),
                                String.valueOf(rs.getInt("ORDINAL_POSITION"))
                            });
                }
            }
        }
        Map<String, List<CatalogQueries.Key>> keys = queries.keys(c, current);
        Map<String, List<CatalogQueries.Reference>> references = queries.references(c, current);
        Map<String, Catalog.Found> found = new LinkedHashMap<>();
        List<Observation> foreignKeys = new ArrayList<>();
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            Map<String, Field<Object>> fields = new LinkedHashMap<>();
            List<String[]> cols = new ArrayList<>(columns.getOrDefault(name, List.of()));
            cols.sort(Comparator.comparingInt(col -> Integer.parseInt(col[5])));
            for (String[] col : cols) {
                DataType<?> type = dataType(dialect, col[1], Integer.parseInt(col[2]), Integer.parseInt(col[3]));
                fields.put(col[0].toUpperCase(Locale.ROOT), typed(DSL.field(DSL.name(current, name, col[0]), type)));
                column(upper, col[0], typeName(type), Boolean.parseBoolean(col[4]));
            }
            for (CatalogQueries.Key k : keys.getOrDefault(name, List.of())) {
                constraint(upper, k.name(), k.primary(), k.columns());
            }
            if (GuideTables.isCompared(upper)) {
                for (CatalogQueries.Reference r : references.getOrDefault(name, List.of())) {
                    foreignKeys.add(new DbForeignKey(
                            datasource,
                            upper,
                            r.name(),
                            r.columns(),
                            r.target(),
                            r.targetColumns(),
                            r.onDelete(),
                            r.onUpdate(),
                            SourceRef.db(datasource, upper + "/" + r.name())));
                }
            }
            found.put(upper, new Catalog.Found(DSL.table(DSL.name(current, name)), fields));
        }
        // after every table's columns and keys, as they were read before
        facts.addAll(foreignKeys);
        return finish(found);
    }

    private static boolean inSchema(ResultSet rs, String current, boolean byCatalog) throws SQLException {
        return current.equals(rs.getString(byCatalog ? "TABLE_CAT" : "TABLE_SCHEM"));
    }

    /** The type as jOOQ's meta API made it from the same JDBC column description (no default: none is needed). */
    private static DataType<?> dataType(SQLDialect dialect, String typeName, int precision, int scale) {
        try {
            return DefaultDataType.getDataType(dialect.family(), typeName, precision, scale, true);
        } catch (SQLDialectNotSupportedException e) {
            return SQLDataType.OTHER;
        }
    }

    /** The same facts through DatabaseMetaData, for the products jOOQ's open-source edition has no dialect for. */
    Catalog readJdbc(DatabaseMetaData md, String catalog, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (GuideTables.described(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        Map<String, Catalog.Found> found = new LinkedHashMap<>();
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            Map<String, Field<Object>> columns = new LinkedHashMap<>();
            try (ResultSet rs = md.getColumns(catalog, schema, name, "%")) {
                while (rs.next()) {
                    String col = rs.getString("COLUMN_NAME");
                    columns.put(col.toUpperCase(Locale.ROOT), DSL.field(DSL.name(schema, name, col)));
                    boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                    column(upper, col, rs.getString("TYPE_NAME"), nullable);
                }
            }
            jdbcKeys(md, catalog, schema, name);
            if (GuideTables.isCompared(upper)) {
                foreignKeys(md, catalog, schema, name);
            }
            found.put(upper, new Catalog.Found(DSL.table(DSL.name(schema, name)), columns));
        }
        return finish(found);
    }

    private void jdbcKeys(DatabaseMetaData md, String catalog, String schema, String name) throws SQLException {
        Map<String, List<String>> pk = new LinkedHashMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
            while (rs.next()) {
                pk.computeIfAbsent(String.valueOf(rs.getString("PK_NAME")), k -> new ArrayList<>())
                        .add(rs.getString("COLUMN_NAME"));
            }
        }
        pk.forEach((k, cols) -> constraint(name.toUpperCase(Locale.ROOT), k, true, cols));
        Map<String, List<String>> unique = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, name, true, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index != null && rs.getString("COLUMN_NAME") != null && !pk.containsKey(index)) {
                    unique.computeIfAbsent(index, k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        // The index behind the primary key may carry another name than the key (H2, SQL Server): not a second key.
        unique.values().removeIf(pk::containsValue);
        unique.forEach((k, cols) -> constraint(name.toUpperCase(Locale.ROOT), k, false, cols));
    }

    /**
     * The foreign keys of one table, each column pair in key order, named by the key (or, unnamed, its target).
     * CatalogQueriesTest's reference reads the tested products' foreign keys this way too, as CatalogReader did before.
     */
    void foreignKeys(DatabaseMetaData md, String catalog, String schema, String name) throws SQLException {
        Map<String, Map<Integer, String[]>> pairs = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, name)) {
            while (rs.next()) {
                String target = rs.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT);
                String key = rs.getString("FK_NAME") != null ? rs.getString("FK_NAME") : "FK_TO_" + target;
                heads.putIfAbsent(
                        key, new String[] {target, rule(rs.getInt("DELETE_RULE")), rule(rs.getInt("UPDATE_RULE"))});
                pairs.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"), new String[] {
                    rs.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT),
                    rs.getString("PKCOLUMN_NAME").toUpperCase(Locale.ROOT)
                });
            }
        }
        String table = name.toUpperCase(Locale.ROOT);
        heads.forEach((key, head) -> {
            // heads and pairs are filled from the same rows, key by key
            List<String[]> cols =
                    new ArrayList<>(Objects.requireNonNull(pairs.get(key)).values());
            facts.add(new DbForeignKey(
                    datasource,
                    table,
                    key,
                    cols.stream().map(c -> c[0]).toList(),
                    head[0],
                    cols.stream().map(c -> c[1]).toList(),
                    head[1],
                    head[2],
                    SourceRef.db(datasource, table + "/" + key)));
        });
    }

    private static String rule(int jdbcRule) {
        return switch (jdbcRule) {
            case DatabaseMetaData.importedKeyCascade -> DbForeignKey.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> DbForeignKey.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> DbForeignKey.SET_DEFAULT;
            default -> DbForeignKey.NO_ACTION;
        };
    }

    private Catalog finish(Map<String, Catalog.Found> found) {
        if (found.containsKey("AM_SYSTEM_APPS")) {
            for (String marker : GuideTables.MARKERS_3_1_0) {
                if (!found.containsKey(marker)) {
                    facts.add(new DbTable(datasource, marker, false, SourceRef.db(datasource, marker)));
                }
            }
        }
        for (String upper : found.keySet()) {
            facts.add(new DbTable(datasource, upper, true, SourceRef.db(datasource, upper)));
        }
        return new Catalog(found);
    }

    private void column(String table, String name, String type, boolean nullable) {
        String column = name.toUpperCase(Locale.ROOT);
        facts.add(new DbColumn(
                datasource, table, column, type, nullable, SourceRef.db(datasource, table + "." + column)));
    }

    private void constraint(String table, String name, boolean primary, List<String> columns) {
        List<String> cols =
                columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        facts.add(new DbConstraint(
                datasource,
                table,
                name,
                primary ? DbConstraint.PRIMARY_KEY : DbConstraint.UNIQUE,
                cols,
                SourceRef.db(datasource, table + "/" + name)));
    }

    private static String typeName(DataType<?> type) {
        String name = type.getTypeName().toUpperCase(Locale.ROOT);
        return type.hasLength() && type.length() > 0 ? name + "(" + type.length() + ")" : name;
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> typed(Field<?> f) {
        return (Field<Object>) f;
    }
}
