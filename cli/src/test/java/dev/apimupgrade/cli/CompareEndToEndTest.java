package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioDatasource;
import dev.apimupgrade.samples.ScenarioGenerator;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.testkit.PlantedSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * compare on real databases: the default sample's H2 files (copies, the generated samples stay untouched) and the
 * PostgreSQL and MariaDB scenarios built from the real 3.0.0 scripts. Identical homes compare equal; a deleted
 * subscription is an unexplained difference; a deleted row the run exported is explained.
 */
class CompareEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A subscription of the seeded application to the seeded API (the seeds hold none). */
    private static final String ADD_SUBSCRIPTION = "INSERT INTO AM_SUBSCRIPTION (TIER_ID, API_ID, APPLICATION_ID, "
            + "SUB_STATUS, UUID) SELECT 'Unlimited', MIN(A.API_ID), MIN(P.APPLICATION_ID), 'UNBLOCKED', "
            + "'compare-test-subscription' FROM AM_API A, AM_APPLICATION P";

    private static final String ADD_NULL_BINDING =
            "INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) SELECT MIN(SCOPE_ID), NULL FROM IDN_OAUTH2_SCOPE";
    private static final String DELETE_NULL_BINDINGS =
            "DELETE FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL";
    private static final String DELETE_SUBSCRIPTIONS = "DELETE FROM AM_SUBSCRIPTION";

    @TempDir
    Path tmp;

    @Test
    void identicalH2HomesCompareEqualItemByItem() throws Exception {
        Path a = copyOfDefault("a");
        Path b = copyOfDefault("b");

        CliRun run = compare(
                "--old",
                a.toString(),
                "--new",
                b.toString(),
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.READY);
        JsonNode c = comparison(tmp.resolve("out"));
        assertThat(c.get("unexplained").asLong()).isZero();
        List<String> items = new ArrayList<>();
        for (JsonNode row : c.get("rows")) {
            assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("SAME");
            assertThat(row.get("before").asLong()).isEqualTo(row.get("after").asLong());
            items.add(row.get("tenant").asText() + "/" + row.get("item").asText());
        }
        assertThat(items)
                .contains(
                        "carbon.super/apis",
                        "carbon.super/applications",
                        "carbon.super/scopes",
                        "carbon.super/scope-bindings",
                        "carbon.super/users",
                        "carbon.super/synapse-files");
        assertThat(tmp.resolve("out/comparison.html")).content().contains("id=\"comparison\"", "0 unexplained");
        PlantedSecrets.of(Samples.plantedSecrets()).assertNoneIn(tmp.resolve("out"));
    }

    @Test
    void aSubscriptionDeletedOnlyInTheNewH2HomeIsAnUnexplainedDifference() throws Exception {
        Path a = copyOfDefault("a");
        Path b = copyOfDefault("b");
        h2(a, ADD_SUBSCRIPTION);
        h2(b, ADD_SUBSCRIPTION, DELETE_SUBSCRIPTIONS);

        CliRun run = compare(
                "--old",
                a.toString(),
                "--new",
                b.toString(),
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(CompareCommand.UNEXPLAINED);
        assertThat(run.err()).contains("unexplained: carbon.super subscriptions");
        JsonNode row = row(comparison(tmp.resolve("out")), "carbon.super", "subscriptions");
        assertThat(row.get("before").asLong()).isEqualTo(1);
        assertThat(row.get("after").isNull()).isTrue();
        assertThat(row.get("status").asText()).isEqualTo("UNEXPLAINED");
        assertThat(row.get("explanation").asText()).contains("the run exported no deleted row of AM_SUBSCRIPTION");
    }

    @Test
    void aNullScopeBindingTheRunExportedBeforeDeletingItIsExplained() throws Exception {
        Path a = copyOfDefault("a");
        Path b = copyOfDefault("b");
        h2(a, ADD_NULL_BINDING);
        h2(b, ADD_NULL_BINDING, DELETE_NULL_BINDINGS);
        Path runDir = runWithExport("IDN_OAUTH2_SCOPE_BINDING", "{\"SCOPE_ID\":\"1\",\"SCOPE_BINDING\":null}");

        CliRun without = compare(
                "--old",
                a.toString(),
                "--new",
                b.toString(),
                "--out",
                tmp.resolve("o1").toString());
        CliRun with = compare(
                "--old",
                a.toString(),
                "--new",
                b.toString(),
                "--run",
                runDir.toString(),
                "--out",
                tmp.resolve("o2").toString());

        assertThat(without.code()).isEqualTo(CompareCommand.UNEXPLAINED);
        assertThat(with.code()).as(with.err()).isEqualTo(ExitCode.READY);
        JsonNode row = row(comparison(tmp.resolve("o2")), "carbon.super", "scope-bindings");
        assertThat(row.get("status").asText()).isEqualTo("EXPLAINED");
        assertThat(row.get("explanation").asText())
                .contains(
                        "1 row(s) of IDN_OAUTH2_SCOPE_BINDING",
                        "exports/scope-binding-cleanup/IDN_OAUTH2_SCOPE_BINDING.jsonl");
    }

    @Test
    void tenantsAreComparedApartByDomainAndOnlyTheReplacedSynapseFilesAreExplained() throws Exception {
        Path a = ScenarioGenerator.write(Scenario.MULTI_TENANT, tmp.resolve("a"), List.of());
        Path b = tmp.resolve("b");
        MigrateHomes.copyTree(a, b);
        Path south = b.resolve("repository/tenants/2/synapse-configs/default");
        Path west = b.resolve("repository/tenants/3/synapse-configs/default");
        Files.createDirectories(south.resolve("sequences"));
        Files.writeString(south.resolve("sequences/main.xml"), "<sequence name=\"main\"/><!-- 3.1.0 -->\n");
        Files.createDirectories(west.resolve("api"));
        Files.writeString(west.resolve("api/admin--Added_v1.0.xml"), "<api name=\"Added\"/>\n");

        CliRun run = compare(
                "--old",
                a.toString(),
                "--new",
                b.toString(),
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(CompareCommand.UNEXPLAINED);
        JsonNode c = comparison(tmp.resolve("out"));
        assertThat(row(c, "(all)", "tenants").get("before").asLong()).isEqualTo(3);
        assertThat(row(c, "north.example", "users").get("status").asText()).isEqualTo("SAME");
        assertThat(row(c, "north.example", "synapse-files").get("status").asText())
                .isEqualTo("SAME");
        assertThat(row(c, "south.example", "synapse-files").get("status").asText())
                .isEqualTo("EXPLAINED");
        assertThat(row(c, "south.example", "synapse-files").get("explanation").asText())
                .contains("sequences/main.xml");
        JsonNode westRow = row(c, "west.example", "synapse-files");
        assertThat(westRow.get("status").asText()).isEqualTo("UNEXPLAINED");
        assertThat(westRow.get("explanation").asText()).contains("api/admin--Added_v1.0.xml");
        assertThat(c.get("unexplained").asLong()).isEqualTo(1);
    }

    @Test
    void aMissingRunFolderOrAMalformedInventoryIsBadInputNamingIt() throws Exception {
        Path a = copyOfDefault("a");
        Path bad = tmp.resolve("inventory.old.json");
        Files.writeString(bad, "{ not json");

        CliRun noRun = compare(
                "--old",
                a.toString(),
                "--new",
                a.toString(),
                "--run",
                tmp.resolve("nope").toString(),
                "--out",
                tmp.resolve("o1").toString());
        CliRun badInventory = compare(
                "--old",
                bad.toString(),
                "--new",
                a.toString(),
                "--out",
                tmp.resolve("o2").toString());

        assertThat(noRun.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noRun.err()).contains("nope").doesNotContain("Exception");
        assertThat(badInventory.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badInventory.err()).contains("inventory.old.json").doesNotContain("\tat ");
        assertThat(tmp.resolve("o1")).doesNotExist();
        assertThat(tmp.resolve("o2")).doesNotExist();
    }

    /**
     * On the server: the inventory before (inventory.old.json), the home compared with itself, then the subscription
     * and the NULL binding deleted as a migration would: only the exported binding is explained.
     */
    @ParameterizedTest
    @EnumSource(
            value = Scenario.class,
            names = {"POSTGRESQL", "MARIADB_ANALYTICS"})
    void onServerDatabasesADeletedSubscriptionIsUnexplainedAndAnExportedBindingExplained(Scenario scenario)
            throws Exception {
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario)) {
            Path home = ScenarioGenerator.write(scenario, tmp.resolve("home"), databases.datasources());
            ScenarioDatasource am = databases.datasources().stream()
                    .filter(d -> d.name().equals("apim_db"))
                    .findFirst()
                    .orElseThrow();
            server(am, ADD_SUBSCRIPTION, ADD_NULL_BINDING);

            CliRun before = compare(
                    "--old", home.toString(), "--out", tmp.resolve("before").toString());
            CliRun same = compare(
                    "--old",
                    home.toString(),
                    "--new",
                    home.toString(),
                    "--out",
                    tmp.resolve("same").toString());
            server(am, DELETE_NULL_BINDINGS, DELETE_SUBSCRIPTIONS);
            Path runDir = runWithExport("idn_oauth2_scope_binding", "{\"scope_id\":\"1\",\"scope_binding\":null}");
            CliRun after = compare(
                    "--old",
                    tmp.resolve("before/inventory.old.json").toString(),
                    "--new",
                    home.toString(),
                    "--run",
                    runDir.toString(),
                    "--out",
                    tmp.resolve("after").toString());

            assertThat(before.code()).as(before.err()).isEqualTo(ExitCode.READY);
            assertThat(same.code()).as(same.err() + same.out()).isEqualTo(ExitCode.READY);
            JsonNode equal = comparison(tmp.resolve("same"));
            assertThat(equal.get("rows"))
                    .allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("SAME"));
            assertThat(row(equal, "carbon.super", "subscriptions").get("before").asLong())
                    .isEqualTo(1);
            assertThat(row(equal, "carbon.super", "users").get("before").asLong())
                    .isPositive();

            assertThat(after.code()).isEqualTo(CompareCommand.UNEXPLAINED);
            JsonNode c = comparison(tmp.resolve("after"));
            assertThat(row(c, "carbon.super", "subscriptions").get("status").asText())
                    .isEqualTo("UNEXPLAINED");
            assertThat(row(c, "carbon.super", "scope-bindings").get("status").asText())
                    .isEqualTo("EXPLAINED");
            assertThat(c.get("unexplained").asLong()).isEqualTo(1);
            Map<String, String> passwords = new TreeMap<>();
            databases.datasources().forEach(d -> passwords.put(d.name() + ".password", d.password()));
            PlantedSecrets.of(Scenario.plantedSecrets(), passwords)
                    .assertNoneIn(tmp.resolve("after"))
                    .assertNoneIn(tmp.resolve("same"));
        }
    }

    private Path copyOfDefault(String name) throws Exception {
        Path home = tmp.resolve(name);
        MigrateHomes.copyTree(Samples.home(Samples.DEFAULT), home);
        return home;
    }

    private Path runWithExport(String table, String row) throws Exception {
        Path runDir = tmp.resolve("run");
        Path file = runDir.resolve("exports/scope-binding-cleanup/" + table + ".jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "{\"query\":\"SELECT SCOPE_ID, SCOPE_BINDING FROM IDN_OAUTH2_SCOPE_BINDING WHERE "
                        + "SCOPE_BINDING IS NULL\",\"columns\":[\"SCOPE_ID\",\"SCOPE_BINDING\"]}\n" + row + "\n");
        return runDir;
    }

    /** Runs statements on a copied home's WSO2AM_DB, connecting as its deployment.toml says. */
    private static void h2(Path home, String... sql) throws Exception {
        DatasourceSpec spec =
                DatasourceSpecs.read(new Installation(home, Optional.empty()), Map.of(), Map.of()).all().stream()
                        .filter(s -> s.name().equals("apim_db"))
                        .findFirst()
                        .orElseThrow();
        try (Connection c = DriverManager.getConnection(
                        spec.connectUrl() + ";IFEXISTS=TRUE", spec.user(), spec.password());
                Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    private static void server(ScenarioDatasource d, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(d.url(), d.username(), d.password());
                Statement s = c.createStatement()) {
            for (String one : sql) {
                s.execute(one);
            }
        }
    }

    private static CliRun compare(String... args) {
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static JsonNode comparison(Path out) throws Exception {
        return JSON.readTree(out.resolve("comparison.json").toFile());
    }

    private static JsonNode row(JsonNode comparison, String tenant, String item) {
        for (JsonNode r : comparison.get("rows")) {
            if (r.get("tenant").asText().equals(tenant)
                    && r.get("item").asText().equals(item)) {
                return r;
            }
        }
        throw new AssertionError("no row " + tenant + "/" + item + " in " + comparison.get("rows"));
    }
}
