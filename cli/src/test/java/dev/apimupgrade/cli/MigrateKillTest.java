package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate in a child JVM, SIGKILLed (destroyForcibly) at exact journal records: a rerun, without --break-lock, takes
 * the dead run's locks over (journalled) and ends in the same state as an uninterrupted run; and while one run holds
 * the lock a second is refused and changes nothing.
 */
class MigrateKillTest {
    /** Record counts to kill at: before and after intents, backups and outcomes of the file steps and the confirms. */
    private static final List<Integer> KILL_AFTER = List.of(1, 2, 3, 4, 6, 8, 14, 19);

    @TempDir
    Path tmp;

    @Test
    void aRunKilledAfterAnyOfSeveralJournalRecordsAndRerunEndsExactlyAsAnUninterruptedRun() throws Exception {
        Path homesDir = tmp.resolve("homes");
        MigrateHomes reference = MigrateHomes.of(Samples.DEFAULT, homesDir);
        CliRun straight =
                CliRun.of(reference.migrateArgs(tmp.resolve("run-straight")).toArray(String[]::new));
        assertThat(straight.code()).as(straight.err()).isEqualTo(ExitCode.READY);
        // the plan runs the H2 scripts too: their files carry write times, so they are compared by schema and rows
        Map<String, String> expected = MigrateH2KillTest.state(reference);
        long records =
                Files.readAllLines(tmp.resolve("run-straight/journal.jsonl")).size();
        assertThat(records).isGreaterThan(KILL_AFTER.get(KILL_AFTER.size() - 1));

        for (int n : KILL_AFTER) {
            MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, homesDir);
            Path run = tmp.resolve("run-killed-" + n);
            long killed = killAfter(n, homes, run);
            assertThat(Files.readAllLines(run.resolve("journal.jsonl")))
                    .as("records before the kill")
                    .hasSize(n);

            CliRun resumed = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
            assertThat(resumed.code())
                    .as("resumed after %s records: %s", n, resumed.err())
                    .isEqualTo(ExitCode.READY);
            assertThat(Files.readString(run.resolve("journal.jsonl")))
                    .as("the killed run's locks were taken over")
                    .contains("\"status\":\"lock-taken-over\"")
                    .contains("pid " + killed);
            assertThat(MigrateH2KillTest.state(homes))
                    .as("both homes, kill at %s", n)
                    .isEqualTo(expected);
        }
    }

    @Test
    void rollbackAfterAKilledRunRestoresBothHomesByteIdentical() throws Exception {
        Path homesDir = tmp.resolve("homes");
        for (int n : List.of(2, 3, 6)) {
            MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, homesDir);
            String oldBefore = MigrateHomes.treeHash(homes.oldHome());
            String newBefore = MigrateHomes.treeHash(homes.newHome());
            Path run = tmp.resolve("run-killed-" + n);
            killAfter(n, homes, run);

            CliRun rollback = CliRun.of("rollback", "--run", run.toString());

            assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.READY);
            assertThat(MigrateHomes.treeHash(homes.newHome()))
                    .as("new home, kill at %s", n)
                    .isEqualTo(newBefore);
            assertThat(MigrateHomes.treeHash(homes.oldHome()))
                    .as("old home, kill at %s", n)
                    .isEqualTo(oldBefore);
        }
    }

    @Test
    void whileOneRunHoldsTheLockASecondRunIsRefusedAndChangesNothing() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        Path run = tmp.resolve("run");
        Process first = start(homes.migrateArgs(run), 1, tmp.resolve("first.log"));
        try {
            awaitFrozen(tmp.resolve("first.log"), first);
            String newBefore = MigrateHomes.treeHash(homes.newHome());
            String oldBefore = MigrateHomes.treeHash(homes.oldHome());
            byte[] journalBefore = Files.readAllBytes(run.resolve("journal.jsonl"));
            byte[] lockBefore = Files.readAllBytes(run.resolve("lock"));

            CliRun second = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));

            assertThat(second.code()).isEqualTo(ExitCode.REFUSED);
            assertThat(second.err())
                    .contains("another migrate run holds")
                    .contains("pid " + first.pid())
                    .contains("Nothing was changed");
            assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
            assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
            assertThat(Files.readAllBytes(run.resolve("journal.jsonl"))).isEqualTo(journalBefore);
            assertThat(Files.readAllBytes(run.resolve("lock"))).isEqualTo(lockBefore);
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Runs migrate in a child until it has written {@code records} journal records, SIGKILLs it; its pid. */
    static long killAfter(int records, MigrateHomes homes, Path run) throws Exception {
        Path log = run.resolveSibling(run.getFileName() + ".log");
        Process child = start(homes.migrateArgs(run), records, log);
        try {
            awaitFrozen(log, child);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        return child.pid();
    }

    /** A child migrate on the test classpath, told by FreezeAfterListener to hold still after freezeAfter records. */
    static Process start(List<String> args, int freezeAfter, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(FreezeAfterListener.VARIABLE, String.valueOf(freezeAfter));
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the child says it holds still (FreezeAfterListener), so the kill lands at that exact point. */
    static void awaitFrozen(Path log, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(FreezeAfterListener.FROZEN)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child run ended (exit " + child.exitValue() + ") before it froze: "
                        + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child run did not freeze within 120 s");
    }
}
