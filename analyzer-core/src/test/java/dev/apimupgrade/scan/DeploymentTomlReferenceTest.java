package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.TomlDifference;
import dev.apimupgrade.fact.TomlSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner against the real WSO2 files of apim.reference.dir (skipped when absent, failing when CI=true). */
class DeploymentTomlReferenceTest {
    @TempDir
    Path tmp;

    private Path homeWith(String name, Path toml) throws IOException {
        Path home = home(tmp.resolve(name));
        Files.copy(toml, home.resolve(TomlFile.PATH));
        return home;
    }

    private static Path stockToml(String pack) {
        return FileHomes.reference().resolve(pack).resolve(TomlFile.PATH);
    }

    @Test
    void theStock300FileHasNoDifferenceFromStockAndTheStock310FileIsReadForCfgNoFileCopy() throws Exception {
        Path old = homeWith("old", stockToml("apim-3.0.0"));
        Path neu = homeWith("new", stockToml("apim-3.1.0"));

        Facts facts = new Facts(new DeploymentTomlScanner().scan(new Installation(old, Optional.of(neu))));

        assertThat(facts.ofType(TomlDifference.class)).isEmpty();
        assertThat(facts.ofType(TomlSetting.class))
                .filteredOn(s -> s.role() == Role.NEW)
                .extracting(TomlSetting::key, TomlSetting::value)
                .contains(org.assertj.core.groups.Tuple.tuple("user_store.type", "database_unique_id"));
        assertThat(facts.ofType(DatasourceConfig.class))
                .filteredOn(d -> d.role() == Role.NEW)
                .extracting(DatasourceConfig::name)
                .contains("apim_db", "shared_db", "local");
        assertThat(facts.ofType(DatasourceConfig.class))
                .filteredOn(d -> d.role() == Role.OLD)
                .extracting(DatasourceConfig::name, DatasourceConfig::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("apim_db", "h2"),
                        org.assertj.core.groups.Tuple.tuple("shared_db", "h2"));
    }

    @Test
    void theEmbeddedStockHashesAreThoseOfTheReal300File() throws Exception {
        List<String> derived = StockTomlGenerator.resourceLines(stockToml("apim-3.0.0"));

        assertThat(StockFiles.lines(StockToml.RESOURCE)).isEqualTo(derived.subList(1, derived.size()));
    }

    @Test
    void theTestingToolFilesForExternalDatabasesParseAndDifferFromStockInTheirDatasources() throws Exception {
        Path dir = FileHomes.reference().resolve("migration/testing-tool/API-M_3.0.0");
        List<Path> tomls;
        try (Stream<Path> s = Files.list(dir)) {
            tomls = s.map(d -> d.resolve("deployment.toml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        assertThat(tomls).hasSizeGreaterThanOrEqualTo(4);
        for (Path toml : tomls) {
            Path old = homeWith(toml.getParent().getFileName().toString(), toml);

            Facts facts = new Facts(new DeploymentTomlScanner().scan(new Installation(old, Optional.empty())));

            assertThat(facts.ofType(DatasourceConfig.class))
                    .as(toml.toString())
                    .extracting(DatasourceConfig::name)
                    .contains("apim_db", "shared_db");
            assertThat(facts.ofType(TomlDifference.class))
                    .as(toml.toString())
                    .extracting(TomlDifference::key)
                    .contains("database.apim_db.url");
        }
    }
}
