package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StockFilesTest {
    private final StockFiles stock = StockFiles.stock();

    @Test
    void embeddedStockHashesAreTheHashesOfTheReference300FilesForCfgSynapseProtectedModifiedAndCfgExecutionPlans()
            throws IOException {
        Path server = FileHomes.reference().resolve("apim-3.0.0/" + FileHomes.SERVER);
        Map<String, String> recomputed = new TreeMap<>();
        Path synapse = server.resolve("synapse-configs/default");
        try (Stream<Path> files = Files.walk(synapse)) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> recomputed.put(Installation.relative(synapse, f), FileDigest.sha256(f)));
        }
        try (Stream<Path> files = Files.list(server.resolve("executionplans"))) {
            files.forEach(f -> recomputed.put("executionplans/" + f.getFileName(), FileDigest.sha256(f)));
        }

        assertThat(new TreeMap<>(stock.hashes())).isEqualTo(recomputed);
    }

    @Test
    void stockExecutionPlanNamesAreTheElevenFactsMdListsForCfgExecutionPlans() {
        assertThat(stock.executionPlanNames())
                .containsExactlyInAnyOrder(
                        "RequestPreProcessorExecutionPlan.siddhiql",
                        "carbon.super_app_10PerMin.siddhiql",
                        "carbon.super_app_20PerMin.siddhiql",
                        "carbon.super_app_50PerMin.siddhiql",
                        "carbon.super_resource_10KPerMin_default.siddhiql",
                        "carbon.super_resource_20KPerMin_default.siddhiql",
                        "carbon.super_resource_50KPerMin_defualt.siddhiql",
                        "carbon.super_sub_Bronze.siddhiql",
                        "carbon.super_sub_Gold.siddhiql",
                        "carbon.super_sub_Silver.siddhiql",
                        "carbon.super_sub_Unauthenticated.siddhiql");
    }

    @Test
    void stockSynapseFilesIncludeTheFourProtectedOnesForCfgSynapseProtectedModified() {
        assertThat(stock.synapsePaths())
                .hasSize(24)
                .containsAll(SynapseScanner.PROTECTED)
                .contains("registry.xml", "synapse.xml", SynapseScanner.SECURE_WEBSOCKET)
                .noneMatch(p -> p.startsWith("executionplans/"));
        assertThat(stock.sha256("sequences/main.xml")).get().asString().hasSize(64);
        assertThat(stock.sha256("sequences/custom.xml")).isEmpty();
    }

    @Test
    void listedJarsAreTheOnesFactsMdNamesPerFolderForCfgCustomLibAndCfgCustomDropins() {
        assertThat(stock.listedJar("lib", "httpmime-4.3.6.jar")).isTrue();
        assertThat(stock.listedJar("lib", "httpmime-4.5.13.jar")).isFalse();
        assertThat(stock.listedJar("lib", "org.wso2.securevault-1.1.3.jar")).isTrue();
        assertThat(stock.listedJar("dropins", "httpmime-4.3.6.jar")).isFalse();
        assertThat(stock.listedJar("dropins", "org.wso2.carbon.identity.oauth2.grant.jwt-1.0.23.jar"))
                .isTrue();
        assertThat(stock.listedJar("dropins", "org.wso2.carbon.identity.oauth2.grant.jwt_1.0.23.jar"))
                .isTrue();
        assertThat(stock.listedJar("dropins", "com.acme.gateway.handler-1.0.jar"))
                .isFalse();
        assertThat(stock.listedJar("lib", "mysql-connector-java-8.0.20.jar")).isFalse();
    }
}
