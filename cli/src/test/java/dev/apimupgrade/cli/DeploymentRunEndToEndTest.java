package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.JournalRecord;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment upgraded as one (ADR 0032) on WSO2's real Kubernetes pattern 2 plus a Traffic Manager node, on shared
 * PostgreSQL loaded from the real 3.0.0 scripts: assessed, planned as one runbook, then migrated part by part in the
 * runbook's order, each manual step done for real at its stop (StopByStop), with the database scripts run once.
 */
class DeploymentRunEndToEndTest {
    private static final String PATTERN = "wso2am-pattern-2-";
    private static ScenarioDatabases shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void sharedDatabases() throws Exception {
        shared = ScenarioDatabases.create(Scenario.POSTGRESQL);
        // PRE-PG-SUPERUSER: the AM script creates a function only a superuser may
        shared.makeOwnerSuperuser();
    }

    @AfterAll
    static void dropThem() throws Exception {
        if (shared != null) {
            shared.close();
        }
    }

    private static final Map<String, List<String>> HOSTS = Map.of(
            "gateway", List.of(PATTERN + "gateway-service"),
            "key-manager", List.of(PATTERN + "km-service"),
            "pub-store-tm", List.of(PATTERN + "pub-store-tm-service", PATTERN + "pub-store-tm-1-service"),
            "traffic-manager", List.of(PATTERN + "pub-store-tm-2-service"));

    /** Each node's 3.0.0 and 3.1.0 homes, as DeploymentEndToEndTest assembles them, in the file's order. */
    private Map<String, Path[]> nodes() throws Exception {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("gateway", "k8s-pattern-2/gateway-worker");
        folders.put("key-manager", "k8s-pattern-2/key-manager");
        folders.put("pub-store-tm", "k8s-pattern-2/pub-store-tm");
        folders.put("traffic-manager", "k8s-pattern-2/pub-store-tm");
        Map<String, Path[]> homes = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : folders.entrySet()) {
            Path old = DistributedNodesEndToEndTest.nodeHome(tmp.resolve(f.getKey() + "/old"), f.getValue(), shared);
            Path target = tmp.resolve(f.getKey() + "/new");
            MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
            homes.put(f.getKey(), new Path[] {old, target});
        }
        Path tm = homes.get("traffic-manager")[0].resolve("repository/conf/deployment.toml");
        Files.writeString(
                tm, Files.readString(tm).replace("server_role = \"default\"", "server_role = \"traffic-manager\""));
        // the analytics pack is not part of this deployment file (a node's analytics homes cannot be named in it yet):
        // with analytics on, ANA-PK-* stay UNDECIDED without --old-analytics and migrate rightly refuses
        for (String node : List.of("gateway", "pub-store-tm", "traffic-manager")) {
            Path toml = homes.get(node)[0].resolve("repository/conf/deployment.toml");
            String text = Files.readString(toml);
            assertThat(text).containsPattern("\\[apim.analytics]\nenable = (true|\"True\")");
            Files.writeString(
                    toml,
                    text.replaceFirst(
                            "\\[apim.analytics]\nenable = (true|\"True\")", "[apim.analytics]\nenable = false"));
        }
        // the gateway worker keeps WSO2AM_DB on its own H2 (no [database.apim_db]): the database a 3.0.0 gateway worker
        // creates at first start, as DistributedNodesEndToEndTest makes it, so PRE-ALREADY-MIGRATED is decided
        Path gateway = homes.get("gateway")[0];
        Files.deleteIfExists(gateway.resolve("repository/database/WSO2AM_DB.mv.db"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:" + gateway.resolve("repository/database/WSO2AM_DB"), "wso2carbon", "wso2carbon");
                java.sql.Statement st = c.createStatement()) {
            st.execute("RUNSCRIPT FROM '"
                    + DistributedNodesEndToEndTest.deployments().resolveSibling("apim-3.0.0/dbscripts/apimgt/h2.sql")
                    + "'");
        }
        // 3.0.0's default apim_db (default.json), not written: CFG-DB-APIM carries it to the gateway's 3.1.0 home as
        // 3.0.0 defaults it, its relative H2 url anchored at the old home
        assertThat(Files.readString(gateway.resolve("repository/conf/deployment.toml")))
                .doesNotContain("[database.apim_db]");
        return homes;
    }

    private Path deploymentFile(Map<String, Path[]> homes) throws Exception {
        StringBuilder yaml = new StringBuilder("name: pattern-2\nnodes:\n");
        homes.forEach((name, h) -> yaml.append("  - name: ")
                .append(name)
                .append("\n    old: ")
                .append(h[0])
                .append("\n    new: ")
                .append(h[1])
                .append("\n    hosts: [")
                .append(String.join(", ", HOSTS.get(name)))
                .append("]\n"));
        Path file = tmp.resolve("deployment.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    @Test
    void aDeploymentIsPlannedAsOneRunbookAndMigratedNodeByNodeWithTheDatabaseScriptsRunOnce() throws Exception {
        Map<String, Path[]> homes = nodes();
        Path file = deploymentFile(homes);
        Path answers = Files.writeString(
                tmp.resolve("answers.yaml"), "keep_registry_versioning: no\nunique_id_user_store: no\n");
        List<String> options = List.of("--answers", answers.toString(), "--today", MigrateHomes.TODAY);

        CliRun assess = cli("assess", options, "--deployment", file.toString(), "--out", tmp.resolve("assessed"));
        assertThat(assess.code()).as(assess.out() + assess.err()).isIn(ExitCode.READY, ExitCode.UNDECIDED);

        Path out = tmp.resolve("plan");
        CliRun plan = cli("plan", options, "--deployment", file.toString(), "--out", out);
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

        // a node's steps wait for the deployment-wide ones
        CliRun early = migrate(out, "gateway", List.of());
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
        for (JsonNode s : d.get("sequence")) {
            if (!s.hasNonNull("node")) {
                continue;
            }
            String part = s.get("kind").asText().equals("deployment-wide")
                    ? "once"
                    : s.get("node").asText();
            Path[] h = homes.get(s.get("node").asText());
            StopByStop stops =
                    new StopByStop(new SampleOperator(h[0], h[1], shared.identityMigrationTargets("shared_db")));
            Path partPlan = out.resolve(part.equals("once") ? "once/plan.json" : "nodes/" + part + "/plan.json");
            CliRun last = stops.walk(
                    confirmed -> migrate(out, part, confirmed),
                    () -> PlanJson.read(partPlan).steps());
            assertThat(last.code()).as(part + ": " + last.out() + last.err()).isEqualTo(ExitCode.READY);
        }

        // each script ran once: journalled only in the deployment-wide part, and the database upgraded once
        Map<String, Integer> ran = new LinkedHashMap<>();
        for (String part :
                List.of("once", "nodes/gateway", "nodes/key-manager", "nodes/pub-store-tm", "nodes/traffic-manager")) {
            for (JournalRecord r : Journal.open(out.resolve("deployment-run/" + part + "/journal.jsonl"))
                    .records()) {
                if (r.type() == JournalRecord.Type.INTENT
                        && r.detail() != null
                        && r.detail().startsWith("RunSqlScript ")) {
                    ran.merge(part + " " + r.step(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> once = new LinkedHashMap<>();
        scripts.forEach(id -> once.put("once " + id, 1));
        assertThat(ran).isEqualTo(once);
        assertThat(shared.count("apim_db", "SELECT COUNT(*) FROM AM_API_CATEGORIES"))
                .isNotNegative();
        assertThat(shared.count("apim_db", "SELECT COUNT(TENANT_DOMAIN) FROM AM_SYSTEM_APPS"))
                .isEqualTo(2);
        // verify --deployment: every part checked on its node's homes with its own plan and journal
        CliRun verify = cli(
                "verify",
                options,
                "--deployment",
                file.toString(),
                "--plan",
                out.resolve("deployment-plan.json").toString(),
                "--out",
                tmp.resolve("after"));
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
        // every part on the shared PostgreSQL databases passes; the gateway keeps its own H2 apim_db and shared_db,
        // carried to its 3.1.0 home but never upgraded (the scripts run once, on the shared databases): verify says so
        // and nothing else fails there (issue 15, left open: a node-local database needs its own scripts)
        Map<String, String> verdicts = new LinkedHashMap<>();
        verified.get("parts")
                .forEach(p ->
                        verdicts.put(p.get("part").asText(), p.get("verdict").asText()));
        assertThat(verdicts)
                .containsEntry("once", "PASS")
                .containsEntry("key-manager", "PASS")
                .containsEntry("pub-store-tm", "PASS")
                .containsEntry("traffic-manager", "PASS");
        JsonNode gatewayReport = new ObjectMapper()
                .readTree(tmp.resolve("after/nodes/gateway/after-report.json").toFile());
        List<String> gatewayFailures = new ArrayList<>();
        gatewayReport.get("checks").forEach(c -> {
            if (c.get("status").asText().equals("FAIL")) {
                gatewayFailures.add(c.get("id").asText());
            }
        });
        assertThat(gatewayFailures).isSubsetOf("DB-3.1.0-TABLES", "DB-AM-SCHEMA", "DB-IDENTITY-SCHEMA");
        assertThat(verify.out())
                .contains("Deployment verification: " + verified.get("verdict").asText());
        // the gateway's 3.1.0 home opens the gateway's own 3.0.0 WSO2AM_DB, which its old file left to the default
        assertThat(org.tomlj.Toml.parse(homes.get("gateway")[1].resolve("repository/conf/deployment.toml"))
                        .getString("database.apim_db.url"))
                .startsWith("jdbc:h2:" + homes.get("gateway")[0].resolve("repository/database/WSO2AM_DB") + ";");
    }

    private CliRun migrate(Path out, String part, List<String> confirmed) {
        List<String> args = new ArrayList<>(List.of(
                "migrate",
                "--plan",
                out.resolve("deployment-plan.json").toString(),
                "--node",
                part,
                "--no-prompt",
                "--database-backup",
                "/backups/pattern-2/full-dump-2026-11-25"));
        try {
            Path loader = tmp.resolve("tenantloader-1.0.jar");
            if (!Files.exists(loader)) {
                Files.write(loader, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            }
            args.addAll(List.of("--file", "tenantloader=" + loader));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        confirmed.forEach(id -> args.addAll(List.of("--confirm", id)));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun cli(String command, List<String> options, Object... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        for (Object m : more) {
            args.add(m.toString());
        }
        return CliRun.of(args.toArray(String[]::new));
    }
}
