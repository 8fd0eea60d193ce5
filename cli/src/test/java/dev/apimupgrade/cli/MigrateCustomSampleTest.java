package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate end to end on a copy of the custom sample (H2 databases in its home, the registry database's password in
 * Secure Vault and given in the environment, as its operator would): plan with the databases read, migrate with the
 * manual steps confirmed in the answers file, then a second run applies nothing, rollback restores both homes
 * byte-identical (the H2 files included) and no planted secret appears in what the commands print or write outside
 * the backups.
 */
class MigrateCustomSampleTest {
    private static final Map<String, String> OPERATOR = AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT;

    @TempDir
    Path tmp;

    private final List<CliRun> runs = new ArrayList<>();

    @Test
    void theCustomSamplesPlanRunsToItsEndWithItsH2ScriptsASecondRunIsANoOpAndRollbackRestoresBothHomes()
            throws Exception {
        Path old = tmp.resolve("homes/old");
        Path target = tmp.resolve("homes/new");
        MigrateHomes.copyTree(Samples.home(Samples.CUSTOM), old);
        MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
        List<String> homes = List.of("--old", old.toString(), "--new", target.toString(), "--today",
                MigrateHomes.TODAY);
        CliRun planned = run("plan", homes, "--out", tmp.resolve("plan").toString());
        assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(ExitCode.READY);
        List<PlanStep> steps = PlanJson.read(tmp.resolve("plan/plan.json")).steps();
        assertThat(steps).filteredOn(s -> s.kind().equals("RunSqlScript")).as("H2 scripts").isNotEmpty();
        StringBuilder answers = new StringBuilder("migrate:\n  confirmed:\n");
        steps.stream().filter(s -> !s.automated()).map(PlanStep::id).distinct()
                .forEach(id -> answers.append("    - \"").append(id).append("\"\n"));
        Path answersFile = Files.writeString(tmp.resolve("answers.yaml"), answers.toString());
        String oldBefore = MigrateHomes.treeHash(old);
        String newBefore = MigrateHomes.treeHash(target);
        Path runDir = tmp.resolve("run");
        List<String> migrate = new ArrayList<>(List.of("--plan", tmp.resolve("plan/plan.json").toString(), "--run",
                runDir.toString(), "--answers", answersFile.toString()));
        migrate.addAll(homes);

        // the tenant loader jar ships with neither home: the run stops for the operator to place it, and to remove it
        // after the re-indexing start; the operator does each and confirms it
        List<String> byHand = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        CliRun r = run("migrate", migrate);
        while (r.code() == ExitCode.NEEDS_OPERATOR && byHand.size() < 4) {
            out.append(r.out());
            String stopped = r.out().lines().filter(l -> l.startsWith("STOPPED at ")).findFirst().orElseThrow()
                    .replaceFirst("^STOPPED at (.*)\\.$", "$1");
            PlanStep step = steps.stream().filter(st -> st.id().equals(stopped)).findFirst().orElseThrow();
            assertThat(step.target()).isEqualTo("repository/components/dropins/tenantloader-1.0.jar");
            Path jar = target.resolve(step.target());
            if (step.kind().equals("CopyFile")) {
                Files.write(jar, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0});
            } else {
                Files.delete(jar);
            }
            byHand.add(stopped);
            r = run("migrate", migrate, "--confirm", stopped);
        }
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.READY);
        assertThat(byHand).hasSize(2);
        String migrated = out.append(r.out()).toString();
        steps.stream().filter(s -> s.kind().equals("RunSqlScript"))
                .forEach(s -> assertThat(migrated).contains(s.id() + ": done"));
        String oldAfter = MigrateHomes.treeHash(old);
        String newAfter = MigrateHomes.treeHash(target);
        assertThat(oldAfter).as("the H2 scripts changed the old home's databases").isNotEqualTo(oldBefore);

        CliRun second = run("migrate", migrate);
        assertThat(second.code()).as(second.out() + second.err()).isEqualTo(ExitCode.READY);
        assertThat(second.out()).doesNotContain(": done\n").doesNotContain("confirmed by the operator");
        assertThat(MigrateHomes.treeHash(old)).isEqualTo(oldAfter);
        assertThat(MigrateHomes.treeHash(target)).isEqualTo(newAfter);

        CliRun rollback = run("rollback", List.of("--run", runDir.toString()));
        assertThat(rollback.code()).as(rollback.out() + rollback.err()).isEqualTo(ExitCode.READY);
        byHand.forEach(id -> assertThat(rollback.out()).contains("NOT UNDONE: " + id + " was done by hand"));
        assertThat(MigrateHomes.treeHash(old)).isEqualTo(oldBefore);
        assertThat(MigrateHomes.treeHash(target)).isEqualTo(newBefore);

        assertThat(leaks(runDir)).isEmpty();
    }

    private CliRun run(String command, List<String> args, String... more) {
        // the planted password of the registry database: the operator gives it in the environment
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(args);
        all.addAll(List.of(more));
        CliRun r = CliRun.withEnvironment(OPERATOR, all.toArray(String[]::new));
        runs.add(r);
        return r;
    }

    /**
     * Planted secrets in the commands' output, the plan folder and the run folder, except backup/, snapshots and
     * rolled-back-aside/: byte copies of home files and databases, secrets included, kept to restore them.
     */
    private List<String> leaks(Path runDir) throws Exception {
        StringBuilder all = new StringBuilder();
        runs.forEach(r -> all.append(r.out()).append(r.err()));
        for (Path dir : List.of(tmp.resolve("plan"), runDir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String rel = runDir.relativize(f.toAbsolutePath()).toString();
                    if (!rel.startsWith("backup/") && !rel.startsWith("exports/snapshots/")
                            && !rel.startsWith(dev.apimupgrade.execute.Rollback.SET_ASIDE + "/")) {
                        all.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return Samples.plantedSecrets().values().stream().filter(s -> all.toString().contains(s)).toList();
    }
}
