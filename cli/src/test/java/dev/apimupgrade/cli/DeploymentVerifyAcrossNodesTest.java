package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify --deployment decides the conditions across nodes again on the nodes' migrated 3.1.0 homes (ADR 0039), as the
 * operator meets it: WSO2's pattern 2 (PatternTwoDeployment) planned and migrated part by part (each node's role and
 * URLs carried into its 3.1.0 deployment.toml by CFG-NODE-ROLE, ADR 0046), verified clean, then one node's 3.1.0 home given a keystore of its
 * own, and verified again. One migrated deployment serves both checks.
 */
class DeploymentVerifyAcrossNodesTest {
    private static final List<String> CONDITIONS = List.of(
            "DEP-SHARED-DATABASES",
            "DEP-KEYSTORES-MATCH",
            "DEP-PRODUCT-LEVEL",
            "DEP-GATEWAY-ARTEFACTS",
            "DEP-CUSTOM-ARTEFACTS",
            "DEP-NODE-URLS");
    private static final String KEYSTORE = "repository/resources/security/wso2carbon.jks";
    private static final String TOML = "repository/conf/deployment.toml";

    @RegisterExtension
    static final PatternTwoDeployment.SharedDatabases DATABASES = new PatternTwoDeployment.SharedDatabases();

    @TempDir
    Path tmp;

    @Test
    void theConditionsAcrossNodesHoldAfterTheMigrationAndAKeystoreOneNodeNoLongerSharesFailsTheDeployment()
            throws Exception {
        Map<String, Path[]> homes = PatternTwoDeployment.nodes(tmp, DATABASES.get());
        Path file = PatternTwoDeployment.deploymentFile(tmp, homes);
        List<String> options = PatternTwoDeployment.options(tmp);
        Path out = tmp.resolve("plan");
        CliRun plan = PatternTwoDeployment.cli("plan", options, "--deployment", file.toString(), "--out", out);
        assertThat(plan.code()).as(plan.out() + plan.err()).isEqualTo(ExitCode.READY);
        PatternTwoDeployment.migrateEveryPart(tmp, out, homes, DATABASES.get());

        // clean: every condition across nodes decided on the 3.1.0 homes, each consistent, citing the new homes only
        CliRun clean = PatternTwoDeployment.verify(options, file, out, tmp.resolve("after"));
        JsonNode verified = read(tmp.resolve("after"));
        JsonNode across = verified.get("acrossNodes");
        assertThat(statuses(across)).as(across.toPrettyString()).isEqualTo(all("NOT_APPLICABLE"));
        assertThat(across.get("verdict").asText()).isEqualTo("PASS");
        List<String> sources = sources(across);
        assertThat(sources).isNotEmpty().allMatch(s -> s.matches("[a-z-]+/NEW:.*"), "a node's 3.1.0 home");
        assertThat(sources)
                .anyMatch(s -> s.startsWith("gateway/NEW:" + KEYSTORE))
                .anyMatch(s -> s.startsWith("key-manager/NEW:repository/conf/deployment.toml"));
        // the deployment's verdict is the parts' alone while nothing across nodes applies
        boolean partFails = false;
        for (JsonNode p : verified.get("parts")) {
            partFails |= p.get("verdict").asText().equals("FAIL");
        }
        assertThat(verified.get("verdict").asText()).isEqualTo(partFails ? "FAIL" : "PASS");
        assertThat(clean.out()).contains("across nodes, on the 3.1.0 homes: PASS (0 blocker(s) apply, 6 conditions");
        // the URLs the migration carried are compared: the gateway's key manager and traffic managers, the others'
        // gateway
        assertThat(sources(condition(across, "DEP-NODE-URLS")))
                .anyMatch(s -> s.startsWith("gateway/NEW:" + TOML + ":"))
                .anyMatch(s -> s.startsWith("key-manager/NEW:" + TOML + ":"))
                .anyMatch(s -> s.startsWith("pub-store-tm/NEW:" + TOML + ":"));
        assertThat(condition(across, "DEP-NODE-URLS").get("evidence").toString())
                .contains("wso2am-pattern-2-km-service")
                .contains("wso2am-pattern-2-pub-store-tm-2-service")
                .contains("wso2am-pattern-2-gateway-service");

        // one node's 3.1.0 home gets a primary keystore of its own (a certificate added there only)
        Path gatewayKeystore = homes.get("gateway")[1].resolve(KEYSTORE);
        Path keyManagerKeystore = homes.get("key-manager")[1].resolve(KEYSTORE);
        assertThat(gatewayKeystore).hasSameBinaryContentAs(keyManagerKeystore);
        addCertificate(
                gatewayKeystore,
                homes.get("gateway")[1].resolve("repository/resources/security/client-truststore.jks"));

        CliRun planted = PatternTwoDeployment.verify(options, file, out, tmp.resolve("after-planted"));
        assertThat(planted.code()).as(planted.out() + planted.err()).isEqualTo(ExitCode.BLOCKERS);
        JsonNode failed = read(tmp.resolve("after-planted"));
        assertThat(failed.get("verdict").asText()).isEqualTo("FAIL");
        JsonNode plantedAcross = failed.get("acrossNodes");
        assertThat(plantedAcross.get("verdict").asText()).isEqualTo("FAIL");
        Map<String, String> expected = all("NOT_APPLICABLE");
        expected.put("DEP-KEYSTORES-MATCH", "APPLIES");
        assertThat(statuses(plantedAcross)).isEqualTo(expected);
        JsonNode keystores = condition(plantedAcross, "DEP-KEYSTORES-MATCH");
        assertThat(keystores.get("severity").asText()).isEqualTo("BLOCKER");
        // named with both nodes' evidence: the gateway against every other node, each citing its own 3.1.0 keystore
        assertThat(keystores.get("messages").toString())
                .contains("Nodes gateway and key-manager hold different primary keystores")
                .contains("gateway and pub-store-tm")
                .contains("gateway and traffic-manager");
        assertThat(sources(keystores))
                .contains(
                        "gateway/NEW:" + KEYSTORE,
                        "key-manager/NEW:" + KEYSTORE,
                        "pub-store-tm/NEW:" + KEYSTORE,
                        "traffic-manager/NEW:" + KEYSTORE);
        assertThat(planted.out())
                .contains("across nodes, on the 3.1.0 homes: FAIL (1 blocker(s) apply")
                .contains("BLOCKER DEP-KEYSTORES-MATCH: Nodes gateway and key-manager hold different primary keystores")
                .contains("Deployment verification: FAIL");
        assertThat(planted.err()).doesNotContain("\tat ");
    }

    private static JsonNode read(Path after) throws Exception {
        return new ObjectMapper()
                .readTree(after.resolve("deployment-verify.json").toFile());
    }

    private static Map<String, String> all(String status) {
        Map<String, String> out = new LinkedHashMap<>();
        CONDITIONS.forEach(id -> out.put(id, status));
        return out;
    }

    private static Map<String, String> statuses(JsonNode across) {
        Map<String, String> out = new LinkedHashMap<>();
        across.get("conditions")
                .forEach(c -> out.put(c.get("id").asText(), c.get("status").asText()));
        return out;
    }

    private static JsonNode condition(JsonNode across, String id) {
        for (JsonNode c : across.get("conditions")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no " + id + " in " + across);
    }

    /** Every evidence source of {@code node} (a condition, or every condition of an acrossNodes section). */
    private static List<String> sources(JsonNode node) {
        List<String> out = new ArrayList<>();
        List<JsonNode> conditions = new ArrayList<>();
        if (node.has("conditions")) {
            node.get("conditions").forEach(conditions::add);
        } else {
            conditions.add(node);
        }
        conditions.forEach(
                c -> c.get("evidence").forEach(e -> out.add(e.get("source").asText())));
        return out;
    }

    /** The keystore with one more entry: the first certificate of {@code truststore}, under an alias of its own. */
    private static void addCertificate(Path keystore, Path truststore) throws Exception {
        char[] password = "wso2carbon".toCharArray();
        KeyStore trust = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(truststore)) {
            trust.load(in, password);
        }
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        store.setCertificateEntry(
                "planted-on-one-node", trust.getCertificate(trust.aliases().nextElement()));
        try (OutputStream o = Files.newOutputStream(keystore)) {
            store.store(o, password);
        }
    }
}
