package dev.apimupgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.report.AfterReport.Difference;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB-IDENTITY-SCHEMA on the real schemas: WSO2's 3.0.0 WSO2AM_DB and shared (UM_) scripts loaded on H2 1.4.199,
 * PostgreSQL and MariaDB, then the identity migration's real scripts as the guide runs them ({@link IdentityMigration}):
 * a completed migration passes, listing what it is known to keep with the reason; a skipped one fails, naming the
 * differences (product-apim#7833's SCOPE_TYPE among them).
 */
class IdentityMigrationSchemaTest {
    @TempDir
    Path tmp;

    private Check check(DatabaseProduct dialect, boolean migrated) throws Exception {
        Facts facts = AmDatabases.scanned(dialect, tmp, db -> {
            db.loadSchema("3.0.0", "apimgt");
            db.loadSchema("3.0.0", "");
            if (migrated) {
                IdentityMigration.run(db);
            }
        });
        return new IdentitySchemaCheck(ExpectedAmSchema.identity()).check(facts);
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void dbIdentitySchemaPassesAfterTheRealIdentityMigrationListingWhatItKeepsWithTheReason(DatabaseProduct dialect)
            throws Exception {
        Check check = check(dialect, true);

        assertThat(check.status())
                .as(
                        "%s\n%s",
                        check.detail(),
                        String.join(
                                "\n",
                                check.differences().stream()
                                        .filter(d -> !d.documented())
                                        .map(d -> d.kind() + " | " + d.object() + " | " + d.expected() + " | "
                                                + d.observed())
                                        .toList()))
                .isEqualTo(AfterReport.PASS);
        assertThat(check.differences())
                .allSatisfy(d -> assertThat(d.reason()).isNotBlank())
                .extracting(Difference::object)
                .contains("IDN_UMA_RESOURCE", "IDN_ARTIFACT_STORE");
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void dbIdentitySchemaFailsWhenTheIdentityMigrationWasSkippedNamingTheDifferences(DatabaseProduct dialect)
            throws Exception {
        Check check = check(dialect, false);

        assertThat(check.status()).isEqualTo(AfterReport.FAIL);
        assertThat(check.differences())
                .filteredOn(d -> !d.documented())
                .extracting(Difference::object)
                .contains("IDN_OAUTH2_SCOPE.SCOPE_TYPE", "IDN_OAUTH2_AUTHZ_CODE_SCOPE", "UM_USER.UM_USER_ID");
        assertThat(check.detail()).contains("was the identity migration run to the end?");
    }
}
