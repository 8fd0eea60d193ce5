package dev.apimupgrade.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DbColumn;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.DbForeignKey;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.plan.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalogue read in a few queries for the whole schema gives the same facts, in the same order, as jOOQ's meta
 * API and DatabaseMetaData table by table (how CatalogReader read it before, kept here as the reference), on the real
 * APIM 3.0.0 schemas (WSO2AM_DB's and the shared kernel tables) of each tested product.
 */
class CatalogQueriesTest {

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void theSchemaWideQueriesGiveTheFactsJooqsMetaApiGaveTableByTable(DatabaseProduct server) throws Exception {
        try (TestDatabase db = TestDatabase.create(server)) {
            db.loadSchema("3.0.0", "apimgt");
            db.loadSchema("3.0.0", "");
            Connection c = db.connection;
            DatabaseProduct kind = server.servedBy(c.getMetaData().getDatabaseProductName());

            List<Observation> bulk = new ArrayList<>();
            Catalog catalog = new CatalogReader("apim_db", bulk).read(c, kind);
            List<Observation> reference =
                    throughJooqMeta(DSL.using(c, kind.jooqDialect().orElseThrow()), "apim_db");

            assertThat(firstDifference(bulk, reference)).isEmpty();
            assertThat(bulk).containsExactlyElementsOf(reference);
            // the comparison is of a real catalogue: tables, keys of both kinds and foreign keys with their rules
            assertThat(bulk).filteredOn(DbTable.class::isInstance).hasSizeGreaterThan(100);
            assertThat(bulk)
                    .filteredOn(DbConstraint.class::isInstance)
                    .extracting(o -> ((DbConstraint) o).kind())
                    .contains(DbConstraint.PRIMARY_KEY, DbConstraint.UNIQUE);
            assertThat(bulk)
                    .filteredOn(DbForeignKey.class::isInstance)
                    .extracting(o -> ((DbForeignKey) o).onDelete())
                    .contains(DbForeignKey.CASCADE);
            assertThat(catalog.table("AM_API").orElseThrow().column("API_ID")).isPresent();
        }
    }

    /** The first fact at which two lists differ, as "index: one | other", to keep a failure readable. */
    private static String firstDifference(List<Observation> one, List<Observation> other) {
        for (int i = 0; i < Math.max(one.size(), other.size()); i++) {
            Object a = i < one.size() ? one.get(i) : "(none)";
            Object b = i < other.size() ? other.get(i) : "(none)";
            if (!a.equals(b)) {
                return i + ": " + a + "\n | " + b;
            }
        }
        return "";
    }

    /** How CatalogReader read a tested product's catalogue before: jOOQ's meta API, foreign keys table by table. */
    private static List<Observation> throughJooqMeta(DSLContext ctx, String datasource) {
        List<Observation> facts = new ArrayList<>();
        String current = ctx.select(DSL.currentSchema()).fetchOne(0, String.class);
        List<String> compared = new ArrayList<>();
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (Schema schema : ctx.meta()
                .filterSchemas(s -> s.getName().equalsIgnoreCase(current))
                .getSchemas()) {
            for (Table<?> t : schema.getTables()) {
                String upper = t.getName().toUpperCase(Locale.ROOT);
                if (!GuideTables.described(upper)) {
                    continue;
                }
                if (GuideTables.isCompared(upper)) {
                    compared.add(t.getName());
                }
                for (Field<?> f : t.fields()) {
                    String column = f.getName().toUpperCase(Locale.ROOT);
                    DataType<?> type = f.getDataType();
                    String name = type.getTypeName().toUpperCase(Locale.ROOT);
                    facts.add(new DbColumn(
                            datasource,
                            upper,
                            column,
                            type.hasLength() && type.length() > 0 ? name + "(" + type.length() + ")" : name,
                            type.nullable(),
                            SourceRef.db(datasource, upper + "." + column)));
                }
                for (UniqueKey<?> k : t.getKeys()) {
                    facts.add(new DbConstraint(
                            datasource,
                            upper,
                            k.getName(),
                            k.isPrimary() ? DbConstraint.PRIMARY_KEY : DbConstraint.UNIQUE,
                            k.getFields().stream()
                                    .map(f -> f.getName().toUpperCase(Locale.ROOT))
                                    .toList(),
                            SourceRef.db(datasource, upper + "/" + k.getName())));
                }
                found.put(upper, true);
            }
        }
        ctx.connection(c -> {
            for (String name : compared) {
                new CatalogReader(datasource, facts).foreignKeys(c.getMetaData(), c.getCatalog(), c.getSchema(), name);
            }
        });
        if (found.containsKey("AM_SYSTEM_APPS")) {
            for (String marker : GuideTables.MARKERS_3_1_0) {
                if (!found.containsKey(marker)) {
                    facts.add(new DbTable(datasource, marker, false, SourceRef.db(datasource, marker)));
                }
            }
        }
        found.keySet()
                .forEach(upper -> facts.add(new DbTable(datasource, upper, true, SourceRef.db(datasource, upper))));
        return facts;
    }
}
