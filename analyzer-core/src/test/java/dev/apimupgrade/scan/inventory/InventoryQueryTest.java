package dev.apimupgrade.scan.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inventory queries ship for every tested product, declare what they count, and read no secret column. */
class InventoryQueryTest {
    @Test
    void everyTestedProductHasTheSameItemsEachNamingTheTableItCounts() {
        List<String> h2 = InventoryQuery.of(DatabaseProduct.H2).stream()
                .map(InventoryQuery::item)
                .toList();
        assertThat(h2)
                .contains(
                        "apis",
                        "applications",
                        "subscriptions",
                        "scopes",
                        "scope-bindings",
                        "throttling-policies",
                        "tenants",
                        "users",
                        "oidc-scopes");
        for (DatabaseProduct kind :
                List.of(DatabaseProduct.POSTGRESQL, DatabaseProduct.MARIADB, DatabaseProduct.MYSQL)) {
            List<InventoryQuery> queries = InventoryQuery.of(kind);
            assertThat(queries.stream().map(InventoryQuery::item).toList())
                    .as(kind.name())
                    .isEqualTo(h2);
            assertThat(queries).allSatisfy(q -> assertThat(q.needs()).contains(q.table()));
        }
    }

    @Test
    void noQueryReadsAPasswordSaltOrSecretColumn() {
        for (DatabaseProduct kind : List.of(DatabaseProduct.H2, DatabaseProduct.POSTGRESQL, DatabaseProduct.MARIADB)) {
            assertThat(InventoryQuery.of(kind))
                    .allSatisfy(q -> assertThat(q.sql().toUpperCase())
                            .doesNotContain("PASSWORD", "SALT", "SECRET", "CONSUMER_KEY", "TOKEN"));
        }
    }

    @Test
    void aProviderNamesItsTenantAfterAtAsAmApiStoresIt() {
        assertThat(InventoryScanner.providerTenant("admin")).isEqualTo("carbon.super");
        assertThat(InventoryScanner.providerTenant("admin-AT-north.example")).isEqualTo("north.example");
        assertThat(InventoryScanner.providerTenant("bob@south.example")).isEqualTo("south.example");
    }
}
