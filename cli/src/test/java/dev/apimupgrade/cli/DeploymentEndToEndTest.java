package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * assess --deployment on WSO2's real Kubernetes pattern 2 (gateway worker, key manager, pub-store-tm) plus a traffic
 * manager variant, every home assembled as DistributedNodesEndToEndTest assembles one, on shared PostgreSQL loaded from
 * the real 3.0.0 scripts: a consistent deployment has every condition across nodes NOT_APPLICABLE, one inconsistency
 * of each kind planted is found and names both nodes with their evidence, and a bad deployment file is refused.
 */
class DeploymentEndToEndTest {
    private static final String TODAY = "2026-11-25";
    private static final String PATTERN = "wso2am-pattern-2-";

    @RegisterExtension
    static final PatternTwoDeployment.SharedDatabases DATABASES = PatternTwoDeployment.SharedDatabases.toAssess();

    @TempDir
    Path tmp;

    /** The nodes by name, each with its reference folder and the Kubernetes service names that reach it. */
    private Map<String, Path> pattern2(String... extraGateway) throws Exception {
        Map<String, Path> homes = new LinkedHashMap<>();
        homes.put(
                "gateway",
                DistributedNodesEndToEndTest.nodeHome(
                        tmp.resolve("gateway"), "k8s-pattern-2/gateway-worker", DATABASES.get()));
        for (String g : extraGateway) {
            homes.put(
                    g,
                    DistributedNodesEndToEndTest.nodeHome(
                            tmp.resolve(g), "k8s-pattern-2/gateway-worker", DATABASES.get()));
        }
        homes.put(
                "key-manager",
                DistributedNodesEndToEndTest.nodeHome(tmp.resolve("km"), "k8s-pattern-2/key-manager", DATABASES.get()));
        homes.put(
                "pub-store-tm",
                DistributedNodesEndToEndTest.nodeHome(
                        tmp.resolve("pst"), "k8s-pattern-2/pub-store-tm", DATABASES.get()));
        Path tm =
                DistributedNodesEndToEndTest.nodeHome(tmp.resolve("tm"), "k8s-pattern-2/pub-store-tm", DATABASES.get());
        edit(tm, "server_role = \"default\"", "server_role = \"traffic-manager\"");
        homes.put("traffic-manager", tm);
        return homes;
    }

    private static final Map<String, List<String>> HOSTS = Map.of(
            "gateway",
            List.of(PATTERN + "gateway-service"),
            "key-manager",
            List.of(PATTERN + "km-service"),
            "pub-store-tm",
            List.of(PATTERN + "pub-store-tm-service", PATTERN + "pub-store-tm-1-service"),
            "traffic-manager",
            List.of(PATTERN + "pub-store-tm-2-service"));

    private Path deploymentFile(Map<String, Path> homes) throws Exception {
        StringBuilder yaml = new StringBuilder("name: pattern-2\nnodes:\n");
        homes.forEach((name, home) -> {
            // no new: each node would need its own 3.1.0 home, and the conditions across nodes read the old ones
            yaml.append("  - name: ")
                    .append(name)
                    .append("\n    old: ")
                    .append(home)
                    .append('\n');
            yaml.append("    hosts: [")
                    .append(String.join(", ", HOSTS.getOrDefault(name, List.of())))
                    .append("]\n");
        });
        Path file = tmp.resolve("deployment.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    private JsonNode assess(Path file) throws Exception {
        CliRun run = CliRun.of(
                "assess",
                "--deployment",
                file.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--today",
                TODAY);
        assertThat(run.err()).as("stderr").isEmpty();
        assertThat(run.code()).as(run.out()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED);
        return new ObjectMapper()
                .readTree(tmp.resolve("out/deployment-assessment.json").toFile());
    }

    private static Map<String, JsonNode> byId(JsonNode report) {
        Map<String, JsonNode> out = new TreeMap<>();
        report.get("conditions").forEach(c -> out.put(c.get("id").asText(), c));
        return out;
    }

    private static void edit(Path home, String from, String to) throws Exception {
        Path toml = home.resolve("repository/conf/deployment.toml");
        String text = Files.readString(toml);
        assertThat(text).contains(from);
        Files.writeString(toml, text.replace(from, to));
    }

    @Test
    void aConsistentPattern2DeploymentHasEveryConditionAcrossNodesNotApplicableAndEachNodesOwnAssessment()
            throws Exception {
        Map<String, Path> homes = pattern2();

        JsonNode report = assess(deploymentFile(homes));

        SoftAssertions softly = new SoftAssertions();
        byId(report)
                .forEach((id, c) -> softly.assertThat(c.get("status").asText())
                        .as(id + " " + c.get("messages"))
                        .isEqualTo("NOT_APPLICABLE"));
        softly.assertThat(report.get("nodes"))
                .extracting(n -> n.get("name").asText() + ": " + n.get("serves"))
                .containsExactly(
                        "gateway: [\"Gateway\"]",
                        "key-manager: [\"Key Manager\"]",
                        "pub-store-tm: [\"Key Manager\",\"Traffic Manager\",\"Publisher\",\"Devportal\"]",
                        "traffic-manager: [\"Traffic Manager\"]");
        for (String node : homes.keySet()) {
            softly.assertThat(tmp.resolve("out/nodes/" + node + "/assessment.json"))
                    .isRegularFile();
        }
        softly.assertAll();
    }

    @Test
    void oneInconsistencyOfEachKindIsFoundAndNamesBothNodesWithTheirEvidence() throws Exception {
        Map<String, Path> homes = pattern2("gateway-2");
        // the shared databases: pub-store-tm's apim_db names the shared_db database
        Path pst = homes.get("pub-store-tm").resolve("repository/conf/deployment.toml");
        String am = DATABASES.get().datasource("apim_db").url();
        String sh = DATABASES.get().datasource("shared_db").url();
        String text = Files.readString(pst);
        Files.writeString(
                pst, text.replaceFirst(java.util.regex.Pattern.quote("url = \"" + am + "\""), "url = \"" + sh + "\""));
        // the primary keystore: the gateway's differs
        Path jks = homes.get("gateway").resolve("repository/resources/security/wso2carbon.jks");
        Files.write(
                jks,
                Files.readAllBytes(
                        homes.get("gateway").resolve("repository/resources/security/client-truststore.jks")));
        // the update level: the key manager has a WUM update the others lack
        Files.createDirectories(homes.get("key-manager").resolve("updates/wum/1590000000000"));
        // the synapse artefacts: an API on one Gateway only
        Files.writeString(
                homes.get("gateway")
                        .resolve(
                                "repository/deployment/server/synapse-configs/default/api/" + "admin--Orders_v1.0.xml"),
                "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"admin--Orders\" "
                        + "context=\"/orders/1.0\"/>\n");
        // a custom jar on the key manager only, and an execution plan on one Traffic Manager only
        jar(homes.get("key-manager").resolve("repository/components/lib/acme-handler-1.0.jar"));
        Files.writeString(
                homes.get("pub-store-tm")
                        .resolve("repository/deployment/server/executionplans/" + "acme_policy.siddhiql"),
                "@Plan:name('acme_policy')\ndefine stream S (a string);\n");
        // a node URL: gateway-2 sends its key manager traffic to the traffic manager node
        edit(
                homes.get("gateway-2"),
                "https://" + PATTERN + "km-service:",
                "https://" + PATTERN + "pub-store-tm-2-service:");

        Map<String, JsonNode> c = byId(assess(deploymentFile(homes)));

        SoftAssertions softly = new SoftAssertions();
        found(softly, c.get("DEP-SHARED-DATABASES"), "pub-store-tm", "key-manager");
        found(softly, c.get("DEP-KEYSTORES-MATCH"), "gateway", "key-manager");
        found(softly, c.get("DEP-PRODUCT-LEVEL"), "key-manager", "gateway");
        found(softly, c.get("DEP-GATEWAY-ARTEFACTS"), "gateway-2", "gateway");
        softly.assertThat(c.get("DEP-GATEWAY-ARTEFACTS").get("messages").toString())
                .contains("admin--Orders_v1.0.xml");
        found(softly, c.get("DEP-CUSTOM-ARTEFACTS"), "key-manager", "traffic-manager");
        softly.assertThat(c.get("DEP-CUSTOM-ARTEFACTS").get("messages").toString())
                .contains("acme-handler-1.0.jar")
                .contains("Traffic Manager node traffic-manager lacks or holds differently execution plans of Traffic"
                        + " Manager node pub-store-tm: acme_policy.siddhiql (missing)");
        found(softly, c.get("DEP-NODE-URLS"), "gateway-2", "traffic-manager");
        softly.assertAll();
        assertThat(tmp.resolve("out/deployment-assessment.html"))
                .content()
                .contains("DEP-NODE-URLS")
                .contains("NOT READY")
                .contains("class=\"verdict NOT_READY\"");
    }

    /** The condition applies, its messages name both nodes and its evidence cites a file of each. */
    private static void found(SoftAssertions softly, JsonNode condition, String one, String other) {
        String id = condition.get("id").asText();
        softly.assertThat(condition.get("status").asText()).as(id).isEqualTo("APPLIES");
        softly.assertThat(condition.get("messages").toString())
                .as(id)
                .contains(one)
                .contains(other);
        List<String> sources = new ArrayList<>();
        condition.get("evidence").forEach(e -> sources.add(e.get("source").asText()));
        softly.assertThat(sources)
                .as(id + " evidence")
                .anyMatch(s -> s.startsWith(one + "/"))
                .anyMatch(s -> s.startsWith(other + "/"));
    }

    private static void jar(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.putNextEntry(new java.util.jar.JarEntry("com/acme/Handler.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            jar.closeEntry();
        }
    }

    @Test
    void aDeploymentFileNamingAMissingHomeTwoNodesOnOneHomeAnUnknownRoleOrANameTwiceIsRefusedNamingFileLineAndNode()
            throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home-a"));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("name: d\nnodes:\n  - name: a\n    old: " + tmp.resolve("nowhere") + "\n", ":4: node a: old home");
        bad.put(
                "name: d\nnodes:\n  - name: a\n    old: " + home + "\n  - name: b\n    old: " + home + "\n",
                ":5: nodes a and b name the same home");
        bad.put(
                "name: d\nnodes:\n  - name: a\n    old: " + home + "\n    role: gateway\n",
                ":5: node a: unknown role gateway");
        bad.put(
                "name: d\nnodes:\n  - name: a\n    old: " + home + "\n  - name: a\n    old: " + tmp + "\n",
                ":5: node a is named twice");
        int i = 0;
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Path file = tmp.resolve("bad-" + i++ + ".yaml");
            Files.writeString(file, b.getKey());

            CliRun run = CliRun.of(
                    "assess",
                    "--deployment",
                    file.toString(),
                    "--out",
                    tmp.resolve("o").toString());

            assertThat(run.code()).as(b.getValue()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err())
                    .contains(file + b.getValue())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }
}
