package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.inventory.Inventory;
import dev.apimupgrade.scan.inventory.InventoryItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run's exported rows explain a count drop: per tenant where the rows name their tenant, never more. */
class ComparisonTest {
    @TempDir
    Path run;

    private static final Map<String, String> DOMAINS = Map.of("-1234", "carbon.super", "1", "north.example");

    @Test
    void exportedRowsExplainTheDropOnlyInTheTenantTheyName() throws Exception {
        export(
                "registry-versioning-cleanup",
                "REG_RESOURCE_PROPERTY",
                "{\"REG_PROPERTY_ID\":\"7\",\"REG_TENANT_ID\":\"1\"}",
                "{\"REG_PROPERTY_ID\":\"8\",\"REG_TENANT_ID\":\"1\"}");
        Inventory before = inventory(item("north.example", 5), item("carbon.super", 4));
        Inventory after = inventory(item("north.example", 3), item("carbon.super", 2));

        Comparison c = Comparison.compare(before, after, "run", RunExports.read(run));

        assertThat(status(c, "north.example")).isEqualTo(Comparison.Status.EXPLAINED);
        assertThat(status(c, "carbon.super")).isEqualTo(Comparison.Status.UNEXPLAINED);
        assertThat(c.unexplained()).isEqualTo(1);
    }

    @Test
    void fewerExportedRowsThanTheDropLeaveItUnexplained() throws Exception {
        export("scope-binding-cleanup", "IDN_OAUTH2_SCOPE_BINDING", "{\"SCOPE_ID\":\"1\",\"SCOPE_BINDING\":null}");
        Inventory before = inventory(new InventoryItem(
                "carbon.super",
                "scope-bindings",
                "IDN_OAUTH2_SCOPE_BINDING",
                6,
                "h1",
                Map.of(),
                SourceRef.db("apim_db", "IDN_OAUTH2_SCOPE_BINDING")));
        Inventory after = inventory(new InventoryItem(
                "carbon.super",
                "scope-bindings",
                "IDN_OAUTH2_SCOPE_BINDING",
                4,
                "h2",
                Map.of(),
                SourceRef.db("apim_db", "IDN_OAUTH2_SCOPE_BINDING")));

        Comparison c = Comparison.compare(before, after, "run", RunExports.read(run));

        assertThat(c.rows().get(0).status()).isEqualTo(Comparison.Status.UNEXPLAINED);
        assertThat(c.rows().get(0).explanation()).contains("2 fewer", "exported 1 row(s)");
    }

    @Test
    void sameCountWithOtherContentIsUnexplained() throws Exception {
        Inventory before = inventory(item("carbon.super", 2));
        Inventory after = inventory(new InventoryItem(
                "carbon.super",
                "registry-properties",
                "REG_RESOURCE_PROPERTY",
                2,
                "other",
                Map.of(),
                SourceRef.db("shared_db", "REG_RESOURCE_PROPERTY")));

        Comparison c = Comparison.compare(before, after, "", RunExports.none());

        assertThat(c.rows().get(0).explanation()).isEqualTo("same count, different content");
    }

    @Test
    void synapseFilesTheMigrationReplacesOrThatThreeOneRendersAreExplainedAnyOtherIsNot() throws Exception {
        Map<String, String> old = Map.of("sequences/main.xml", "a", "api/Pizza.xml", "p");
        Map<String, String> replaced = Map.of(
                "sequences/main.xml",
                "b",
                "api/Pizza.xml",
                "p",
                "inbound-endpoints/SecureWebSocketInboundEndpoint.xml",
                "w");
        Map<String, String> edited = Map.of("sequences/main.xml", "a", "api/Pizza.xml", "edited");

        Comparison expected =
                Comparison.compare(inventory(synapse(old)), inventory(synapse(replaced)), "run", RunExports.none());
        Comparison unexpected =
                Comparison.compare(inventory(synapse(old)), inventory(synapse(edited)), "run", RunExports.none());

        assertThat(expected.rows().get(0).status()).isEqualTo(Comparison.Status.EXPLAINED);
        assertThat(expected.rows().get(0).explanation())
                .contains("sequences/main.xml", "inbound-endpoints/SecureWebSocketInboundEndpoint.xml");
        assertThat(unexpected.rows().get(0).status()).isEqualTo(Comparison.Status.UNEXPLAINED);
        assertThat(unexpected.rows().get(0).explanation()).contains("api/Pizza.xml");
    }

    private static InventoryItem synapse(Map<String, String> files) {
        return new InventoryItem(
                "carbon.super",
                dev.apimupgrade.scan.inventory.InventoryScanner.SYNAPSE,
                "",
                files.size(),
                "h" + files.hashCode(),
                files,
                SourceRef.db("home", "synapse"));
    }

    @Test
    void anExportLineThatIsNotJsonIsBadInputNamingFileAndLine() throws Exception {
        export("s", "AM_API", "{\"API_ID\":\"1\"}", "not json");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> RunExports.read(run));
        assertThat(thrown).isInstanceOf(dev.apimupgrade.scan.InputException.class);
        assertThat(((dev.apimupgrade.scan.InputException) thrown).describe())
                .contains("exports/s/AM_API.jsonl", ":3", "is not a JSON row");
    }

    @Test
    void oidcScopesTheIdentityMigrationMovedIntoTheOAuth2ScopesAreExplainedCitingItsScript() {
        Inventory before = inventory(
                scopes("north.example", 3),
                oidc("north.example", 2),
                scopes("carbon.super", 1),
                oidc("carbon.super", 2));
        // north.example: both OIDC scopes copied; carbon.super: one of its two OIDC scopes did not arrive
        Inventory after = inventory(scopes("north.example", 5), scopes("carbon.super", 2));

        Comparison c = Comparison.compare(before, after, "run", RunExports.none());

        assertThat(c.rows())
                .filteredOn(r -> r.tenant().equals("north.example"))
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(Comparison.Status.EXPLAINED);
                    assertThat(r.explanation()).contains("2 OIDC scope(s)", "step1/identity");
                });
        assertThat(c.rows())
                .filteredOn(r -> r.tenant().equals("carbon.super"))
                .extracting(Comparison.Row::status)
                .containsOnly(Comparison.Status.UNEXPLAINED);
    }

    private static InventoryItem scopes(String tenant, long count) {
        return new InventoryItem(
                tenant,
                "scopes",
                "IDN_OAUTH2_SCOPE",
                count,
                "s" + count,
                Map.of(),
                SourceRef.db("apim_db", "IDN_OAUTH2_SCOPE"));
    }

    private static InventoryItem oidc(String tenant, long count) {
        return new InventoryItem(
                tenant,
                "oidc-scopes",
                "IDN_OIDC_SCOPE",
                count,
                "o" + count,
                Map.of(),
                SourceRef.db("apim_db", "IDN_OIDC_SCOPE"));
    }

    private void export(String step, String table, String... rows) throws Exception {
        Path f = run.resolve("exports/" + step + "/" + table + ".jsonl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"query\":\"SELECT ...\",\"columns\":[]}\n" + String.join("\n", rows) + "\n");
    }

    private static InventoryItem item(String tenant, long count) {
        return new InventoryItem(
                tenant,
                "registry-properties",
                "REG_RESOURCE_PROPERTY",
                count,
                "hash" + count,
                Map.of(),
                SourceRef.db("shared_db", "REG_RESOURCE_PROPERTY"));
    }

    private static Inventory inventory(InventoryItem... items) {
        return new Inventory("home", List.of(items), DOMAINS, List.of());
    }

    private static Comparison.Status status(Comparison c, String tenant) {
        return c.rows().stream()
                .filter(r -> r.tenant().equals(tenant))
                .findFirst()
                .orElseThrow()
                .status();
    }
}
