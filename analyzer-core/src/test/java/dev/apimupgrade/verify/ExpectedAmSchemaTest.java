package dev.apimupgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.AmCatalogue;
import dev.apimupgrade.plan.TestDatabase;
import dev.apimupgrade.report.AfterReport.Difference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB-AM-SCHEMA's expected schema cannot drift: the shipped am-schema-3.1.0.txt is exactly what the real 3.1.0 apimgt
 * script of each dialect gives when loaded on H2 1.4.199, PostgreSQL and MariaDB and read by the production scanner
 * (the reference folder comes from apim.reference.dir; absent, the test skips, under CI=true it fails). Its tables,
 * column nullability and primary keys are checked a second time against plain JDBC metadata (AmCatalogue, the reading
 * AmUpgradeScriptTest compares the migrated schema with). Rewrite the resource with -Dam.schema.update=true (it needs
 * all three servers).
 */
class ExpectedAmSchemaTest {
    static final Path RESOURCE = Path.of("src/main/resources" + ExpectedAmSchema.SCHEMA);
    static final String HEADER = """
            # The AM_ tables of a fresh WSO2 API Manager 3.1.0 WSO2AM_DB, as verify compares them (DB-AM-SCHEMA,
            # condition FIN-VERIFY). Derived from WSO2's apim-3.1.0/dbscripts/apimgt/{h2,postgresql,mysql}.sql loaded on
            # H2 1.4.199, PostgreSQL and MariaDB and read by the scanner; ExpectedAmSchemaTest checks it against those
            # scripts and rewrites it with -Dam.schema.update=true. Read by dev.apimupgrade.verify.ExpectedAmSchema.
            #
            # TABLE <name>, then its columns (<name> <type family> NULL|NOT NULL), PK (<columns>), UNIQUE (<columns>)
            # and FK (<columns>) <table> (<columns>) ON DELETE <rule> ON UPDATE <rule>. Generated constraint names are
            # left out. A type is its family: VARCHAR(n) and CHAR(n) keep their length, other types their family name.
            # A line holds for every dialect (h2, mysql for MySQL and MariaDB, postgresql) unless it starts with the
            # dialects it holds for in brackets.
            """;

    @TempDir
    Path tmp;

    static Facts fresh310(DatabaseProduct dialect, Path tmp) throws Exception {
        return AmDatabases.scanned(dialect, tmp, db -> db.loadSchema("3.1.0", "apimgt"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void theShippedExpectedSchemaIsWhatTheReal310ScriptGivesOnTheDialect(DatabaseProduct dialect) throws Exception {
        AmSchema observed = AmSchema.observed(fresh310(dialect, tmp), AmDatabases.DATASOURCE);
        AmSchema expected = ExpectedAmSchema.shipped()
                .forDialect(AmDatabases.schemaDialect(dialect))
                .orElseThrow();

        List<Difference> differences = AmSchemaCheck.compare(AmDatabases.DATASOURCE, expected, observed, List.of());

        assertThat(differences)
                .as("%s: rerun with -Dam.schema.update=true if the 3.1.0 scripts changed", dialect)
                .isEmpty();
        assertThat(observed.lines())
                .filteredOn(l -> l.startsWith("TABLE "))
                .hasSizeGreaterThanOrEqualTo(46)
                .contains("TABLE AM_API_CATEGORIES", "TABLE AM_USER", "TABLE AM_SECURITY_AUDIT_UUID_MAPPING");
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void itsTablesNullabilityAndPrimaryKeysAgreeWithPlainJdbcMetadataOfTheReal310Schema(DatabaseProduct dialect)
            throws Exception {
        TreeSet<String> catalogue;
        try (TestDatabase fresh = TestDatabase.create(dialect)) {
            fresh.loadSchema("3.1.0", "apimgt");
            catalogue = AmCatalogue.of(fresh.connection);
        }
        AmSchema expected = ExpectedAmSchema.shipped()
                .forDialect(AmDatabases.schemaDialect(dialect))
                .orElseThrow();

        assertThat(nullability(
                        expected.lines().stream()
                                .filter(l -> l.startsWith("COL "))
                                .toList(),
                        true))
                .isEqualTo(nullability(
                        catalogue.stream().filter(l -> l.startsWith("COL ")).toList(), false));
        assertThat(expected.lines().stream().filter(l -> l.startsWith("PK ")).toList())
                .isEqualTo(catalogue.stream()
                        .filter(l -> l.startsWith("PK ") && !l.endsWith("()"))
                        .toList());
    }

    /** "AM_API.API_ID NOT NULL" per column, from either form (our family lines or AmCatalogue's TYPE(size) lines). */
    private static List<String> nullability(List<String> columns, boolean ours) {
        return columns.stream()
                .map(l -> {
                    String name = l.split(" ")[1];
                    boolean notNull = ours ? l.endsWith(" NOT NULL") : l.contains(" NOT NULL");
                    return name + (notNull ? " NOT NULL" : " NULL");
                })
                .sorted()
                .collect(Collectors.toList());
    }

    /** Like the golden runbooks: compares the whole file, or rewrites it with -Dam.schema.update=true. */
    @Test
    void theShippedResourceIsByteForByteWhatTheReal310ScriptsRenderTo() throws Exception {
        Map<String, AmSchema> schemas = new LinkedHashMap<>();
        for (DatabaseProduct d : List.of(DatabaseProduct.H2, DatabaseProduct.MYSQL, DatabaseProduct.POSTGRESQL)) {
            schemas.put(
                    AmDatabases.schemaDialect(d),
                    AmSchema.observed(fresh310(d, Files.createTempDirectory(tmp, d.name())), AmDatabases.DATASOURCE));
        }
        String rendered = ExpectedAmSchema.render(schemas, HEADER);
        if (Boolean.getBoolean("am.schema.update")) {
            Files.writeString(RESOURCE, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(RESOURCE, StandardCharsets.UTF_8))
                .as(RESOURCE + " (rewrite it with -Dam.schema.update=true if the 3.1.0 scripts changed)")
                .isEqualTo(rendered);
    }

    @Test
    void theResourceReadsBackAsTheSchemasItWasRenderedFrom() {
        ExpectedAmSchema shipped = ExpectedAmSchema.shipped();
        Map<String, AmSchema> schemas = new LinkedHashMap<>();
        ExpectedAmSchema.DIALECTS.forEach(
                d -> schemas.put(d, shipped.forDialect(d).orElseThrow()));

        ExpectedAmSchema reread = ExpectedAmSchema.parse(ExpectedAmSchema.render(schemas, HEADER), "");

        ExpectedAmSchema.DIALECTS.forEach(d -> assertThat(reread.forDialect(d)).contains(schemas.get(d)));
        assertThat(shipped.documented("h2")).hasSize(3);
        assertThat(shipped.documented("postgresql"))
                .extracting(ExpectedAmSchema.Documented::observed)
                .allSatisfy(o -> assertThat(o).isPresent());
    }
}
