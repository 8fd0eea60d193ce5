package dev.apimupgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.report.AfterReport.Difference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB-IDENTITY-SCHEMA's expected schema cannot drift: the shipped identity-schema-3.1.0.txt is exactly what WSO2's real
 * 3.1.0 scripts (dbscripts/apimgt for the IDN_ tables, dbscripts/ for the UM_ ones) give when loaded on H2 1.4.199,
 * PostgreSQL and MariaDB and read by the production scanner. Rewrite it with -Didentity.schema.update=true.
 */
class ExpectedIdentitySchemaTest {
    static final Path RESOURCE = Path.of("src/main/resources" + ExpectedAmSchema.IDENTITY_SCHEMA);
    static final Predicate<String> IDENTITY = t -> AmSchema.isIdentity(t) || AmSchema.isUserManagement(t);
    static final String HEADER = """
            # The identity (IDN_) and user-management (UM_) tables of a fresh WSO2 API Manager 3.1.0, as verify compares
            # them (DB-IDENTITY-SCHEMA). Derived from WSO2's apim-3.1.0/dbscripts/apimgt/{h2,postgresql,mysql}.sql (IDN_)
            # and apim-3.1.0/dbscripts/{h2,postgresql,mysql}.sql (UM_) loaded on H2 1.4.199, PostgreSQL and MariaDB and
            # read by the scanner; ExpectedIdentitySchemaTest checks it against those scripts and rewrites it with
            # -Didentity.schema.update=true. Read by dev.apimupgrade.verify.ExpectedAmSchema.identity().
            #
            # The form of am-schema-3.1.0.txt: TABLE <name>, then its columns (<name> <type family> NULL|NOT NULL),
            # PK (<columns>), UNIQUE (<columns>) and FK (<columns>) <table> (<columns>) ON DELETE <rule> ON UPDATE
            # <rule>; a line holds for every dialect (h2, mysql for MySQL and MariaDB, postgresql) unless it starts with
            # the dialects it holds for in brackets.
            """;

    @TempDir
    Path tmp;

    static Facts fresh310(DatabaseProduct dialect, Path tmp) throws Exception {
        return AmDatabases.scanned(dialect, tmp, db -> {
            db.loadSchema("3.1.0", "apimgt");
            db.loadSchema("3.1.0", "");
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void theShippedIdentitySchemaIsWhatTheReal310ScriptsGiveOnTheDialect(DatabaseProduct dialect) throws Exception {
        AmSchema observed = AmSchema.observed(fresh310(dialect, tmp), AmDatabases.DATASOURCE, IDENTITY);
        AmSchema expected = ExpectedAmSchema.identity()
                .forDialect(AmDatabases.schemaDialect(dialect))
                .orElseThrow();

        List<Difference> differences = AmSchemaCheck.compare(AmDatabases.DATASOURCE, expected, observed, List.of());

        assertThat(differences)
                .as("%s: rerun with -Didentity.schema.update=true if the 3.1.0 scripts changed", dialect)
                .isEmpty();
        assertThat(observed.lines())
                .contains("TABLE IDN_UMA_RESOURCE", "TABLE UM_UUID_DOMAIN_MAPPER", "TABLE IDN_OAUTH2_AUTHZ_CODE_SCOPE")
                .doesNotContain("TABLE IDN_OIDC_SCOPE");
    }

    /** Like the golden runbooks: compares the whole file, or rewrites it with -Didentity.schema.update=true. */
    @Test
    void theShippedResourceIsByteForByteWhatTheReal310ScriptsRenderTo() throws Exception {
        Map<String, AmSchema> schemas = new LinkedHashMap<>();
        for (DatabaseProduct d : List.of(DatabaseProduct.H2, DatabaseProduct.MYSQL, DatabaseProduct.POSTGRESQL)) {
            schemas.put(
                    AmDatabases.schemaDialect(d),
                    AmSchema.observed(
                            fresh310(d, Files.createTempDirectory(tmp, d.name())), AmDatabases.DATASOURCE, IDENTITY));
        }
        String rendered = ExpectedAmSchema.render(schemas, HEADER);
        if (Boolean.getBoolean("identity.schema.update")) {
            Files.writeString(RESOURCE, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(RESOURCE, StandardCharsets.UTF_8))
                .as(RESOURCE + " (rewrite it with -Didentity.schema.update=true if the 3.1.0 scripts changed)")
                .isEqualTo(rendered);
    }
}
