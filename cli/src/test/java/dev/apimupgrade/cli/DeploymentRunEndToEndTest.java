package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.JournalRecord;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A deployment upgraded as one (ADR 0032) on WSO2's real Kubernetes pattern 2 plus a Traffic Manager node, on shared
 * PostgreSQL loaded from the real 3.0.0 scripts: assessed, planned as one runbook, then migrated part by part in the
 * runbook's order, each manual step done for real at its stop (StopByStop), with the database scripts run once.
 */
class DeploymentRunEndToEndTest {
    private static final String TOML = "repository/conf/deployment.toml";

    /** A TOML value as comparable text: arrays and tables as JSON. */
    private static String text(Object value) {
        if (value instanceof TomlArray a) {
            return a.toJson();
        }
        return value instanceof TomlTable t ? t.toJson() : String.valueOf(value);
    }

    @RegisterExtension
    static final PatternTwoDeployment.SharedDatabases DATABASES = new PatternTwoDeployment.SharedDatabases();

    @TempDir
    Path tmp;

    @Test
    void aDeploymentIsPlannedAsOneRunbookAndMigratedNodeByNodeWithTheDatabaseScriptsRunOnce() throws Exception {
        Map<String, Path[]> homes = PatternTwoDeployment.nodes(tmp, DATABASES.get());
        Path file = PatternTwoDeployment.deploymentFile(tmp, homes);
        List<String> options = PatternTwoDeployment.options(tmp);

        CliRun assess = PatternTwoDeployment.cli(
                "assess", options, "--deployment", file.toString(), "--out", tmp.resolve("assessed"));
        assertThat(assess.code()).as(assess.out() + assess.err()).isIn(ExitCode.READY, ExitCode.UNDECIDED);

        Path out = tmp.resolve("plan");
        CliRun plan = PatternTwoDeployment.cli("plan", options, "--deployment", file.toString(), "--out", out);
        assertThat(plan.err()).as("stderr").isEmpty();
        assertThat(plan.code())
                .as(plan.out() + Files.readString(tmp.resolve("assessed/nodes/pub-store-tm/assessment.json")))
                .isEqualTo(ExitCode.READY);
        JsonNode d =
                new ObjectMapper().readTree(out.resolve("deployment-plan.json").toFile());

        // the runbook's order: traffic stops, the deployment-wide part on the key manager, TM/KM nodes, then Gateways
        List<String> sequence = new ArrayList<>();
        d.get("sequence")
                .forEach(s -> sequence.add(s.get("kind").asText()
                        + (s.hasNonNull("node") ? " " + s.get("node").asText() : "")));
        assertThat(sequence)
                .containsExactly(
                        "traffic-stops",
                        "deployment-wide key-manager",
                        "node key-manager",
                        "node pub-store-tm",
                        "node traffic-manager",
                        "node gateway",
                        "traffic-resumes");
        String runbook = Files.readString(out.resolve("runbook.html"));
        assertThat(runbook.indexOf("Traffic stops"))
                .isPositive()
                .isLessThan(runbook.indexOf("Deployment-wide steps, once, on node key-manager"));
        assertThat(runbook.indexOf("Node gateway")).isLessThan(runbook.indexOf("Traffic resumes"));
        assertThat(runbook.indexOf("Node key-manager")).isLessThan(runbook.indexOf("Node gateway"));

        // every script planned by a node on the shared databases is in the deployment-wide part only
        List<PlanStep> wide = PlanJson.read(out.resolve("once/plan.json")).steps();
        List<String> scripts = wide.stream()
                .filter(s -> s.kind().equals("RunSqlScript"))
                .map(PlanStep::id)
                .toList();
        assertThat(scripts).isNotEmpty().doesNotHaveDuplicates();
        for (String node : homes.keySet()) {
            assertThat(PlanJson.read(out.resolve("nodes/" + node + "/plan.json"))
                            .steps())
                    .as(node)
                    .noneMatch(s -> s.kind().equals("RunSqlScript"));
        }
        assertThat(runbook.split("<code>" + scripts.get(0) + "</code>", -1)).hasSize(3);

        // the gateway's own H2 apim_db and shared_db are not carried: no step of the gateway's part touches them, its
        // assessment says why with the node and the url as 3.0.0 defaulted it, and the runbook says so on the node
        List<PlanStep> gatewaySteps =
                PlanJson.read(out.resolve("nodes/gateway/plan.json")).steps();
        assertThat(gatewaySteps)
                .noneMatch(s -> s.conditionId().equals("CFG-DB-APIM")
                        || s.conditionId().equals("CFG-DB-SHARED")
                        || s.target().contains("apim_db")
                        || s.target().contains("shared_db"));
        assertThat(PlanJson.read(out.resolve("nodes/pub-store-tm/plan.json")).steps())
                .anyMatch(s -> s.conditionId().equals("CFG-DB-APIM"));
        Map<String, JsonNode> gatewayConditions = new LinkedHashMap<>();
        new ObjectMapper()
                .readTree(tmp.resolve("assessed/nodes/gateway/assessment.json").toFile())
                .get("conditions")
                .forEach(c -> gatewayConditions.put(c.get("id").asText(), c));
        for (String id : List.of("CFG-DB-APIM", "CFG-DB-SHARED")) {
            JsonNode c = gatewayConditions.get(id);
            assertThat(c.get("status").asText()).as(id).isEqualTo("NOT_APPLICABLE");
            assertThat(c.toString())
                    .as(id)
                    .contains(
                            "not on a gateway-worker node: its " + (id.equals("CFG-DB-APIM") ? "apim_db" : "shared_db")
                                    + " is a node-local H2 database; the 3.1.0 pack's own is kept.")
                    .contains("server_role gateway-worker");
        }
        assertThat(gatewayConditions.get("CFG-DB-APIM").toString())
                .contains("jdbc:h2:./repository/database/WSO2AM_DB")
                .contains("url from default.json");
        String gatewaySection = runbook.substring(
                runbook.indexOf("<section id=\"node-gateway\">"),
                runbook.indexOf("</section>", runbook.indexOf("<section id=\"node-gateway\">")));
        assertThat(gatewaySection)
                .contains("Not carried to this node's 3.1.0 home")
                .contains("<code>CFG-DB-APIM</code>: not on a gateway-worker node: its apim_db is a node-local H2"
                        + " database; the 3.1.0 pack&#39;s own is kept.")
                .contains("<code>CFG-DB-SHARED</code>: not on a gateway-worker node: its shared_db");

        // a node's steps wait for the deployment-wide ones
        CliRun early = PatternTwoDeployment.migrate(tmp, out, "gateway", List.of());
        assertThat(early.code()).as(early.out() + early.err()).isEqualTo(ExitCode.WAITS_FOR_DEPLOYMENT);
        assertThat(early.err())
                .contains("node gateway waits for the deployment-wide steps")
                .doesNotContain("\tat ");
        assertThat(out.resolve("deployment-run/nodes/gateway")).doesNotExist();

        // a part's own plan.json given without --node would skip the wait: refused, naming the command
        CliRun bypass = CliRun.of(
                "migrate", "--plan", out.resolve("nodes/gateway/plan.json").toString(), "--no-prompt");
        assertThat(bypass.code()).as(bypass.out() + bypass.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bypass.err()).contains("is a part of the deployment plan").contains("--node gateway");

        // the parts in the runbook's order, each manual step done for real at its stop
        PatternTwoDeployment.migrateEveryPart(tmp, out, homes, DATABASES.get());

        // CFG-NODE-ROLE: every node's 3.1.0 deployment.toml keeps its 3.0.0 role and the other nodes' URLs, so none
        // starts as an all-in-one server
        Map<String, String> roles = new LinkedHashMap<>();
        for (Map.Entry<String, Path[]> node : homes.entrySet()) {
            TomlParseResult was = Toml.parse(node.getValue()[0].resolve(TOML));
            TomlParseResult is = Toml.parse(node.getValue()[1].resolve(TOML));
            assertThat(is.errors()).as(node.getKey()).isEmpty();
            roles.put(node.getKey(), is.getString("server.server_role"));
            for (String key : List.of(
                    "server.server_role",
                    "apim.key_manager.service_url",
                    "apim.throttling.throttle_decision_endpoints")) {
                assertThat(text(is.get(key))).as(node.getKey() + " " + key).isEqualTo(text(was.get(key)));
            }
            // the arrays of tables that point at other nodes, copied at CFG-NODE-ROLE's manual stop
            for (String array : List.of("apim.throttling.url_group", "apim.gateway.environment")) {
                if (text(was.get(array)).contains(PatternTwoDeployment.PATTERN)) {
                    assertThat(text(is.get(array)))
                            .as(node.getKey() + " " + array)
                            .isEqualTo(text(was.get(array)));
                }
            }
        }
        assertThat(roles)
                .containsEntry("gateway", "gateway-worker")
                .containsEntry("key-manager", "api-key-manager")
                .containsEntry("pub-store-tm", "default")
                .containsEntry("traffic-manager", "traffic-manager");
        assertThat(Toml.parse(homes.get("gateway")[1].resolve(TOML)).getString("apim.key_manager.service_url"))
                .isEqualTo("https://wso2am-pattern-2-km-service:${mgt.transport.https.port}/services/");

        // each script ran once: journalled only in the deployment-wide part, and the database upgraded once
        Map<String, Integer> ran = new LinkedHashMap<>();
        for (String part :
                List.of("once", "nodes/gateway", "nodes/key-manager", "nodes/pub-store-tm", "nodes/traffic-manager")) {
            for (JournalRecord r : Journal.open(out.resolve("deployment-run/" + part + "/journal.jsonl"))
                    .records()) {
                if (r instanceof JournalRecord.Intent i && i.scriptDatabase().isPresent()) {
                    ran.merge(part + " " + i.step(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> once = new LinkedHashMap<>();
        scripts.forEach(id -> once.put("once " + id, 1));
        assertThat(ran).isEqualTo(once);
        assertThat(DATABASES.get().count("apim_db", "SELECT COUNT(*) FROM AM_API_CATEGORIES"))
                .isNotNegative();
        assertThat(DATABASES.get().count("apim_db", "SELECT COUNT(TENANT_DOMAIN) FROM AM_SYSTEM_APPS"))
                .isEqualTo(2);
        // verify --deployment: every part checked on its node's homes with its own plan and journal
        CliRun verify = PatternTwoDeployment.verify(options, file, out, tmp.resolve("after"));
        JsonNode verified = new ObjectMapper()
                .readTree(tmp.resolve("after/deployment-verify.json").toFile());
        assertThat(verify.code())
                .as(verify.out() + verify.err())
                .isEqualTo(verified.get("verdict").asText().equals("PASS") ? ExitCode.READY : ExitCode.BLOCKERS);
        List<String> verifiedParts = new ArrayList<>();
        verified.get("parts").forEach(p -> verifiedParts.add(p.get("part").asText()));
        assertThat(verifiedParts)
                .containsExactlyInAnyOrder("once", "gateway", "key-manager", "pub-store-tm", "traffic-manager")
                .startsWith("once");
        verified.get("parts")
                .forEach(p -> assertThat(
                                tmp.resolve("after").resolve(p.get("report").asText()))
                        .isRegularFile());
        // the AM script ran once, in the deployment-wide part, and verify sees the shared apim_db at 3.1.0 there
        JsonNode onceReport = new ObjectMapper()
                .readTree(tmp.resolve("after/once/after-report.json").toFile());
        Map<String, String> onceChecks = new LinkedHashMap<>();
        onceReport
                .get("checks")
                .forEach(c ->
                        onceChecks.put(c.get("id").asText(), c.get("status").asText()));
        assertThat(onceChecks).containsEntry("DB-3.1.0-TABLES", "PASS").containsEntry("DB-AM-SCHEMA", "PASS");
        // each part's carried database tables still hold after CFG-DB-DRIVER-PARAMS added its keys to them
        for (JsonNode p : verified.get("parts")) {
            JsonNode report = new ObjectMapper()
                    .readTree(tmp.resolve("after")
                            .resolve(p.get("report").asText())
                            .toFile());
            report.get("checks").forEach(c -> {
                if (c.get("id").asText().startsWith("CFG-DB-")) {
                    assertThat(c.get("status").asText())
                            .as(p.get("part").asText() + " " + c.get("id").asText())
                            .isEqualTo("PASS");
                }
            });
        }
        // every part passes, the gateway too: its 3.1.0 home keeps the H2 databases the 3.1.0 pack ships, which verify
        // finds at the 3.1.0 schema (ADR 0038)
        JsonNode gatewayReport = new ObjectMapper()
                .readTree(tmp.resolve("after/nodes/gateway/after-report.json").toFile());
        Map<String, String> gatewayChecks = new LinkedHashMap<>();
        gatewayReport
                .get("checks")
                .forEach(c ->
                        gatewayChecks.put(c.get("id").asText(), c.get("status").asText()));
        List<String> gatewayFailures = new ArrayList<>();
        gatewayReport.get("checks").forEach(c -> {
            if (!c.get("status").asText().equals("PASS")) {
                gatewayFailures.add(c.toString());
            }
        });
        assertThat(gatewayChecks)
                .as(String.join("\n", gatewayFailures))
                .containsEntry("DB-3.1.0-TABLES", "PASS")
                .containsEntry("DB-AM-SCHEMA", "PASS")
                .doesNotContainValue("FAIL");
        Map<String, String> verdicts = new LinkedHashMap<>();
        verified.get("parts")
                .forEach(p ->
                        verdicts.put(p.get("part").asText(), p.get("verdict").asText()));
        assertThat(verdicts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "once", "PASS",
                        "gateway", "PASS",
                        "key-manager", "PASS",
                        "pub-store-tm", "PASS",
                        "traffic-manager", "PASS"));
        assertThat(verified.get("verdict").asText()).isEqualTo("PASS");
        assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(ExitCode.READY);
        assertThat(verify.out())
                .contains("Deployment verification: " + verified.get("verdict").asText());
        // the gateway's 3.1.0 home opens its own shipped WSO2AM_DB and WSO2SHARED_DB, never the 3.0.0 home's
        org.tomlj.TomlParseResult gatewayToml =
                org.tomlj.Toml.parse(homes.get("gateway")[1].resolve("repository/conf/deployment.toml"));
        assertThat(gatewayToml.getString("database.apim_db.url"))
                .startsWith("jdbc:h2:./repository/database/WSO2AM_DB;");
        assertThat(gatewayToml.getString("database.shared_db.url"))
                .startsWith("jdbc:h2:./repository/database/WSO2SHARED_DB;");
        assertThat(homes.get("gateway")[1].resolve("repository/database/WSO2AM_DB.mv.db"))
                .isRegularFile();
    }
}
