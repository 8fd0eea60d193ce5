package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate on copies of the default sample and the 3.1.0 target: end to end, rerun, dry run and rollback. */
class MigrateDefaultSampleTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultSamplesPlanRunsToItsEndASecondRunIsANoOpAndRollbackRestoresBothHomesByteIdentical()
            throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        assertThat(homes.plan().steps())
                .extracting(PlanStep::kind)
                .contains("SetTomlTable", "SetTomlValue", "CopyFile", "ManualStep");
        String oldBefore = MigrateHomes.treeHash(homes.oldHome());
        String newBefore = MigrateHomes.treeHash(homes.newHome());
        Path run = tmp.resolve("run");

        CliRun first = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCode.READY);
        String newAfter = MigrateHomes.treeHash(homes.newHome());
        String oldAfter = MigrateHomes.treeHash(homes.oldHome());
        assertThat(newAfter).isNotEqualTo(newBefore);
        assertThat(Files.readString(homes.newHome().resolve("repository/conf/deployment.toml")))
                .contains(homes.oldHome().toString().replace('\\', '/') + "/repository/database/WSO2AM_DB");

        CliRun second = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(second.code()).as(second.err()).isEqualTo(ExitCode.READY);
        assertThat(second.out()).doesNotContain(": done\n");
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newAfter);
        assertThat(MigrateHomes.treeHash(homes.oldHome()))
                .as("the H2 scripts ran once, in the first run")
                .isEqualTo(oldAfter);

        CliRun rollback = CliRun.of("rollback", "--run", run.toString());
        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.READY);
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
    }

    @Test
    void aDryRunPrintsTheTomlDiffsAndWritesNothing() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        String oldBefore = MigrateHomes.treeHash(homes.oldHome());
        String newBefore = MigrateHomes.treeHash(homes.newHome());
        Path run = tmp.resolve("run");

        CliRun dry = CliRun.of(homes.migrateArgs(run, "--dry-run").toArray(String[]::new));

        assertThat(dry.code()).as(dry.err()).isEqualTo(ExitCode.READY);
        assertThat(dry.out())
                .contains("--- NEW:repository/conf/deployment.toml")
                .contains("+url = \"jdbc:h2:")
                .contains("Dry run: nothing was written.");
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
        assertThat(run).doesNotExist();
    }

    @Test
    void aPlanMadeBeforeTheOldHomeChangedIsRefusedAsStaleNamingTheFileAndNothingIsChanged() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        Path registry = homes.oldHome().resolve("repository/conf/registry.xml");
        Files.writeString(registry, Files.readString(registry) + "<!-- edited after planning -->\n");
        String oldBefore = MigrateHomes.treeHash(homes.oldHome());
        String newBefore = MigrateHomes.treeHash(homes.newHome());

        CliRun stale = CliRun.of(homes.migrateArgs(tmp.resolve("run")).toArray(String[]::new));

        assertThat(stale.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(stale.err())
                .contains("the plan is stale")
                .contains("OLD:repository/conf/registry.xml")
                .contains("Nothing was changed");
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
    }

    @Test
    void aRunningServerIsRefusedBeforeAnythingElseAndNothingIsChanged() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        // this test's own JVM stands in for a running 3.1.0 server
        Files.writeString(
                homes.newHome().resolve("wso2carbon.pid"),
                ProcessHandle.current().pid() + "\n");
        String newBefore = MigrateHomes.treeHash(homes.newHome());

        CliRun running = CliRun.of(homes.migrateArgs(tmp.resolve("run")).toArray(String[]::new));

        assertThat(running.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(running.err()).contains("the NEW server is running").contains("Nothing was changed");
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
    }

    @Test
    void aRolledBackRunFolderIsRefusedSoNoStepIsSkippedAsDoneOnHomesThatRollbackUndid() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        Path run = tmp.resolve("run");
        assertThat(CliRun.of(homes.migrateArgs(run).toArray(String[]::new)).code())
                .isEqualTo(ExitCode.READY);
        assertThat(CliRun.of("rollback", "--run", run.toString()).code()).isEqualTo(ExitCode.READY);
        String newBefore = MigrateHomes.treeHash(homes.newHome());

        CliRun again = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));

        assertThat(again.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.err()).contains("was rolled back").contains("new --run folder");
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
    }

    @Test
    void rollbackSetsAsideWhatChangedAfterTheMigrationAndKeepsFilePermissions() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        Path toml = homes.newHome().resolve("repository/conf/deployment.toml");
        Files.setPosixFilePermissions(toml, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path run = tmp.resolve("run");
        assertThat(CliRun.of(homes.migrateArgs(run).toArray(String[]::new)).code())
                .isEqualTo(ExitCode.READY);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(toml)))
                .as("the edited deployment.toml keeps its permissions")
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(run)))
                .as("the run folder holds backups of secrets")
                .isEqualTo("rwx------");
        Files.writeString(toml, Files.readString(toml) + "# edited by the operator after the migration\n");

        CliRun rollback = CliRun.of("rollback", "--run", run.toString());

        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.READY);
        assertThat(rollback.out()).contains("rolled-back-aside");
        assertThat(Files.readString(run.resolve("rolled-back-aside/NEW/repository/conf/deployment.toml")))
                .contains("# edited by the operator after the migration");
        assertThat(Files.readString(toml)).doesNotContain("edited by the operator");
    }

    @Test
    void rollbackIsRefusedWhileAServerOfEitherHomeRuns() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        Path run = tmp.resolve("run");
        assertThat(CliRun.of(homes.migrateArgs(run).toArray(String[]::new)).code())
                .isEqualTo(ExitCode.READY);
        // this test's own JVM stands in for the 3.1.0 server started after the migration
        Files.writeString(
                homes.newHome().resolve("wso2carbon.pid"),
                ProcessHandle.current().pid() + "\n");
        String newBefore = MigrateHomes.treeHash(homes.newHome());

        CliRun rollback = CliRun.of("rollback", "--run", run.toString());

        assertThat(rollback.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(rollback.err()).contains("a server is running").contains("Nothing was changed");
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
    }

    @Test
    void withoutAPersonAtTheKeyboardTheAnswersFileConfirmsTheManualStepsAndATypoThereIsBadInputNamingItsLine()
            throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        List<String> manual = homes.plan().steps().stream()
                .filter(s -> !s.automated())
                .map(PlanStep::id)
                .toList();
        assertThat(manual).isNotEmpty();
        List<String> args = new java.util.ArrayList<>(homes.migrateArgs(tmp.resolve("run")));
        for (int i = args.indexOf("--confirm"); i >= 0; i = args.indexOf("--confirm")) {
            args.remove(i + 1);
            args.remove(i);
        }
        Path typo = Files.writeString(tmp.resolve("typo.yaml"), "migrate:\n  confirmed:\n    - no-such-step\n");
        List<String> withTypo = new java.util.ArrayList<>(args);
        withTypo.addAll(List.of("--answers", typo.toString()));

        CliRun refused = CliRun.of(withTypo.toArray(String[]::new));

        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains(typo + ":3").contains("'no-such-step' is not a step of this plan");

        StringBuilder yaml = new StringBuilder("migrate:\n  confirmed:\n");
        manual.forEach(id -> yaml.append("    - ").append(id).append('\n'));
        Path answers = Files.writeString(tmp.resolve("answers.yaml"), yaml.toString());
        args.addAll(List.of("--answers", answers.toString()));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.READY);
        assertThat(run.out()).contains(manual.get(0) + ": confirmed by the operator");
    }

    @Test
    void aPlanJsonEditedByHandIsRefusedAsBadInputNamingTheFileAndNothingIsChanged() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        String plan = Files.readString(homes.planFile());
        Files.writeString(homes.planFile(), plan.replaceFirst("\"automated\" : true", "\"automated\" : false"));
        String newBefore = MigrateHomes.treeHash(homes.newHome());

        CliRun edited = CliRun.of(
                "migrate",
                "--plan",
                homes.planFile().toString(),
                "--old",
                homes.oldHome().toString(),
                "--new",
                homes.newHome().toString(),
                "--no-db",
                "--run",
                tmp.resolve("run").toString());

        assertThat(edited.code()).as(edited.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(edited.err())
                .contains(homes.planFile().toString())
                .contains("changed after apim-upgrade made it")
                .contains("steps");
        assertThat(tmp.resolve("run")).doesNotExist();
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
    }
}
