package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.testkit.PlantedSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * evidence --deployment (ADR 0040) as the operator works: WSO2's pattern 2 plus a Traffic Manager node assessed,
 * planned, migrated part by part and verified as a deployment (PatternTwoDeployment), then bundled as one, checked,
 * tampered with; and a run folder whose parts are not the plan's refused.
 */
class DeploymentEvidenceEndToEndTest {
    private static final List<String> NODES = List.of("gateway", "key-manager", "pub-store-tm", "traffic-manager");

    @RegisterExtension
    static final PatternTwoDeployment.SharedDatabases DATABASES = new PatternTwoDeployment.SharedDatabases();

    @TempDir
    static Path tmp;

    private static Path file;
    private static Path deploymentPlan;

    @BeforeAll
    static void aDeploymentAssessedPlannedMigratedAndVerified() throws Exception {
        Map<String, Path[]> homes = PatternTwoDeployment.nodes(tmp, DATABASES.get());
        file = PatternTwoDeployment.deploymentFile(tmp, homes);
        List<String> options = PatternTwoDeployment.options(tmp);
        Path plan = tmp.resolve("plan");
        CliRun assess = cli("assess", options, "--deployment", file, "--out", tmp.resolve("assessed"));
        assertThat(assess.code()).as(assess.out() + assess.err()).isIn(ExitCode.READY, ExitCode.UNDECIDED);
        CliRun planned = cli("plan", options, "--deployment", file, "--out", plan);
        assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(ExitCode.READY);
        PatternTwoDeployment.migrateEveryPart(tmp, plan, homes, DATABASES.get());
        deploymentPlan = plan.resolve("deployment-plan.json");
        CliRun verify =
                cli("verify", options, "--deployment", file, "--plan", deploymentPlan, "--out", tmp.resolve("after"));
        assertThat(verify.code()).as(verify.out() + verify.err()).isIn(ExitCode.READY, ExitCode.BLOCKERS);
    }

    @Test
    void aMigratedDeploymentIsBundledAsOneWithEveryPartUnderOneManifestAndATamperedFileIsNamed() throws Exception {
        Path bundle = tmp.resolve("evidence/pattern-2");
        CliRun build = evidence(file, deploymentPlan, null, bundle);
        assertThat(build.code()).as(build.out() + build.err()).isEqualTo(ExitCode.READY);

        // the deployment as planned, run and verified: every part's plan, journal and after-report
        List<String> expected = new ArrayList<>(List.of(
                "deployment/deployment.yaml",
                "before/deployment-assessment.json",
                "plan/deployment-plan.json",
                "plan/runbook.html",
                "plan/once/plan.json",
                "run/once/journal.jsonl",
                "after/deployment-verify.json",
                "after/once/after-report.json"));
        for (String node : NODES) {
            expected.add("before/nodes/" + node + "/assessment.json");
            expected.add("plan/nodes/" + node + "/plan.json");
            expected.add("run/nodes/" + node + "/journal.jsonl");
            expected.add("after/nodes/" + node + "/after-report.json");
        }
        String manifest = Files.readString(bundle.resolve("MANIFEST.sha256"));
        expected.forEach(f -> assertThat(manifest).as(f).contains("  " + f + "\n"));
        // the keys that protect plans and journals, the backups and the default run folder inside the plan: not twice
        assertThat(files(bundle))
                .noneMatch(f -> f.endsWith(".key"))
                .noneMatch(f -> f.contains("/backup/"))
                .noneMatch(f -> f.startsWith("plan/deployment-run/"));
        assertThat(Files.readString(bundle.resolve("LEFT-OUT.txt")))
                .contains("plan/deployment-plan.key")
                .contains("run/nodes/gateway/backup")
                .contains("plan/deployment-run");
        String index = Files.readString(bundle.resolve("index.html"));
        assertThat(index).contains("Parts of the deployment run");
        NODES.forEach(n -> assertThat(index).contains("<code>" + n + "</code>"));
        Map<String, String> passwords = new TreeMap<>();
        DATABASES.get().datasources().forEach(d -> passwords.put(d.name() + ".password", d.password()));
        PlantedSecrets.of(Scenario.plantedSecrets(), passwords).assertNoneIn(bundle);

        CliRun clean = CliRun.of("evidence", "--check", bundle.toString());
        assertThat(clean.code()).as(clean.err()).isEqualTo(ExitCode.READY);
        CliRun cleanZip = CliRun.of("evidence", "--check", bundle + ".zip");
        assertThat(cleanZip.code()).as(cleanZip.err()).isEqualTo(ExitCode.READY);

        Path journal = bundle.resolve("run/nodes/gateway/journal.jsonl");
        Files.writeString(journal, Files.readString(journal).replaceFirst("\"DONE\"|done", "skipped"));
        CliRun tampered = CliRun.of("evidence", "--check", bundle.toString());
        assertThat(tampered.code()).isEqualTo(ExitCode.TAMPERED);
        assertThat(tampered.err()).contains("run/nodes/gateway/journal.jsonl").doesNotContain("\tat ");
    }

    @Test
    void aRunFolderWhosePartsAreNotThePlansIsRefusedNamingTheFolderAndNothingIsWritten() throws Exception {
        Path bundle = tmp.resolve("refused/bundle");
        // a part of the plan that has not run
        Path partial = tmp.resolve("refused/partial-run");
        MigrateHomes.copyTree(tmp.resolve("plan/deployment-run"), partial);
        Path gateway = partial.resolve("nodes/gateway");
        try (Stream<Path> all = Files.walk(gateway)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        CliRun missing = evidence(file, deploymentPlan, partial, bundle);
        assertThat(missing.code()).as(missing.out() + missing.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err())
                .contains(gateway.toString())
                .contains("holds no journal")
                .doesNotContain("\tat ");

        // a node the plan does not have
        Path stranger = Files.createDirectories(partial.resolve("nodes/stranger"));
        MigrateHomes.copyTree(tmp.resolve("plan/deployment-run/nodes/gateway"), gateway);
        CliRun extra = evidence(file, deploymentPlan, partial, bundle);
        assertThat(extra.code()).as(extra.out() + extra.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(extra.err())
                .contains(stranger.toString())
                .contains("does not have")
                .doesNotContain("\tat ");

        // a part run from another plan than the part's
        Files.delete(stranger);
        Path runJson = gateway.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replaceFirst("\"planFingerprint\" *: *\"[0-9a-f]", "$0x"));
        CliRun other = evidence(file, deploymentPlan, partial, bundle);
        assertThat(other.code()).as(other.out() + other.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(other.err()).contains(runJson.toString()).contains("another plan");

        assertThat(bundle).doesNotExist();
        assertThat(bundle.resolveSibling("bundle.zip")).doesNotExist();
    }

    private static CliRun evidence(Path file, Path deploymentPlan, Path run, Path bundle) {
        List<String> args = new ArrayList<>(List.of(
                "evidence",
                "--deployment",
                file.toString(),
                "--before",
                tmp.resolve("assessed").toString(),
                "--plan",
                deploymentPlan.toString()));
        if (run != null) {
            args.addAll(List.of("--run", run.toString()));
        }
        args.addAll(List.of("--after", tmp.resolve("after").toString()));
        args.addAll(List.of("--out", bundle.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> files(Path bundle) throws Exception {
        try (Stream<Path> all = Files.walk(bundle)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> bundle.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
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
