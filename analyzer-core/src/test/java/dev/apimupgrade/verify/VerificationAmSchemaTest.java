package dev.apimupgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.report.AfterReport.Difference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FIN-VERIFY's DB-AM-SCHEMA check on real schemas (H2 1.4.199 files, PostgreSQL and MariaDB on loopback; no server
 * skips, CI=true fails): WSO2's 3.0.0 WSO2AM_DB after apim-upgrade's AM script passes with exactly the differences
 * docs/facts.md section 3 documents listed; without the script it fails naming the missing 3.1.0 tables and column; a
 * column dropped by hand fails naming it.
 */
class VerificationAmSchemaTest {
    private static final AmSchemaCheck CHECK = new AmSchemaCheck(ExpectedAmSchema.shipped());

    @TempDir
    Path tmp;

    private static List<String> named(Check c, boolean documented) {
        return c.differences().stream()
                .filter(d -> d.documented() == documented)
                .map(d -> d.kind() + " " + d.object())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void finVerifyPassesTheMigrated300SchemaListingExactlyTheDocumentedCertificateWidths(DatabaseProduct dialect)
            throws Exception {
        Check c = CHECK.check(AmDatabases.scanned(dialect, tmp, AmDatabases::migrated));

        assertThat(c.status()).as(c.detail() + " " + c.differences()).isEqualTo(AfterReport.PASS);
        String endPoint = dialect == DatabaseProduct.POSTGRESQL ? "VARCHAR(45) NOT NULL" : "VARCHAR(100) NOT NULL";
        assertThat(c.differences())
                .extracting(d -> d.object() + ": " + d.expected() + " -> " + d.observed())
                .containsExactly(
                        "AM_CERTIFICATE_METADATA.ALIAS: VARCHAR(255) NOT NULL -> VARCHAR(45) NOT NULL",
                        "AM_CERTIFICATE_METADATA.END_POINT: VARCHAR(255) NOT NULL -> " + endPoint);
        assertThat(c.differences()).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(Difference.DOCUMENTED);
            assertThat(d.reason()).contains("docs/facts.md section 3, item 1");
            assertThat(d.where()).startsWith("db:apim_db/AM_CERTIFICATE_METADATA.");
        });
        assertThat(c.detail())
                .isEqualTo("as the 3.1.0 schema, except 2 documented difference(s), listed with their" + " reason");
        assertThat(c.evidence())
                .singleElement()
                .asString()
                .startsWith("db:apim_db: ")
                .endsWith("49 AM_ tables compared with the 49 of the 3.1.0 schema for "
                        + AmDatabases.schemaDialect(dialect));
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void finVerifyFailsTheUnmigrated300SchemaNamingTheMissing310TablesAndColumn(DatabaseProduct dialect)
            throws Exception {
        Check c = CHECK.check(AmDatabases.scanned(dialect, tmp, db -> db.loadSchema("3.0.0", "apimgt")));

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        List<String> unexpected = named(c, false);
        assertThat(unexpected)
                .contains(
                        "missing table AM_API_CATEGORIES",
                        "missing table AM_USER",
                        "missing table AM_SECURITY_AUDIT_UUID_MAPPING",
                        "missing column AM_SYSTEM_APPS.TENANT_DOMAIN");
        // the 3.0.0 UNIQUE(NAME) is documented only where the guide's script leaves it (H2)
        if (dialect == DatabaseProduct.H2) {
            assertThat(unexpected).hasSize(4);
            assertThat(named(c, true)).contains("unexpected constraint AM_SYSTEM_APPS UNIQUE (NAME)");
        } else {
            assertThat(unexpected)
                    .containsExactlyInAnyOrder(
                            "missing table AM_API_CATEGORIES",
                            "missing table AM_USER",
                            "missing table AM_SECURITY_AUDIT_UUID_MAPPING",
                            "missing column AM_SYSTEM_APPS.TENANT_DOMAIN",
                            "unexpected constraint AM_SYSTEM_APPS UNIQUE (NAME)");
        }
        assertThat(c.differences())
                .extracting(Difference::where)
                .contains(
                        "db:apim_db/AM_USER",
                        "db:apim_db/AM_SYSTEM_APPS.TENANT_DOMAIN",
                        "db:apim_db/AM_SYSTEM_APPS UNIQUE (NAME)");
        assertThat(c.detail())
                .startsWith(unexpected.size() + " difference(s) from the 3.1.0 schema: ")
                .contains("missing table AM_USER")
                .contains("missing column AM_SYSTEM_APPS.TENANT_DOMAIN");
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void finVerifyFailsAMigratedSchemaWithAColumnDroppedByHandNamingThatColumn(DatabaseProduct dialect)
            throws Exception {
        Check c = CHECK.check(AmDatabases.scanned(dialect, tmp, db -> {
            AmDatabases.migrated(db);
            db.run("ALTER TABLE AM_API DROP COLUMN UPDATED_BY");
        }));

        assertThat(c.status()).isEqualTo(AfterReport.FAIL);
        assertThat(c.differences())
                .filteredOn(d -> !d.documented())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.kind() + " " + d.object()).isEqualTo("missing column AM_API.UPDATED_BY");
                    assertThat(d.expected()).isEqualTo("VARCHAR(100) NULL");
                    assertThat(d.observed()).isEqualTo("absent");
                    assertThat(d.where()).isEqualTo("db:apim_db/AM_API.UPDATED_BY");
                });
        assertThat(c.detail())
                .isEqualTo("1 difference(s) from the 3.1.0 schema: missing column AM_API.UPDATED_BY"
                        + " (and 2 documented, listed)");
    }

    @Test
    void finVerifyIsUnknownWhenNoAmDatabaseWasReadNamingWhyNotAFailure() {
        Facts unread = new Facts(List.of(new DatabaseScan(
                "apim_db",
                false,
                "",
                "db.example:5432/apim: unreachable" + " (connection refused)",
                SourceRef.line(dev.apimupgrade.fact.Role.OLD, "repository/conf/deployment.toml", 12))));

        Check c = CHECK.check(unread);

        assertThat(c.status()).isEqualTo(AfterReport.UNKNOWN);
        assertThat(c.detail()).startsWith("no AM database was read");
        assertThat(c.evidence())
                .containsExactly("OLD:repository/conf/deployment.toml:12: apim_db not read:"
                        + " db.example:5432/apim: unreachable (connection refused)");
        assertThat(CHECK.check(new Facts(List.of())).status()).isEqualTo(AfterReport.UNKNOWN);
    }

    @Test
    void finVerifyIsUnknownForAProductWhoseExpectedSchemaIsNotShipped() {
        Facts oracle = new Facts(List.of(
                new DbProduct(
                        "apim_db",
                        "Oracle",
                        "19c",
                        DatabaseProduct.ORACLE,
                        "untested",
                        SourceRef.db("apim_db", "product")),
                new DbTable("apim_db", "AM_API", true, SourceRef.db("apim_db", "AM_API"))));

        Check c = CHECK.check(oracle);

        assertThat(c.status()).isEqualTo(AfterReport.UNKNOWN);
        assertThat(c.detail()).isEqualTo("not compared: apim_db (see evidence)");
        assertThat(c.evidence())
                .singleElement()
                .asString()
                .contains("Oracle 19c")
                .contains("known for H2, PostgreSQL and MySQL/MariaDB only");
        assertThat(c.differences()).isEmpty();
    }
}
