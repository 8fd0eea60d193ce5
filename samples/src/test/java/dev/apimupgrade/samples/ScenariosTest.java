package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class ScenariosTest {
    private static final ScenarioDatasource PG_APIM = new ScenarioDatasource(
            "apim_db",
            "postgre",
            "jdbc:postgresql://127.0.0.1:5432/am",
            "apim",
            "pw",
            "org.postgresql.Driver",
            "SELECT 1");

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyScenarioListsEveryCatalogueIdOnceInCatalogueOrderWithAStatusAReportCanHold(Scenario scenario) {
        List<String> ids =
                ConditionCatalogue.load().all().stream().map(Condition::id).toList();
        Map<String, String> expected = Samples.expectedStatuses(scenario.expectedName());

        assertThat(expected.keySet()).containsExactlyElementsOf(ids);
        assertThat(expected.values())
                .allMatch(s -> List.of("APPLIES", "NOT_APPLICABLE", "UNKNOWN").contains(s));
    }

    @Test
    void eachScenarioDiffersFromStockWhereItsInstallationDoes() {
        Map<String, String> stock = Samples.expectedStatuses(Scenario.STOCK.expectedName());
        assertDiffers(stock, Scenario.VERSIONING_ON, "REG-VERSIONING-ENABLED");
        assertDiffers(
                stock,
                Scenario.MULTI_TENANT,
                "CFG-SYNAPSE-TENANTS",
                "IDX-TENANTLOADER",
                "CFG-CUSTOM-DROPINS",
                "CFG-CUSTOM-LIB",
                "CFG-OSGI-IMPORT-RANGE");
        assertDiffers(
                stock,
                Scenario.POSTGRESQL,
                "PRE-PG-SUPERUSER",
                "CFG-DB-USER",
                "CFG-DB-CONFIG",
                "CFG-DB-DRIVER-PARAMS",
                "CFG-JDBC-DRIVER");
        assertDiffers(stock, Scenario.MARIADB_ANALYTICS, "ANA-ENABLED", "CFG-JDBC-DRIVER");
        assertDiffers(stock, Scenario.IS_KEY_MANAGER, "IDN-IS-KEY-MANAGER");
        assertThat(Samples.expectedStatuses(Scenario.IS_KEY_MANAGER.expectedName()))
                .containsEntry("IDN-MIGRATION-RESOURCES", "NOT_APPLICABLE")
                .containsEntry("IDN-RUN", "NOT_APPLICABLE");
        assertThat(Samples.expectedStatuses(Scenario.IS_KEY_MANAGER_UNANSWERED.expectedName()))
                .containsEntry("IDN-IS-KEY-MANAGER", "UNKNOWN")
                .containsEntry("IDN-RUN", "UNKNOWN");
    }

    private static void assertDiffers(Map<String, String> stock, Scenario scenario, String... ids) {
        Map<String, String> expected = Samples.expectedStatuses(scenario.expectedName());
        for (String id : ids) {
            assertThat(stock.get(id)).as("%s in stock", id).isEqualTo("NOT_APPLICABLE");
            assertThat(expected.get(id)).as("%s in %s", id, scenario).isEqualTo("APPLIES");
        }
    }

    @Test
    void thePostgresqlHomePointsEveryDatasourceAtTheGivenDatabasesAndKeepsTheRestOfTheStockToml(@TempDir Path dir) {
        List<ScenarioDatasource> datasources = Stream.of("apim_db", "shared_db", "user", "config")
                .map(n -> new ScenarioDatasource(
                        n,
                        "postgre",
                        "jdbc:postgresql://127.0.0.1:5432/" + n,
                        "owner",
                        "pw",
                        "org.postgresql.Driver",
                        "SELECT 1"))
                .toList();

        Path home = ScenarioGenerator.write(Scenario.POSTGRESQL, dir.resolve("home"), datasources);

        TomlParseResult toml = parse(home);
        for (String name : List.of("apim_db", "shared_db", "user", "config")) {
            assertThat(toml.getString("database." + name + ".url"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + name);
            assertThat(toml.getString("database." + name + ".driver")).isEqualTo("org.postgresql.Driver");
        }
        assertThat(toml.getString("realm_manager.data_source")).isEqualTo("WSO2USER_DB");
        assertThat(toml.getString("keystore.tls.file_name")).isEqualTo("wso2carbon.jks");
        assertThat(home.resolve("repository/components/lib/postgresql-42.2.5.jar"))
                .isRegularFile();
        assertThat(home.resolve("repository/database/WSO2CARBON_DB.mv.db")).isRegularFile();
        assertThat(home.resolve("repository/database/WSO2AM_DB.mv.db")).doesNotExist();
    }

    @Test
    void writingAnH2ScenarioTwiceGivesTheSameTextAndJarsAndSeedsItsThreeTenants(@TempDir Path dir) throws IOException {
        Path first = ScenarioGenerator.write(Scenario.MULTI_TENANT, dir.resolve("first"), List.of());
        Path second = ScenarioGenerator.write(Scenario.MULTI_TENANT, dir.resolve("second"), List.of());

        List<Path> files = files(first);
        assertThat(files(second)).isEqualTo(files);
        for (Path f :
                files.stream().filter(f -> !f.toString().endsWith(".mv.db")).toList()) {
            assertThat(Files.readAllBytes(second.resolve(f)))
                    .as(f.toString())
                    .isEqualTo(Files.readAllBytes(first.resolve(f)));
        }
        assertThat(first.resolve("repository/tenants").toFile().list()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(Arrays.asList(
                        first.resolve("repository/components/lib").toFile().list()))
                .contains("acme-json-utils-2.3.jar", "acme-audit-client-1.0.jar");
    }

    @Test
    void theTomlOfEachFileOnlyScenarioParsesAndCarriesItsSetting(@TempDir Path dir) {
        assertThat(parse(ScenarioGenerator.write(Scenario.VERSIONING_ON, dir.resolve("v"), List.of()))
                        .getBoolean("registry.static_configuration.enable"))
                .isTrue();
        assertThat(parse(ScenarioGenerator.write(Scenario.IS_KEY_MANAGER, dir.resolve("k"), List.of()))
                        .getString("apim.key_manager.service_url"))
                .isEqualTo("https://is.example.internal:9444/services/");
        assertThat(Scenario.IS_KEY_MANAGER.answers()).hasValue("is_key_manager: yes\n");
    }

    @Test
    void onlyTheAnalyticsScenarioHasAnAnalyticsHomeAndItsDatabasesPointAtTheServerNotAtH2(@TempDir Path dir)
            throws IOException {
        List<ScenarioDatasource> datasources = Stream.of("apim_db", "shared_db", Scenario.ANALYTICS_DB)
                .map(n -> new ScenarioDatasource(
                        n, "mysql", "jdbc:mariadb://127.0.0.1:3306/" + n, "owner", "pw", "org.mariadb.jdbc.Driver", ""))
                .toList();

        Path analytics = ScenarioGenerator.writeAnalytics(Scenario.MARIADB_ANALYTICS, dir.resolve("a"), datasources)
                .orElseThrow();

        String worker = Files.readString(analytics.resolve("conf/worker/deployment.yaml"));
        String dashboard = Files.readString(analytics.resolve("conf/dashboard/deployment.yaml"));
        assertThat(worker)
                .contains("jdbcUrl: 'jdbc:mariadb://127.0.0.1:3306/analytics_db'")
                .doesNotContain(AnalyticsSample.STATS_DB_300);
        assertThat(dashboard)
                .contains("jdbc:mariadb://127.0.0.1:3306/analytics_db", "jdbc:mariadb://127.0.0.1:3306/apim_db");
        assertThat(parse(ScenarioGenerator.write(Scenario.MARIADB_ANALYTICS, dir.resolve("h"), datasources))
                        .getTable("database")
                        .keySet())
                .containsExactlyInAnyOrder("apim_db", "shared_db");
        assertThat(ScenarioGenerator.writeAnalytics(Scenario.VERSIONING_ON, dir.resolve("v"), List.of()))
                .isEmpty();
    }

    @Test
    void aScenarioRefusesDatasourcesOtherThanTheOnesItNames(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioGenerator.write(Scenario.POSTGRESQL, dir, List.of(PG_APIM)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[apim_db, shared_db, user, config]");
        assertThatThrownBy(() -> ScenarioGenerator.write(Scenario.VERSIONING_ON, dir, List.of(PG_APIM)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerSeedPutsUserManagementInTheUserDatabaseWhenThereIsOneElseInSharedDb() {
        assertThat(ScenarioGenerator.serverSeed(Scenario.POSTGRESQL, "user")).anyMatch(s -> s.contains("UM_USER"));
        assertThat(ScenarioGenerator.serverSeed(Scenario.POSTGRESQL, "shared_db"))
                .noneMatch(s -> s.contains("UM_"));
        assertThat(ScenarioGenerator.serverSeed(Scenario.MARIADB_ANALYTICS, "shared_db"))
                .anyMatch(s -> s.contains("UM_USER"));
        assertThat(ScenarioGenerator.serverSeed(Scenario.POSTGRESQL, "config")).isEmpty();
        assertThat(String.join("\n", ScenarioGenerator.serverSeed(Scenario.POSTGRESQL, "apim_db")))
                .contains(Scenario.plantedSecrets().get("sysapp.store_secret"))
                .doesNotContain("@@");
    }

    private static TomlParseResult parse(Path home) {
        try {
            TomlParseResult toml = Toml.parse(home.resolve("repository/conf/deployment.toml"));
            assertThat(toml.errors()).isEmpty();
            return toml;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
