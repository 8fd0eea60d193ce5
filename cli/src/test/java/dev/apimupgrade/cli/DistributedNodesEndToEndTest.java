package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioDatasource;
import dev.apimupgrade.samples.ScenarioGenerator;
import dev.apimupgrade.testkit.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The nodes of WSO2's real Kubernetes patterns for 3.0.0 (reference/deployments), each assembled as the samples
 * assemble a home (the stock sample with the node's own deployment.toml) on shared PostgreSQL databases loaded from
 * the real 3.0.0 scripts, assessed end to end: every step the guide's node notes place is NOT_APPLICABLE with "not on
 * a <role> node" exactly on the nodes that serve none of its roles, and no other condition is, per step and role.
 */
class DistributedNodesEndToEndTest {
    private static final String TODAY = "2026-11-25";
    private static final String GW = "Gateway";
    private static final String KM = "Key Manager";
    private static final String TM = "Traffic Manager";
    private static final String PUB = "Publisher";
    private static final String DEV = "Devportal";
    /**
     * The guide's node notes: synapse on Gateways (1.6), execution plans on the Traffic Manager (1.7), tenant loader
     * and re-indexing on Store and Publisher (2.7), and the scripts and migration clients once against the shared
     * databases, from a node with the Key Manager's identity components (ADR 0020).
     */
    private static final Map<String, Set<String>> GUIDE = new TreeMap<>(Map.ofEntries(
            Map.entry("CFG-SYNAPSE-SUPER", Set.of(GW)),
            Map.entry("CFG-SYNAPSE-TENANTS", Set.of(GW)),
            Map.entry("CFG-SYNAPSE-PROTECTED-MODIFIED", Set.of(GW)),
            Map.entry("CFG-EXECUTION-PLANS", Set.of(TM)),
            Map.entry("IDX-TENANTLOADER", Set.of(PUB, DEV)),
            Map.entry("IDX-RE-INDEXING", Set.of(PUB, DEV)),
            Map.entry("IDX-SOLR-DIR", Set.of(PUB, DEV)),
            Map.entry("IDX-REG-INDEX-SQL", Set.of(KM)),
            Map.entry("REG-VERSIONING-ENABLED", Set.of(KM)),
            Map.entry("DB-AM-UPGRADE", Set.of(KM)),
            Map.entry("DB-AM-SYSAPPS-CONSTRAINT", Set.of(KM)),
            Map.entry("DB-SCOPE-BINDING-NULL", Set.of(KM)),
            Map.entry("PRE-PG-SUPERUSER", Set.of(KM)),
            Map.entry("DB-MYSQL-PRIVILEGES", Set.of(KM)),
            Map.entry("IDN-MIGRATION-RESOURCES", Set.of(KM)),
            Map.entry("IDN-MIGRATION-JAR", Set.of(KM)),
            Map.entry("IDN-USER-STORE-TYPE", Set.of(KM)),
            Map.entry("IDN-UNIQUE-ID-USERSTORE", Set.of(KM)),
            Map.entry("IDN-LARGE-TABLES", Set.of(KM)),
            Map.entry("IDN-RUN", Set.of(KM)),
            Map.entry("APIM-CLIENT", Set.of(KM)),
            Map.entry("APIM-CLIENT-TENANTS", Set.of(KM)),
            Map.entry("DB-CHARSET-MISMATCH", Set.of(KM))));

    /** A node of the reference deployments, with what it serves itself and how the runbook names it. */
    enum Node {
        PATTERN_2_GATEWAY("k8s-pattern-2/gateway-worker", "Gateway", GW),
        PATTERN_2_KEY_MANAGER("k8s-pattern-2/key-manager", "Key Manager", KM),
        PATTERN_2_PUB_STORE_TM(
                "k8s-pattern-2/pub-store-tm",
                "Key Manager, Traffic Manager, Publisher and Devportal",
                KM,
                TM,
                PUB,
                DEV),
        PATTERN_1_ALL_IN_ONE("k8s-pattern-1/am-instance-1", "all-in-one", GW, KM, TM, PUB, DEV);

        final String folder;
        final String label;
        final Set<String> serves;

        Node(String folder, String label, String... serves) {
            this.folder = folder;
            this.label = label;
            this.serves = Set.of(serves);
        }
    }

    @RegisterExtension
    static final PatternTwoDeployment.SharedDatabases DATABASES = PatternTwoDeployment.SharedDatabases.toAssess();

    @TempDir
    Path tmp;

    static Path deployments() {
        return SharedFiles.referenceFolder("deployments");
    }

    /**
     * The node's home: the stock 3.0.0 sample with the node's real deployment.toml, its MySQL datasources pointed at the
     * shared PostgreSQL databases (type, url and credentials only; everything else as WSO2 wrote it).
     */
    private Path home(Node node) throws Exception {
        return nodeHome(tmp.resolve(node.name()), node.folder, DATABASES.get());
    }

    /** A reference node's home at {@code where} (DeploymentEndToEndTest builds its deployments the same way). */
    static Path nodeHome(Path where, String folder, ScenarioDatabases shared) throws Exception {
        Path home = ScenarioGenerator.write(Scenario.STOCK, where, List.of());
        String toml = Files.readString(deployments().resolve(folder).resolve("deployment.toml"));
        for (String name : List.of("apim_db", "shared_db")) {
            ScenarioDatasource d = shared.datasource(name);
            toml = toml.replaceAll(
                    "(?s)(\\[database\\." + name + "]\\s*\\n)type = \"mysql\"\\s*\\nurl = \"[^\"]*\"\\s*\\n"
                            + "username = \"[^\"]*\"\\s*\\npassword = \"[^\"]*\"\\s*\\ndriver = \"[^\"]*\"",
                    "$1type = \"postgre\"\nurl = \"" + d.url() + "\"\nusername = \"" + shared.owner()
                            + "\"\npassword = \"" + d.password() + "\"\ndriver = \"org.postgresql.Driver\"");
        }
        Files.writeString(home.resolve("repository/conf/deployment.toml"), toml);
        return home;
    }

    private JsonNode assess(Path home, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "assess",
                "--old",
                home.toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--today",
                TODAY));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.err()).as("stderr").isEmpty();
        return new ObjectMapper().readTree(tmp.resolve("out/assessment.json").toFile());
    }

    private static Map<String, JsonNode> byId(JsonNode report) {
        Map<String, JsonNode> out = new TreeMap<>();
        report.get("conditions").forEach(c -> out.put(c.get("id").asText(), c));
        return out;
    }

    private static String messages(JsonNode condition) {
        List<String> out = new ArrayList<>();
        condition.get("messages").forEach(m -> out.add(m.asText()));
        return String.join(" | ", out);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Node.class)
    void eachGuideStepIsNotApplicableExactlyOnTheNodesThatServeNoneOfItsRoles(Node node) throws Exception {
        Map<String, JsonNode> conditions = byId(assess(home(node)));

        SoftAssertions softly = new SoftAssertions();
        conditions.forEach((id, c) -> {
            boolean offNode = GUIDE.containsKey(id) && GUIDE.get(id).stream().noneMatch(node.serves::contains);
            if (offNode) {
                softly.assertThat(c.get("status").asText()).as(id).isEqualTo("NOT_APPLICABLE");
                softly.assertThat(messages(c)).as(id).startsWith("not on a " + node.label + " node: the guide runs");
                softly.assertThat(c.get("evidence").toString())
                        .as(id + " evidence")
                        .contains("server_role");
            } else if (node == Node.PATTERN_2_GATEWAY && (id.equals("CFG-DB-APIM") || id.equals("CFG-DB-SHARED"))) {
                // the gateway worker's apim_db (defaulted) and shared_db are node-local H2 files: not carried (ADR
                // 0038)
                softly.assertThat(c.get("status").asText()).as(id).isEqualTo("NOT_APPLICABLE");
                softly.assertThat(messages(c))
                        .as(id)
                        .isEqualTo("not on a gateway-worker node: its "
                                + (id.equals("CFG-DB-APIM") ? "apim_db" : "shared_db")
                                + " is a node-local H2 database; the 3.1.0 pack's own is kept.");
            } else {
                softly.assertThat(messages(c)).as(id).doesNotContain("not on a");
            }
        });
        // pattern 1 is an active/active pair: its second traffic manager URL names the other node
        softly.assertThat(conditions.get("PRE-DISTRIBUTED").get("status").asText())
                .as("PRE-DISTRIBUTED")
                .isEqualTo("APPLIES");
        softly.assertAll();
    }

    @Test
    void theRunbookOfEachNodeSaysOnWhichNodeEachOfItsStepsRunsAndHoldsOnlyTheStepsOfItsRoles() throws Exception {
        String gateway = runbook(Node.PATTERN_2_GATEWAY);
        String keyManager = runbook(Node.PATTERN_2_KEY_MANAGER);

        assertThat(gateway)
                .contains("`CFG-SYNAPSE-SUPER`")
                .contains("**Node: Gateway nodes, this Gateway node included**")
                .contains("**Node: every node, this Gateway node included**")
                .doesNotContain("all nodes")
                .doesNotContain("· `IDN-RUN` ·")
                .doesNotContain("· `DB-AM-UPGRADE` ·");
        assertThat(keyManager)
                .contains("· `DB-AM-UPGRADE` ·")
                .contains("**Node: once, from this Key Manager node,"
                        + " against the shared databases; not again on the other nodes**")
                .doesNotContain("· `CFG-SYNAPSE-SUPER` ·");
    }

    private String runbook(Node node) throws Exception {
        Path out = tmp.resolve("plan-" + node.name());
        Path home = home(node);
        // an API published through this node's gateway: a synapse file that is not stock, for CFG-SYNAPSE-SUPER to copy
        Files.writeString(
                home.resolve("repository/deployment/server/synapse-configs/default/api/admin--Orders_v1.0.xml"),
                "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"admin--Orders\" context=\"/orders/1.0\"/>\n");
        CliRun run = CliRun.of(
                "plan",
                "--old",
                home.toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                out.toString(),
                "--today",
                TODAY);
        assertThat(run.err()).as("stderr").isEmpty();
        return Files.readString(out.resolve("runbook.md"));
    }

    @Test
    void aGatewayWorkerWithoutApimDbHasTheDefaultH2Wso2AmDbReadAndPreAlreadyMigratedDecided() throws Exception {
        Path home = home(Node.PATTERN_2_GATEWAY);
        Path am = home.resolve("repository/database/WSO2AM_DB");
        Files.deleteIfExists(home.resolve("repository/database/WSO2AM_DB.mv.db"));
        // the database a 3.0.0 gateway worker creates at first start: the product's user, the real 3.0.0 H2 script
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + am, "wso2carbon", "wso2carbon");
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + deployments().resolveSibling("apim-3.0.0/dbscripts/apimgt/h2.sql") + "'");
        }

        Map<String, JsonNode> conditions = byId(assess(home));

        JsonNode migrated = conditions.get("PRE-ALREADY-MIGRATED");
        assertThat(migrated.get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(migrated.get("evidence").toString()).contains("db:apim_db/AM_SYSTEM_APPS");
        assertThat(conditions.get("PRE-H2-IN-USE").get("evidence").toString())
                .contains("WSO2AM_DB")
                .contains("url from default.json");
    }

    @Test
    void aNodeWhoseDatabasesAreGivenByHostnamePortAndNameHasThemRead() throws Exception {
        Path home = home(Node.PATTERN_2_KEY_MANAGER);
        Path toml = home.resolve("repository/conf/deployment.toml");
        String text = Files.readString(toml);
        for (String name : List.of("apim_db", "shared_db")) {
            String url = DATABASES.get().datasource(name).url();
            String database = url.substring(url.lastIndexOf('/') + 1);
            text = text.replace(
                    "url = \"" + url + "\"", "hostname = \"127.0.0.1\"\nport = \"5432\"\nname = \"" + database + "\"");
        }
        assertThat(text).doesNotContain("jdbc:postgresql");
        Files.writeString(toml, text);

        Map<String, JsonNode> conditions = byId(assess(home));

        assertThat(conditions.get("PRE-ALREADY-MIGRATED").get("status").asText())
                .isEqualTo("NOT_APPLICABLE");
        assertThat(conditions.get("PRE-ALREADY-MIGRATED").get("evidence").toString())
                .contains("db:apim_db/");
    }
}
