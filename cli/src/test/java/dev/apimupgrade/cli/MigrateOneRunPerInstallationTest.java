package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One migration per installation at a time: the lock lives in each home (.apim-upgrade.lock) as well as in the run
 * folder, so a second run given another run folder is refused before it changes anything, and a rollback of another
 * run folder waits too.
 */
class MigrateOneRunPerInstallationTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunWithAnotherRunFolderIsRefusedBeforeAnyChangeToTheHomesOrTheirH2Databases() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true);
        Path first = tmp.resolve("run-first");
        Process child = MigrateKillTest.start(homes.migrateArgs(first), 1, tmp.resolve("first.log"));
        try {
            MigrateKillTest.awaitFrozen(tmp.resolve("first.log"), child);
            String newBefore = MigrateHomes.treeHash(homes.newHome());
            String oldBefore = MigrateHomes.treeHash(homes.oldHome());
            Path second = tmp.resolve("run-second");

            CliRun refused = CliRun.of(homes.migrateArgs(second).toArray(String[]::new));

            assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.REFUSED);
            assertThat(refused.err())
                    .contains("another migrate run holds")
                    .contains(homes.newHome().resolve(".apim-upgrade.lock").toString())
                    .contains("pid " + child.pid())
                    .contains("Nothing was changed");
            assertThat(MigrateHomes.treeHash(homes.newHome())).as("new home").isEqualTo(newBefore);
            assertThat(MigrateHomes.treeHash(homes.oldHome()))
                    .as("old home and its H2 databases")
                    .isEqualTo(oldBefore);
            assertThat(second).as("the refused run leaves no run folder").doesNotExist();

            CliRun rollback = CliRun.of("rollback", "--run", first.toString());
            assertThat(rollback.code())
                    .as("the first run's own folder is locked too")
                    .isEqualTo(ExitCode.REFUSED);
            assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFinishedRunLeavesNoLockFileInEitherHome() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));

        CliRun run = CliRun.of(homes.migrateArgs(tmp.resolve("run")).toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.READY);
        assertThat(homes.newHome().resolve(".apim-upgrade.lock")).doesNotExist();
        assertThat(homes.oldHome().resolve(".apim-upgrade.lock")).doesNotExist();
        assertThat(Files.exists(tmp.resolve("run/lock"))).isFalse();
    }
}
