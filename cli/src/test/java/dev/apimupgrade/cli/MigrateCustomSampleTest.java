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
 * Secure Vault and given in the environment, as its operator would): without its analytics home the analytics primary
 * key blockers are undecided, so assess says UNDECIDED and migrate refuses naming --old-analytics; with it, the planted
 * NULL APIVERSION row blocks until the operator fixes it. Then plan with the databases read, migrate with the manual
 * steps confirmed in the answers file and the tenant loader jar given there, the analytics script (on an H2 file
 * outside the old home) run by hand at the stop; a second run applies nothing, rollback restores both homes
 * byte-identical (the H2 files included) and no planted secret appears in what the commands print or write outside
 * the backups.
 */
class MigrateCustomSampleTest {
    private static final Map<String, String> OPERATOR = AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT;
    static final String ANALYTICS_DB = "wso2/worker/database/WSO2AM_STATS_DB";

    @TempDir
    Path tmp;

    private final List<CliRun> runs = new ArrayList<>();

    /** What the operator does about ANA-PK-DUPLICATES: gives OrdersAPI's row the API version it belongs to. */
    static void fixTheNullApiVersion(Path analyticsHome) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:" + analyticsHome.resolve(ANALYTICS_DB).toAbsolutePath(),
                        "wso2carbon",
                        Samples.plantedSecret("custom.analytics_db.password"));
                var s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE APILASTACCESSSUMMARY SET APIVERSION = '1.0.0' WHERE APIVERSION IS NULL"))
                    .isEqualTo(1);
            s.execute("SHUTDOWN");
        }
    }

    /** The analytics script, run by hand as the runbook shows, where migrate stops for it (H2 outside the old home). */
    static void runTheAnalyticsScriptByHand(Path analyticsHome) throws Exception {
        String script = new String(
                MigrateCustomSampleTest.class
                        .getResourceAsStream("/sql/analytics-lastaccess-pk/h2/01_primary_key_with_version.sql")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:" + analyticsHome.resolve(ANALYTICS_DB).toAbsolutePath(),
                        "wso2carbon",
                        Samples.plantedSecret("custom.analytics_db.password"));
                var s = c.createStatement()) {
            for (String statement : script.lines()
                    .filter(l -> !l.startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n"))
                    .split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void theCustomSamplesPlanRunsToItsEndWithItsH2ScriptsASecondRunIsANoOpAndRollbackRestoresBothHomes()
            throws Exception {
        Path old = tmp.resolve("homes/old");
        Path target = tmp.resolve("homes/new");
        Path analytics = tmp.resolve("homes/old-analytics");
        MigrateHomes.copyTree(Samples.home(Samples.CUSTOM), old);
        MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
        MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_CUSTOM), analytics);
        // the server starts the answers file confirms up front wrote their log before the plan was made
        MigrateHomes.started(target);
        List<String> homes = new ArrayList<>(
                List.of("--old", old.toString(), "--new", target.toString(), "--today", MigrateHomes.TODAY));

        // without the analytics home: the analytics key blockers cannot be decided, and migrate will not start
        CliRun undecided =
                run("plan", homes, "--out", tmp.resolve("plan-undecided").toString());
        assertThat(undecided.code()).as(undecided.out() + undecided.err()).isEqualTo(ExitCode.UNDECIDED);
        assertThat(undecided.out())
                .contains("UNDECIDED: 2 blocker condition(s)")
                .contains("ANA-PK-KEY-LENGTH: settled by --old-analytics");
        CliRun refused = run(
                "migrate",
                homes,
                "--plan",
                tmp.resolve("plan-undecided/plan.json").toString(),
                "--run",
                tmp.resolve("run-refused").toString());
        assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err())
                .contains("ANA-PK-DUPLICATES (UNDECIDED: no rule could decide it; settled by" + " --old-analytics)")
                .contains("Nothing was changed");

        // with it: the planted NULL APIVERSION row is a blocker, which the operator fixes before planning
        homes.addAll(List.of("--old-analytics", analytics.toString()));
        CliRun blocked =
                run("assess", homes, "--out", tmp.resolve("assess-blocked").toString());
        assertThat(blocked.code()).as(blocked.out()).isEqualTo(ExitCode.BLOCKERS);
        assertThat(blocked.out()).contains("ANA-PK-DUPLICATES").contains("Next: fix each blocker above");
        fixTheNullApiVersion(analytics);
        CliRun ready = run("assess", homes, "--out", tmp.resolve("assess").toString());
        assertThat(ready.code()).as(ready.out()).isEqualTo(ExitCode.READY);
        assertThat(ready.out().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith(
                        "Next: apim-upgrade plan --old " + old + " --new " + target + " --old-analytics " + analytics);

        CliRun planned = run("plan", homes, "--out", tmp.resolve("plan").toString());
        assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(ExitCode.READY);
        List<PlanStep> steps = PlanJson.read(tmp.resolve("plan/plan.json")).steps();
        assertThat(steps)
                .filteredOn(s -> s.kind().equals("RunSqlScript"))
                .as("H2 scripts")
                .isNotEmpty();
        Path loader = Files.write(
                Files.createDirectories(tmp.resolve("downloads")).resolve("tenantloader-1.0.jar"),
                new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        StringBuilder answers =
                new StringBuilder("migrate:\n  files:\n    tenantloader: \"" + loader + "\"\n" + "  confirmed:\n");
        steps.stream()
                .filter(s -> !s.automated())
                .map(PlanStep::id)
                .distinct()
                .forEach(id -> answers.append("    - \"").append(id).append("\"\n"));
        Path answersFile = Files.writeString(tmp.resolve("answers.yaml"), answers.toString());
        String oldBefore = MigrateHomes.treeHash(old);
        String newBefore = MigrateHomes.treeHash(target);
        Path runDir = tmp.resolve("run");
        List<String> migrate = new ArrayList<>(List.of(
                "--plan",
                tmp.resolve("plan/plan.json").toString(),
                "--run",
                runDir.toString(),
                "--answers",
                answersFile.toString()));
        migrate.addAll(homes);

        // the tenant loader jar is given in the answers file: copied and removed by the tool; the analytics script's
        // H2 file is outside the old home, so the run stops for the operator to run it
        List<String> byHand = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        CliRun r = run("migrate", migrate);
        while (r.code() == ExitCode.NEEDS_OPERATOR && byHand.size() < 4) {
            out.append(r.out());
            String stopped = r.out()
                    .lines()
                    .filter(l -> l.startsWith("STOPPED at "))
                    .findFirst()
                    .orElseThrow()
                    .replaceFirst("^STOPPED at (.*)\\.$", "$1");
            PlanStep step = steps.stream()
                    .filter(st -> st.id().equals(stopped))
                    .findFirst()
                    .orElseThrow();
            assertThat(step.id()).isEqualTo("ANA-DB-PK:RunSqlScript:APIM_ANALYTICS_DB");
            runTheAnalyticsScriptByHand(analytics);
            byHand.add(stopped);
            r = run("migrate", migrate, "--confirm", stopped);
        }
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.READY);
        assertThat(byHand).hasSize(1);
        String migrated = out.append(r.out()).toString();
        steps.stream()
                .filter(s -> s.kind().equals("RunSqlScript") && !byHand.contains(s.id()))
                .forEach(s -> assertThat(migrated).contains(s.id() + ": done"));
        assertThat(migrated)
                .contains("IDX-TENANTLOADER:CopyFile:repository/components/dropins/tenantloader-1.0.jar: done")
                .contains("IDX-TENANTLOADER:DeletePath:repository/components/dropins/tenantloader-1.0.jar: done");
        assertThat(runDir.resolve("inventory.old.json"))
                .as("taken before the first change")
                .exists();
        String oldAfter = MigrateHomes.treeHash(old);
        String newAfter = MigrateHomes.treeHash(target);
        assertThat(oldAfter)
                .as("the H2 scripts changed the old home's databases")
                .isNotEqualTo(oldBefore);

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
                    if (!rel.startsWith("backup/")
                            && !rel.startsWith("exports/snapshots/")
                            && !rel.startsWith(dev.apimupgrade.execute.Rollback.SET_ASIDE + "/")) {
                        all.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return Samples.plantedSecrets().values().stream()
                .filter(s -> all.toString().contains(s))
                .toList();
    }
}
