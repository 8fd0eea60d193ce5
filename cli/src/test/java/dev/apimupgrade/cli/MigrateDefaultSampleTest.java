package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate on copies of the default sample and the 3.1.0 target: end to end, rerun, dry run and rollback. */
class MigrateDefaultSampleTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultSamplesPlanRunsToItsEndASecondRunIsANoOpAndRollbackRestoresBothHomesByteIdentical() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        assertThat(homes.plan().steps()).extracting(PlanStep::kind).contains("SetTomlTable", "SetTomlValue",
                "CopyFile", "ManualStep");
        String oldBefore = MigrateHomes.treeHash(homes.oldHome());
        String newBefore = MigrateHomes.treeHash(homes.newHome());
        Path run = tmp.resolve("run");

        CliRun first = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCode.READY);
        String newAfter = MigrateHomes.treeHash(homes.newHome());
        assertThat(newAfter).isNotEqualTo(newBefore);
        assertThat(Files.readString(homes.newHome().resolve("repository/conf/deployment.toml")))
                .contains(homes.oldHome().toString().replace('\\', '/') + "/repository/database/WSO2AM_DB");

        CliRun second = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(second.code()).as(second.err()).isEqualTo(ExitCode.READY);
        assertThat(second.out()).doesNotContain(": done\n");
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newAfter);
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);

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
        assertThat(dry.out()).contains("--- NEW:repository/conf/deployment.toml").contains("+url = \"jdbc:h2:")
                .contains("Dry run: nothing was written.");
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
        assertThat(run).doesNotExist();
    }
}
