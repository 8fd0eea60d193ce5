package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment file naming a node's API-M Analytics homes (old-analytics:, new-analytics:, ADR 0040): that node's
 * analytics conditions are decided as assess --old-analytics decides them on a single home, the analytics pack's steps
 * are planned on that node only, every other node says they are not its own, and a missing analytics home is named
 * with the file and the node. The old analytics home carries the worker configuration of WSO2's Kubernetes pattern 1.
 */
class DeploymentAnalyticsEndToEndTest {
    /** The analytics pack's own steps: where the catalogue runs them (AnalyticsRulesTest pins the list). */
    private static final List<String> PACK_STEPS = ConditionCatalogue.load().all().stream()
            .filter(c -> c.nodes().contains("analytics"))
            .map(Condition::id)
            .toList();

    @TempDir
    Path tmp;

    /** Two all-in-one nodes from the custom sample; the first names the analytics homes. */
    private Path deployment(String analyticsOld) throws Exception {
        for (String node : List.of("am-1", "am-2")) {
            MigrateHomes.copyTree(Samples.home(Samples.CUSTOM), tmp.resolve(node + "/old"));
            MigrateHomes.copyTree(Samples.home(Samples.TARGET), tmp.resolve(node + "/new"));
        }
        return Files.writeString(tmp.resolve("deployment.yaml"), """
                name: with-analytics
                nodes:
                  - name: am-1
                    old: am-1/old
                    new: am-1/new
                    old-analytics: %s
                    new-analytics: analytics/new
                  - name: am-2
                    old: am-2/old
                    new: am-2/new
                """.formatted(analyticsOld));
    }

    /** The sample's analytics homes, the old one with pattern 1's real analytics worker configuration. */
    private void analyticsHomes() throws Exception {
        Path old = tmp.resolve("analytics/old");
        MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_CUSTOM), old);
        Files.copy(
                DistributedNodesEndToEndTest.deployments()
                        .resolve("k8s-pattern-1/am-instance-1/analytics-worker/deployment.yaml"),
                old.resolve("conf/worker/deployment.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_TARGET), tmp.resolve("analytics/new"));
    }

    @Test
    void theAnalyticsNodeIsAssessedAsASingleHomeWithItsAnalyticsHomesAndTheOtherNodesLeaveThePacksStepsToIt()
            throws Exception {
        analyticsHomes();
        Path file = deployment("analytics/old");
        CliRun assess = CliRun.of(
                "assess",
                "--deployment",
                file.toString(),
                "--no-db",
                "--today",
                MigrateHomes.TODAY,
                "--out",
                tmp.resolve("assessed").toString());
        assertThat(assess.err()).as("stderr").isEmpty();
        CliRun single = CliRun.of(
                "assess",
                "--old",
                tmp.resolve("am-1/old").toString(),
                "--new",
                tmp.resolve("am-1/new").toString(),
                "--old-analytics",
                tmp.resolve("analytics/old").toString(),
                "--new-analytics",
                tmp.resolve("analytics/new").toString(),
                "--no-db",
                "--today",
                MigrateHomes.TODAY,
                "--out",
                tmp.resolve("single").toString());
        assertThat(single.err()).as("stderr").isEmpty();

        Map<String, JsonNode> am1 = conditions(tmp.resolve("assessed/nodes/am-1/assessment.json"));
        Map<String, JsonNode> alone = conditions(tmp.resolve("single/assessment.json"));
        Map<String, JsonNode> am2 = conditions(tmp.resolve("assessed/nodes/am-2/assessment.json"));
        assertThat(am1.get("ANA-ENABLED").get("status").asText()).isEqualTo("APPLIES");
        for (String id : PACK_STEPS) {
            assertThat(am1.get(id).get("status").asText())
                    .as(id)
                    .isEqualTo(alone.get(id).get("status").asText());
            assertThat(am1.get(id).get("messages").toString())
                    .as(id)
                    .isEqualTo(alone.get(id).get("messages").toString());
            assertThat(am2.get(id).get("status").asText()).as(id).isEqualTo("NOT_APPLICABLE");
            assertThat(am2.get(id).get("messages").get(0).asText())
                    .as(id)
                    .startsWith("not on this node: the guide runs this step on the analytics pack")
                    .contains("node am-1");
        }
        // the analytics node's datasources are the real pattern 1 worker's, read from the home the file names
        assertThat(am1.get("ANA-DATASOURCES").get("evidence").toString()).contains("OLD-analytics:conf/worker");

        CliRun plan = CliRun.of(
                "plan",
                "--deployment",
                file.toString(),
                "--no-db",
                "--today",
                MigrateHomes.TODAY,
                "--out",
                tmp.resolve("plan").toString());
        assertThat(tmp.resolve("plan/deployment-plan.json"))
                .as(plan.out() + plan.err())
                .isRegularFile();
        JsonNode d = new ObjectMapper()
                .readTree(tmp.resolve("plan/deployment-plan.json").toFile());
        assertThat(d.get("analyticsNodes").toString()).isEqualTo("[\"am-1\"]");
        List<String> am2Steps = ids(tmp.resolve("plan/nodes/am-2/plan.json"));
        assertThat(am2Steps).noneMatch(id -> PACK_STEPS.stream().anyMatch(id::startsWith));
        List<String> am1Steps = ids(tmp.resolve("plan/once/plan.json"));
        am1Steps.addAll(ids(tmp.resolve("plan/nodes/am-1/plan.json")));
        assertThat(am1Steps).anyMatch(id -> id.startsWith("ANA-DATASOURCES"));
        // a part's plan, checked again, is scanned as migrate --node scans it: the pack elsewhere, nothing changed
        CliRun check = CliRun.of(
                "plan", "--check", tmp.resolve("plan/nodes/am-2/plan.json").toString());
        assertThat(check.out()).as(check.out() + check.err()).contains("CURRENT");
    }

    @Test
    void aMissingAnalyticsHomeIsRefusedNamingTheFileTheLineAndTheNode() throws Exception {
        Path file = deployment("analytics/nowhere");
        CliRun run = CliRun.of(
                "assess",
                "--deployment",
                file.toString(),
                "--no-db",
                "--out",
                tmp.resolve("assessed").toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains(file + ":6")
                .contains("node am-1: old-analytics home")
                .contains("does not exist")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("assessed")).doesNotExist();
    }

    @Test
    void analyticsHomesGivenBesideADeploymentAreRefusedNamingTheFilesOldAnalyticsAndNewAnalyticsPerNode()
            throws Exception {
        Path file = Files.writeString(tmp.resolve("deployment.yaml"), """
                name: with-analytics
                nodes:
                  - name: am-1
                    old: am-1/old
                """);
        for (List<String> given : List.of(
                List.of(
                        "assess",
                        "--old-analytics",
                        tmp.resolve("analytics/old").toString()),
                List.of("plan", "--new-analytics", tmp.resolve("analytics/new").toString()))) {
            List<String> args = new java.util.ArrayList<>(given);
            args.addAll(List.of(
                    "--deployment",
                    file.toString(),
                    "--no-db",
                    "--out",
                    tmp.resolve("out").toString()));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err())
                    .as(given.toString())
                    .contains("--old-analytics/--new-analytics")
                    .contains("old-analytics: and new-analytics:")
                    .doesNotContain("\tat ");
            assertThat(tmp.resolve("out")).doesNotExist();
        }
    }

    private static Map<String, JsonNode> conditions(Path assessment) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        new ObjectMapper()
                .readTree(assessment.toFile())
                .get("conditions")
                .forEach(c -> out.put(c.get("id").asText(), c));
        return out;
    }

    private static List<String> ids(Path plan) throws Exception {
        return new java.util.ArrayList<>(
                PlanJson.read(plan).steps().stream().map(PlanStep::id).toList());
    }
}
