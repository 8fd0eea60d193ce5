package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.jar;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.NodeDatasource;
import dev.apimupgrade.fact.NodeFile;
import dev.apimupgrade.fact.NodeProduct;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentScannerTest {
    private static final String TOML = "[server]\nserver_role = \"default\"\n\n[database.apim_db]\ntype = \"postgre\"\n"
            + "url = \"jdbc:postgresql://db.example:5432/apim_db\"\nusername = \"apim\"\npassword = \"x\"\n";

    @TempDir
    Path tmp;

    /** A migrated 3.1.0 home with the configuration and version a node's server starts with. */
    private Path migrated(String name) throws Exception {
        Path home = home(tmp.resolve(name));
        write(home, VersionScanner.CARBON_XML, "<Server><Version>3.1.0</Version></Server>");
        write(home, TomlFile.PATH, TOML);
        return home;
    }

    @Test
    void theMigratedHomesAreReadAsTheAssessedOnesAreAndEachFactCitesItsNodesNewHome() throws Exception {
        Path a = migrated("a");
        Path b = migrated("b");
        jar(b, "repository/components/dropins/custom-handler-1.0.jar", Map.of(), Map.of("a.txt", "a"));
        // a migration client dropped in for the run is no custom jar every node needs
        jar(a, "repository/components/dropins/tenantloader-1.0.jar", Map.of(), Map.of("b.txt", "b"));
        Deployment deployment = new Deployment(
                "d",
                tmp.resolve("deployment.yaml"),
                List.of(
                        new Deployment.Node("a", tmp.resolve("a-old"), Optional.of(a), Optional.empty(), List.of(), 3),
                        new Deployment.Node(
                                "b", tmp.resolve("b-old"), Optional.of(b), Optional.empty(), List.of(), 6)));
        Map<String, Path> homes = new LinkedHashMap<>();
        homes.put("a", a);
        homes.put("b", b);

        Facts across = DeploymentScanner.acrossMigrated(deployment, homes, LocalDate.of(2026, 11, 25));

        assertThat(across.ofType(NodeProduct.class))
                .extracting(NodeProduct::node, NodeProduct::version)
                .containsExactly(tuple("a", "3.1.0"), tuple("b", "3.1.0"));
        assertThat(across.ofType(NodeDatasource.class))
                .extracting(d -> d.source().where())
                .containsExactly("a/NEW:" + TomlFile.PATH, "b/NEW:" + TomlFile.PATH);
        assertThat(across.ofType(NodeFile.class).stream()
                        .filter(f -> f.kind().equals(NodeFile.CUSTOM_JAR))
                        .map(f -> f.source().where()))
                .containsExactly("b/NEW:repository/components/dropins/custom-handler-1.0.jar");
        assertThat(across.all()).allSatisfy(o -> assertThat(o.source().where()).doesNotContain("OLD:"));
    }
}
