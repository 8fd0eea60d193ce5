package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.execute.RunLock;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment planned from one workstation out of the snapshots collect made on its nodes (ADR 0044), then migrated
 * on each node against its real homes: WSO2's pattern 2 as PatternTwoDeployment assembles it, on shared
 * PostgreSQL. The snapshot plan records each node's real home and binds its files as the node holds them, so its
 * parts have the fingerprints and steps of the plan made from the homes, and migrate runs them without false drift;
 * a home changed after collect is drift, named. A node keeping a database in an embedded H2 file is refused.
 */
class SnapshotPlanEndToEndTest {
    private static final String SNAPSHOT_FOLDER = "apim-upgrade-snapshot-";

    @RegisterExtension
    static final PatternTwoDeployment.SharedDatabases DATABASES = new PatternTwoDeployment.SharedDatabases();

    @TempDir
    Path tmp;

    @Test
    void aDeploymentPlannedFromItsNodesSnapshotsIsMigratedOnTheRealHomesAsAPlanFromTheHomesIs() throws Exception {
        Map<String, Path[]> homes = PatternTwoDeployment.nodes(tmp, DATABASES.get());
        Map<String, Path> snapshots = new LinkedHashMap<>();
        for (Map.Entry<String, Path[]> n : homes.entrySet()) {
            Path snapshot = tmp.resolve("snapshots/" + n.getKey() + ".zip");
            CliRun collect = CliRun.of("collect", "--old", n.getValue()[0].toString(), "--out", snapshot.toString());
            assertThat(collect.code()).as(collect.err()).isEqualTo(ExitCode.COLLECTED);
            snapshots.put(n.getKey(), snapshot);
        }
        Path answers = Files.writeString(
                tmp.resolve("answers.yaml"), "keep_registry_versioning: no\nunique_id_user_store: no\n");
        List<String> options = List.of("--answers", answers.toString(), "--today", MigrateHomes.TODAY);
        // the workstation supplies the passwords the snapshots mask. A variable names a datasource, not a node, so it
        // reaches the gateway's own H2 apim_db too (its home is read): WSO2's public H2 password, which the shared
        // PostgreSQL (trust on loopback) accepts as well; every command of the journey runs with the same variables
        Map<String, String> passwords = Map.of(
                "APIM_UPGRADE_DB_PASSWORD_APIM_DB",
                "wso2carbon",
                "APIM_UPGRADE_DB_PASSWORD_SHARED_DB",
                DATABASES.get().datasource("shared_db").password());

        // the plan made from the homes, for comparison
        Path fromHomes = tmp.resolve("plan-from-homes");
        CliRun homePlan = cli(
                passwords,
                "plan",
                options,
                "--deployment",
                deploymentFile(homes, Map.of(), "homes"),
                "--out",
                fromHomes);
        assertThat(homePlan.code()).as(homePlan.out() + homePlan.err()).isEqualTo(ExitCode.READY);

        // every node from its snapshot: the gateway keeps WSO2AM_DB in its own H2 file, which no snapshot carries
        Path refusedOut = tmp.resolve("plan-refused");
        CliRun refused = cli(
                passwords,
                "plan",
                options,
                "--deployment",
                deploymentFile(homes, snapshots, "all"),
                "--out",
                refusedOut);
        assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err())
                .contains(snapshots.get("gateway").toString())
                .contains("node gateway: the embedded H2 database of datasource")
                .contains("apim_db (repository/database/WSO2AM_DB.mv.db)")
                .contains(homes.get("gateway")[0].toString())
                .doesNotContain("\tat ");
        assertThat(refusedOut).doesNotExist();

        // the other nodes from their snapshots, their homes out of reach while the workstation plans
        Map<String, Path> fromSnapshots = new LinkedHashMap<>(snapshots);
        fromSnapshots.remove("gateway");
        Path file = deploymentFile(homes, fromSnapshots, "snapshots");
        Path out = tmp.resolve("plan");
        for (String node : fromSnapshots.keySet()) {
            Files.move(homes.get(node)[0], homes.get(node)[0].resolveSibling("away"));
        }
        CliRun plan = cli(passwords, "plan", options, "--deployment", file, "--out", out);
        for (String node : fromSnapshots.keySet()) {
            Files.move(homes.get(node)[0].resolveSibling("away"), homes.get(node)[0]);
        }
        assertThat(plan.code()).as(plan.out() + plan.err()).isEqualTo(ExitCode.READY);
        assertThat(plan.err()).isEmpty();

        // each part: the same steps and the same fingerprint as from the homes; the node's real home, not the copy
        List<String> parts = new ArrayList<>(List.of("once"));
        homes.keySet().forEach(n -> parts.add("nodes/" + n));
        for (String part : parts) {
            MigrationPlan snap = PlanJson.read(out.resolve(part + "/plan.json"));
            MigrationPlan home = PlanJson.read(fromHomes.resolve(part + "/plan.json"));
            assertThat(snap.steps().stream().map(PlanStep::id).toList())
                    .as(part)
                    .isEqualTo(home.steps().stream().map(PlanStep::id).toList());
            assertThat(snap.fingerprint().sha256())
                    .as(part)
                    .isEqualTo(home.fingerprint().sha256());
            assertThat(snap.inputs().oldHome()).as(part).isEqualTo(home.inputs().oldHome());
            assertThat(snap.inputs().newHome()).as(part).isEqualTo(home.inputs().newHome());
        }
        MigrationPlan km = PlanJson.read(out.resolve("nodes/key-manager/plan.json"));
        assertThat(km.inputs().oldHome()).isEqualTo(homes.get("key-manager")[0].toString());
        assertThat(km.inputs().oldSnapshot().file())
                .isEqualTo(snapshots.get("key-manager").toString());
        assertThat(km.inputs().oldSnapshot().host()).isEqualTo(RunLock.hostName());
        assertThat(km.inputs().environment()).isEmpty();
        assertThat(PlanJson.read(out.resolve("nodes/gateway/plan.json"))
                        .inputs()
                        .oldSnapshot())
                .isNull();
        try (Stream<Path> written = Files.walk(out)) {
            for (Path f : written.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SNAPSHOT_FOLDER);
            }
        }
        assertThat(Files.readString(out.resolve("nodes/key-manager/runbook.html")))
                .contains(homes.get("key-manager")[0].toString());

        // a home changed after collect: migrate on that node refuses, naming the file, and changes nothing
        Path toml = homes.get("key-manager")[0].resolve("repository/conf/deployment.toml");
        byte[] collected = Files.readAllBytes(toml);
        Files.writeString(toml, new String(collected, java.nio.charset.StandardCharsets.UTF_8) + "# edited\n");
        CliRun drift = CliRun.withEnvironment(
                passwords,
                "migrate",
                "--plan",
                out.resolve("deployment-plan.json").toString(),
                "--node",
                "once",
                "--run",
                tmp.resolve("drift-run").toString(),
                "--no-prompt",
                "--database-backup",
                "/backups/pattern-2/full-dump-2026-11-25");
        assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(drift.err())
                .contains("the plan is stale")
                .contains("OLD:repository/conf/deployment.toml")
                .contains("Nothing was changed.");
        Files.write(toml, collected);

        // migrated part by part on the real homes, in the runbook's order, as the plan from the homes is
        PatternTwoDeployment.migrateEveryPart(tmp, out, homes, DATABASES.get(), passwords);

        // verify --deployment on the real homes: every part on the shared databases passes
        CliRun verify = cli(
                passwords,
                "verify",
                options,
                "--deployment",
                deploymentFile(homes, Map.of(), "verify"),
                "--plan",
                out.resolve("deployment-plan.json"),
                "--out",
                tmp.resolve("after"));
        JsonNode verified = new ObjectMapper()
                .readTree(tmp.resolve("after/deployment-verify.json").toFile());
        Map<String, String> verdicts = new LinkedHashMap<>();
        verified.get("parts")
                .forEach(p ->
                        verdicts.put(p.get("part").asText(), p.get("verdict").asText()));
        assertThat(verdicts)
                .as(verify.out() + verify.err())
                .containsEntry("once", "PASS")
                .containsEntry("key-manager", "PASS")
                .containsEntry("pub-store-tm", "PASS")
                .containsEntry("traffic-manager", "PASS");
    }

    @Test
    void aHomePlannedFromItsSnapshotHasTheStepsAndFingerprintOfThePlanFromTheHomeAndNamesTheHome() throws Exception {
        Path home = Samples.home(Samples.CUSTOM);
        Path snapshot = tmp.resolve("custom.snapshot.zip");
        assertThat(CliRun.of("collect", "--old", home.toString(), "--out", snapshot.toString())
                        .code())
                .isEqualTo(ExitCode.COLLECTED);
        List<String> options =
                List.of("--new", Samples.home(Samples.TARGET).toString(), "--no-db", "--today", MigrateHomes.TODAY);

        CliRun fromHome = cli(Map.of(), "plan", options, "--old", home, "--out", tmp.resolve("from-home"));
        CliRun fromSnapshot = cli(Map.of(), "plan", options, "--old", snapshot, "--out", tmp.resolve("from-snapshot"));

        assertThat(fromSnapshot.code())
                .as(fromSnapshot.out() + fromSnapshot.err())
                .isEqualTo(fromHome.code());
        assertThat(fromSnapshot.out()).contains("run migrate on " + RunLock.hostName());
        MigrationPlan h = PlanJson.read(tmp.resolve("from-home/plan.json"));
        MigrationPlan s = PlanJson.read(tmp.resolve("from-snapshot/plan.json"));
        assertThat(s.steps()).isNotEmpty();
        assertThat(s.steps().stream().map(PlanStep::id).toList())
                .isEqualTo(h.steps().stream().map(PlanStep::id).toList());
        assertThat(Fingerprint.compare(h.fingerprint(), s.fingerprint())).isEmpty();
        assertThat(s.inputs().oldHome()).isEqualTo(h.inputs().oldHome());
        assertThat(s.inputs().oldSnapshot().file()).isEqualTo(snapshot.toString());
        assertThat(h.inputs().oldSnapshot()).isNull();
    }

    /** The deployment file naming each node's snapshot where {@code snapshots} has one, else its homes. */
    private Path deploymentFile(Map<String, Path[]> homes, Map<String, Path> snapshots, String name) throws Exception {
        Path real = PatternTwoDeployment.deploymentFile(tmp, homes);
        String yaml = Files.readString(real);
        for (Map.Entry<String, Path> s : snapshots.entrySet()) {
            yaml = yaml.replace("old: " + homes.get(s.getKey())[0] + "\n", "old: " + s.getValue() + "\n");
        }
        return Files.writeString(tmp.resolve("deployment-" + name + ".yaml"), yaml);
    }

    private static CliRun cli(Map<String, String> environment, String command, List<String> options, Object... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        for (Object m : more) {
            args.add(m.toString());
        }
        return CliRun.withEnvironment(environment, args.toArray(String[]::new));
    }
}
