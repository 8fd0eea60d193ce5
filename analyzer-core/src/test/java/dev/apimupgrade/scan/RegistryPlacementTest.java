package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.apimupgrade.fact.RegistryDatasource;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the old home keeps its registry, from its deployment.toml as 3.0.0's registry.xml.j2 places the mounts. */
class RegistryPlacementTest {
    private static final String SHARED =
            "[database.shared_db]\ntype = \"mysql\"\n" + "url = \"jdbc:mysql://db:3306/shared_db\"\n";
    private static final String USER = "[database.user]\ntype = \"mysql\"\nurl = \"jdbc:mysql://db:3306/um_db\"\n";
    private static final String CONFIG =
            "[database.config]\ntype = \"mysql\"\n" + "url = \"jdbc:mysql://db:3306/config_db\"\n";

    @TempDir
    Path tmp;

    @Test
    void withoutADatabaseConfigTableSharedDbHoldsBothMountsByTheTemplatesDefault() throws Exception {
        List<RegistryDatasource> placed = RegistryPlacement.of(TomlFile.parse(Role.OLD, SHARED + "\n" + USER));

        assertThat(placed)
                .extracting(RegistryDatasource::datasource, RegistryDatasource::mounts, RegistryDatasource::from)
                .containsExactly(tuple(
                        "shared_db",
                        List.of(RegistryDatasource.GOVERNANCE, RegistryDatasource.CONFIG),
                        RegistryDatasource.FROM_TEMPLATE));
        assertThat(placed.get(0).source()).isEqualTo(SourceRef.file(Role.OLD, RegistryDatasource.TEMPLATE));
    }

    @Test
    void aWrittenDatabaseConfigTableHoldsTheConfigRegistryAndSharedDbKeepsTheGovernanceRegistry() throws Exception {
        List<RegistryDatasource> placed = RegistryPlacement.of(TomlFile.parse(Role.OLD, SHARED + "\n" + CONFIG));

        assertThat(placed)
                .extracting(RegistryDatasource::datasource, RegistryDatasource::mounts, RegistryDatasource::from)
                .containsExactly(
                        tuple("shared_db", List.of(RegistryDatasource.GOVERNANCE), RegistryDatasource.FROM_TEMPLATE),
                        tuple("config", List.of(RegistryDatasource.CONFIG), "written"));
        assertThat(placed.get(1).source()).isEqualTo(SourceRef.line(Role.OLD, TomlFile.PATH, 5));
    }

    @Test
    void theScannerStatesTheOldHomesRegistryAndNotTheNewOnes() throws Exception {
        Path old = FileHomes.home(tmp.resolve("old"));
        Path neu = FileHomes.home(tmp.resolve("new"));
        Files.writeString(old.resolve(TomlFile.PATH), SHARED + "\n" + CONFIG);
        Files.writeString(neu.resolve(TomlFile.PATH), SHARED + "\n" + CONFIG);

        List<RegistryDatasource> facts = new DeploymentTomlScanner()
                .scan(new Installation(old, Optional.of(neu))).stream()
                        .filter(RegistryDatasource.class::isInstance)
                        .map(RegistryDatasource.class::cast)
                        .toList();

        assertThat(facts).extracting(RegistryDatasource::role).containsOnly(Role.OLD);
        assertThat(facts).extracting(RegistryDatasource::datasource).containsExactly("shared_db", "config");
    }

    @Test
    void theReal300TemplatePlacesTheMountsAsThisClassDoes() throws Exception {
        String template = Files.readString(
                        FileHomes.reference().resolve("apim-3.0.0").resolve(RegistryDatasource.TEMPLATE))
                .replaceAll("\\s+", " ");

        // governance: mount -> instance gov -> dbConfig govregistry -> jdbc/SHARED_DB, unconditionally
        assertThat(template)
                .contains("<dbConfig name=\"govregistry\"> <dataSource>jdbc/SHARED_DB</dataSource> </dbConfig>")
                .contains(
                        "<id>gov</id> <cacheId>{{governance_data.cache_id}}</cacheId> <dbConfig>govregistry</dbConfig>")
                .contains("<mount path=\"" + RegistryDatasource.GOVERNANCE + "\" overwrite=\"true\"> <instanceId>gov");
        // config: mount -> instance conf -> dbConfig configregistry -> WSO2CONFIG_DB only when [database.config] is
        assertThat(template)
                .contains("<dbConfig name=\"configregistry\"> {% if database.config is defined%}"
                        + " <dataSource>jdbc/WSO2CONFIG_DB</dataSource> {% else %}"
                        + " <dataSource>jdbc/SHARED_DB</dataSource> {% endif %} </dbConfig>")
                .contains(
                        "<id>conf</id> <cacheId>{{config_data.cache_id}}</cacheId> <dbConfig>configregistry</dbConfig>")
                .contains("<mount path=\"" + RegistryDatasource.CONFIG + "\" overwrite=\"true\"> <instanceId>conf");
    }
}
