package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DefaultedSetting;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node role and the effective datasources of the real distributed 3.0.0 configurations (WSO2's Kubernetes
 * patterns 1 and 2 in reference/deployments), with 3.0.0's own default.json and infer.json applied.
 */
class NodeRoleReferenceTest {
    @TempDir
    Path tmp;

    private Facts scan(String node) throws Exception {
        Path home = home(tmp.resolve(node.replace('/', '-')));
        Files.copy(
                FileHomes.reference().resolve("deployments").resolve(node).resolve("deployment.toml"),
                home.resolve(TomlFile.PATH));
        Installation installation = new Installation(home, Optional.empty());
        List<dev.apimupgrade.fact.Observation> out =
                new java.util.ArrayList<>(new DeploymentTomlScanner().scan(installation));
        out.addAll(new NodeRoleScanner().scan(installation));
        return new Facts(out);
    }

    private static NodeRoleConfig role(Facts facts) {
        assertThat(facts.ofType(NodeRoleConfig.class)).hasSize(1);
        return facts.ofType(NodeRoleConfig.class).get(0);
    }

    @Test
    void aGatewayWorkerServesOnlyTheGatewayAndPointsAtTheKeyManagerAndTrafficManagerOnOtherHosts() throws Exception {
        NodeRoleConfig node = role(scan("k8s-pattern-2/gateway-worker"));

        assertThat(node.serverRole()).isEqualTo("gateway-worker");
        assertThat(node.profile()).isEqualTo("gateway-worker");
        assertThat(node.serves()).containsExactly(NodeRoleConfig.GATEWAY);
        assertThat(node.elsewhere()).containsExactly(NodeRoleConfig.KEY_MANAGER, NodeRoleConfig.TRAFFIC_MANAGER);
        assertThat(node.observed())
                .contains("infer.json: server.server_role = gateway-worker")
                .contains("wso2am-pattern-2-km-service")
                .contains("wso2am-pattern-2-pub-store-tm-1-service");
    }

    @Test
    void theKeyManagerNodeServesOnlyTheKeyManager() throws Exception {
        NodeRoleConfig node = role(scan("k8s-pattern-2/key-manager"));

        assertThat(node.profile()).isEqualTo("api-key-manager");
        assertThat(node.serves()).containsExactly(NodeRoleConfig.KEY_MANAGER);
        assertThat(node.elsewhere()).containsExactly(NodeRoleConfig.GATEWAY, NodeRoleConfig.TRAFFIC_MANAGER);
    }

    @Test
    void thePubStoreTmNodeHasTheDefaultProfileAndPointsOnlyAtTheGatewayElsewhere() throws Exception {
        NodeRoleConfig node = role(scan("k8s-pattern-2/pub-store-tm"));

        assertThat(node.profile()).isEqualTo("default");
        assertThat(node.serves())
                .containsExactly(
                        NodeRoleConfig.KEY_MANAGER,
                        NodeRoleConfig.TRAFFIC_MANAGER,
                        NodeRoleConfig.PUBLISHER,
                        NodeRoleConfig.DEVPORTAL);
        assertThat(node.elsewhere()).containsExactly(NodeRoleConfig.GATEWAY);
        assertThat(node.standalone()).isFalse();
    }

    @Test
    void anActiveActivePattern1NodeServesEverythingItselfSinceOneTrafficManagerUrlIsLocal() throws Exception {
        NodeRoleConfig node = role(scan("k8s-pattern-1/am-instance-1"));

        assertThat(node.standalone()).isTrue();
        assertThat(node.elsewhere()).isEmpty();
    }

    @Test
    void aGatewayWorkerWithoutApimDbUsesTheDefaultH2Wso2AmDbOfDefaultJson() throws Exception {
        Facts facts = scan("k8s-pattern-2/gateway-worker");

        assertThat(facts.ofType(DatasourceConfig.class))
                .extracting(DatasourceConfig::name, DatasourceConfig::urlFrom)
                .containsExactlyInAnyOrder(tuple("shared_db", "written"), tuple("apim_db", "default.json"));
        DatasourceConfig am = facts.ofType(DatasourceConfig.class).stream()
                .filter(d -> d.name().equals("apim_db"))
                .findFirst()
                .orElseThrow();
        assertThat(am.url()).startsWith("jdbc:h2:./repository/database/WSO2AM_DB;");
        assertThat(am.source().toString()).isEqualTo("OLD:repository/resources/conf/default.json:9");
        assertThat(facts.ofType(DefaultedSetting.class))
                .extracting(DefaultedSetting::key)
                .contains("database.apim_db.url", "database.apim_db.driver", "system.parameter.profile");
    }

    @Test
    void theDefaultH2ApimDbIsADatasourceToReadWithTheProductCredentials() throws Exception {
        Path home = home(tmp.resolve("gw"));
        Files.copy(
                FileHomes.reference().resolve("deployments/k8s-pattern-2/gateway-worker/deployment.toml"),
                home.resolve(TomlFile.PATH));

        List<DatasourceSpec> specs = DatasourceSpecs.read(new Installation(home, Optional.empty()), Map.of(), Map.of())
                .all();

        assertThat(specs).extracting(DatasourceSpec::name).containsExactly("shared_db", "apim_db");
        DatasourceSpec am = specs.get(1);
        assertThat(am.configuredUrl()).startsWith("jdbc:h2:./repository/database/WSO2AM_DB;");
        assertThat(am.connectUrl())
                .contains(home.resolve("repository/database/WSO2AM_DB").toString());
        assertThat(am.problem()).isEmpty();
    }

    @Test
    void aDatasourceGivenByHostnamePortAndNameGetsTheUrlInferJsonBuildsForItsType() throws Exception {
        Path home = home(tmp.resolve("hpn"));
        FileHomes.write(home, TomlFile.PATH, """
                [database.apim_db]
                type = "postgre"
                hostname = "db.example.org"
                port = "5432"
                name = "am"
                username = "am"
                password = "s3cret"

                [database.shared_db]
                type = "mysql"
                hostname = "db.example.org"
                port = "3306"
                name = "shared"
                """);
        Installation installation = new Installation(home, Optional.empty());

        List<DatasourceConfig> configs =
                new Facts(new DeploymentTomlScanner().scan(installation)).ofType(DatasourceConfig.class);
        List<DatasourceSpec> specs =
                DatasourceSpecs.read(installation, Map.of(), Map.of()).all();

        assertThat(configs)
                .extracting(DatasourceConfig::name, DatasourceConfig::url)
                .containsExactly(
                        tuple("apim_db", "jdbc:postgresql://db.example.org:5432/am"),
                        tuple("shared_db", "jdbc:mysql://db.example.org:3306/shared"));
        assertThat(configs.get(0).urlFrom()).isEqualTo("kernel/infer.json: database.apim_db.type = postgre");
        assertThat(specs)
                .extracting(DatasourceSpec::configuredUrl)
                .containsExactly("jdbc:postgresql://db.example.org:5432/am", "jdbc:mysql://db.example.org:3306/shared");
    }

    @Test
    void theHomesOwnDefaultJsonIsTheOneApplied() throws Exception {
        Path home = home(tmp.resolve("own"));
        FileHomes.write(home, TomlFile.PATH, "[server]\nhostname = \"localhost\"\n");
        FileHomes.write(
                home,
                EffectiveConfig.CONF + "default.json",
                "{\n  \"database.apim_db.url\": \"jdbc:h2:./repository/database/OTHER_AM_DB\"\n}\n");

        List<DatasourceConfig> configs = new Facts(
                        new DeploymentTomlScanner().scan(new Installation(home, Optional.empty())))
                .ofType(DatasourceConfig.class);

        assertThat(configs)
                .extracting(DatasourceConfig::url)
                .containsExactly("jdbc:h2:./repository/database/OTHER_AM_DB");
    }
}
