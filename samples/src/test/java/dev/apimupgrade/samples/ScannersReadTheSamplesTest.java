package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.ExecutionPlanFile;
import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.TenantDirectory;
import dev.apimupgrade.fact.TomlDifference;
import dev.apimupgrade.scan.ExecutionPlanScanner;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.JarScanner;
import dev.apimupgrade.scan.RegistryXmlScanner;
import dev.apimupgrade.scan.Scanner;
import dev.apimupgrade.scan.Scanners;
import dev.apimupgrade.scan.StockFiles;
import dev.apimupgrade.scan.SynapseScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The project's own scanners see in the generated samples what samples/README.md says the samples show. */
class ScannersReadTheSamplesTest {
    private static final Path TARGET = Samples.home(Samples.TARGET);

    private static Installation against310(String sample) {
        return new Installation(Samples.home(sample), Optional.of(TARGET));
    }

    private static <T> List<T> only(List<Observation> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theTargetHomeHoldsEveryStockSynapseFileTheScannersKnow() {
        for (String path : StockFiles.stock().synapsePaths()) {
            Path file = TARGET.resolve("repository/deployment/server/synapse-configs/default")
                    .resolve(path);
            assertThat(file).as(path).isRegularFile();
        }
        assertThat(StockContent.SYNAPSE_PATHS)
                .containsExactlyInAnyOrderElementsOf(StockFiles.stock().synapsePaths());
    }

    @Test
    void everyStockSynapseFileOfTheDefaultSampleMatchesStockAgainstTheTargetSoNoSynapseConditionApplies() {
        List<StockComparison> comparisons =
                only(new SynapseScanner().scan(against310(Samples.DEFAULT)), StockComparison.class);
        assertThat(comparisons)
                .hasSize(StockContent.SYNAPSE_PATHS.size() - DefaultSample.OMITTED_300.size())
                .allMatch(StockComparison::matchesStock);
    }

    @Test
    void onlyTheCustomisedMainSequenceOfTheCustomSampleDiffersFromStockInAnyTenant() {
        List<StockComparison> differing =
                only(new SynapseScanner().scan(against310(Samples.CUSTOM)), StockComparison.class).stream()
                        .filter(c -> !c.matchesStock())
                        .toList();
        assertThat(differing)
                .extracting(StockComparison::tenant, StockComparison::relativePath)
                .containsExactly(tuple("carbon.super", "sequences/main.xml"));
    }

    @Test
    void theCustomSampleHasTwoTenantsWithSynapseConfigurationsAndTheDefaultOneNone() {
        assertThat(only(new SynapseScanner().scan(against310(Samples.CUSTOM)), TenantDirectory.class))
                .extracting(TenantDirectory::tenantId)
                .containsExactly("1", "2");
        assertThat(only(new SynapseScanner().scan(against310(Samples.DEFAULT)), TenantDirectory.class))
                .isEmpty();
    }

    @Test
    void stockExecutionPlansMatchTheTargetAndOnlyTheCustomSampleHasItsOwnPolicy() {
        List<Observation> custom = new ExecutionPlanScanner().scan(against310(Samples.CUSTOM));
        assertThat(only(custom, StockComparison.class)).hasSize(11).allMatch(StockComparison::matchesStock);
        assertThat(only(custom, ExecutionPlanFile.class))
                .filteredOn(p -> !p.stockName())
                .extracting(ExecutionPlanFile::name)
                .containsExactly(CustomSample.CUSTOM_PLAN);
        assertThat(only(new ExecutionPlanScanner().scan(against310(Samples.DEFAULT)), ExecutionPlanFile.class))
                .hasSize(11)
                .allMatch(ExecutionPlanFile::stockName);
    }

    @Test
    void onlyTheCustomSampleHasNonStockJarsAndTheyAreTheBundleAndTheLibrary() {
        List<JarFile> custom = only(new JarScanner().scan(against310(Samples.CUSTOM)), JarFile.class);
        assertThat(custom)
                .filteredOn(j -> !j.stock())
                .extracting(JarFile::folder, JarFile::name, JarFile::osgiBundle)
                .containsExactlyInAnyOrder(
                        tuple("dropins", "com.example.auth.handler_1.0.0.jar", true),
                        tuple("lib", "custom-mediator-1.0.jar", false));
        assertThat(only(new JarScanner().scan(against310(Samples.DEFAULT)), JarFile.class))
                .isNotEmpty()
                .allMatch(JarFile::stock);
    }

    @Test
    void registryVersioningIsOnForPropertiesAndTagsInTheCustomSampleAndOffInTheDefaultOne() throws Exception {
        assertThat(only(new RegistryXmlScanner().scan(against310(Samples.CUSTOM)), RegistryVersioning.class))
                .filteredOn(RegistryVersioning::enabled)
                .extracting(RegistryVersioning::flag)
                .containsExactly("versioningProperties", "versioningTags");
        assertThat(only(new RegistryXmlScanner().scan(against310(Samples.DEFAULT)), RegistryVersioning.class))
                .hasSize(4)
                .noneMatch(RegistryVersioning::enabled);
    }

    private static List<Observation> allFacts(String sample) throws Exception {
        List<Observation> facts = new ArrayList<>();
        for (Scanner scanner : Scanners.files()) {
            facts.addAll(scanner.scan(against310(sample)));
        }
        return facts;
    }

    @Test
    void noFactTheScannersMakeOfEitherSampleHoldsAPlantedSecretOrReportsAProblem() throws Exception {
        for (String sample : Samples.ASSESSED) {
            List<Observation> facts = allFacts(sample);
            assertThat(facts).as(sample).isNotEmpty().noneMatch(ScanProblem.class::isInstance);
            for (String secret : Samples.plantedSecrets().values()) {
                assertThat(facts).as(sample).noneMatch(f -> f.toString().contains(secret));
            }
        }
    }

    @Test
    void everyVersionMarkerSays300ForTheOldSamplesAnd310ForTheTarget() throws Exception {
        for (String sample : Samples.ASSESSED) {
            List<ProductVersion> versions = only(allFacts(sample), ProductVersion.class);
            assertThat(versions)
                    .filteredOn(v -> v.role() == Role.OLD)
                    .isNotEmpty()
                    .allMatch(v -> v.version().equals("3.0.0"));
            assertThat(versions)
                    .filteredOn(v -> v.role() == Role.NEW)
                    .hasSize(3)
                    .allMatch(v -> v.version().equals("3.1.0"));
        }
    }

    @Test
    void theDefaultSampleDiffersFromStockDeploymentTomlOnlyInItsDatabasePasswords() throws Exception {
        assertThat(only(allFacts(Samples.DEFAULT), TomlDifference.class))
                .extracting(TomlDifference::key)
                .containsExactlyInAnyOrder("database.apim_db.password", "database.shared_db.password");
    }

    @Test
    void everyKeystoreOfTheOldSamplesOpensAndOnlyTheCustomTrustStoreIsRenamedWithItsOwnPassword() throws Exception {
        for (String sample : Samples.ASSESSED) {
            List<Keystore> old = only(allFacts(sample), Keystore.class).stream()
                    .filter(k -> k.role() == Role.OLD)
                    .toList();
            assertThat(old).as(sample).isNotEmpty().allMatch(Keystore::opened);
            assertThat(old)
                    .filteredOn(k -> !k.defaultName() || !k.defaultPassword())
                    .extracting(Keystore::fileName)
                    .isEqualTo(sample.equals(Samples.CUSTOM) ? List.of("my-truststore.jks") : List.of());
        }
    }

    @Test
    void theTargetIsWumUpdatedAndNeverStarted() {
        assertThat(TARGET.resolve("updates/product.txt")).hasContent("wso2am-3.1.0");
        assertThat(TARGET.resolve("updates/wum").toFile().list())
                .containsExactly(String.valueOf(TargetSample.WUM_LEVEL));
        for (String trace : List.of("repository/logs/wso2carbon.log", "wso2carbon.pid", "solr")) {
            assertThat(Files.exists(TARGET.resolve(trace))).as(trace).isFalse();
        }
    }
}
