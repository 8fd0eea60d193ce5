package dev.apimupgrade.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which datasources DB-IDENTITY-SCHEMA compares, and what it says without them (the real schemas: IdentityMigrationSchemaTest). */
class IdentitySchemaCheckTest {
    static final IdentitySchemaCheck CHECK = new IdentitySchemaCheck(ExpectedAmSchema.identity());

    static List<Observation> h2(String datasource, String... tables) {
        List<Observation> facts = new ArrayList<>(List.of(new DbProduct(
                datasource, "H2", "1.4.199", DatabaseProduct.H2, "", SourceRef.db(datasource, "product"))));
        for (String t : tables) {
            facts.add(new DbTable(datasource, t, true, SourceRef.db(datasource, t)));
        }
        return facts;
    }

    @Test
    void dbIdentitySchemaComparesTheUserManagementTablesOfTheUserDatasourceOnlyWhenItHoldsThem() {
        List<Observation> facts = new ArrayList<>(h2("shared_db", "UM_USER"));
        facts.addAll(h2("user", "UM_USER"));

        Check check = CHECK.check(new Facts(facts));

        assertThat(check.evidence()).singleElement().asString().startsWith("db:user: H2 1.4.199, 1 UM_ tables");
        assertThat(check.status()).isEqualTo(AfterReport.FAIL);
    }

    @Test
    void dbIdentitySchemaComparesEachDatasourceHoldingTheTablesWithoutAUserDatasource() {
        List<Observation> facts = new ArrayList<>(h2("apim_db", "IDN_OAUTH2_ACCESS_TOKEN"));
        facts.addAll(h2("shared_db", "UM_USER"));

        Check check = CHECK.check(new Facts(facts));

        assertThat(check.evidence())
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("db:apim_db: H2"))
                .anySatisfy(e -> assertThat(e).startsWith("db:shared_db: H2"));
        assertThat(check.detail()).contains("was the identity migration run to the end?");
    }

    @Test
    void dbIdentitySchemaIsUnknownWithoutADatabaseRead() {
        Check check = CHECK.check(new Facts(
                List.of(new DatabaseScan("apim_db", false, "", "unreachable", SourceRef.db("apim_db", "product")))));

        assertThat(check.status()).isEqualTo(AfterReport.UNKNOWN);
    }
}
