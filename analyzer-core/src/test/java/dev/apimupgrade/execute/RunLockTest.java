package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path dir;

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        return gone.pid();
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLockAndTheLockIsLeftAsItWas() throws Exception {
        Path file = dir.resolve("lock");
        try (RunLock first = RunLock.acquire(file, "the run folder", false)) {
            byte[] before = Files.readAllBytes(file);
            assertThat(new String(before))
                    .contains("pid=" + ProcessHandle.current().pid())
                    .contains("owner=")
                    .contains("host=")
                    .contains("started=");
            assertThatThrownBy(() -> RunLock.acquire(file, "the run folder", false))
                    .isInstanceOf(RunRefusedException.class)
                    .hasMessageContaining("Nothing was changed");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(first.takenOver()).isEmpty();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aLockLeftByADeadProcessOfThisHostIsTakenOverWithoutBreakLockAndJournalled() throws Exception {
        RunDirectory run = new RunDirectory(dir.resolve("run")).create();
        long pid = deadPid();
        Files.writeString(
                run.lock(),
                "owner=someone\npid=" + pid + "\nhost=" + RunLock.hostName() + "\nstarted=2026-11-25T09:00:00Z\n");
        Homes homes =
                new Homes(Files.createDirectories(dir.resolve("old")), Files.createDirectories(dir.resolve("new")));

        try (RunLocks locks = RunLocks.acquire(run, homes, false)) {
            assertThat(Files.readString(run.lock()))
                    .contains("pid=" + ProcessHandle.current().pid());
            assertThat(homes.newHome().resolve(RunLocks.HOME_LOCK)).exists();
            assertThat(homes.oldHome().resolve(RunLocks.HOME_LOCK)).exists();
            locks.record(Journal.open(run.journal()));
        }
        assertThat(run.lock()).doesNotExist();
        assertThat(homes.newHome().resolve(RunLocks.HOME_LOCK)).doesNotExist();
        assertThat(Journal.open(run.journal()).records())
                .singleElement()
                .isInstanceOfSatisfying(JournalRecord.Note.class, n -> {
                    assertThat(n.event()).isEqualTo(JournalRecord.Event.LOCK_TAKEN_OVER);
                    assertThat(n.detail())
                            .contains("someone")
                            .contains(String.valueOf(pid))
                            .contains("its process is gone");
                });
    }

    @Test
    void aLockFromAnotherHostIsRefusedUntilBreakLockWhichJournalsIt() throws Exception {
        Path file = dir.resolve("lock");
        Files.writeString(file, "owner=someone\npid=4242\nhost=another-host.invalid\nstarted=2026-11-25T09:00:00Z\n");

        assertThatThrownBy(() -> RunLock.acquire(file, "the home /x", false))
                .isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("another-host.invalid")
                .hasMessageContaining("--break-lock");
        assertThat(Files.readString(file)).contains("owner=someone");

        try (RunLock mine = RunLock.acquire(file, "the home /x", true)) {
            assertThat(mine.broken()).isTrue();
            assertThat(mine.takenOver()).hasValueSatisfying(d -> assertThat(d).contains("another-host.invalid"));
            assertThat(Files.readString(file))
                    .contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void aLockNamingALiveProcessOfThisHostIsRefusedEvenWithBreakLock() throws Exception {
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Path file = dir.resolve("lock");
            Files.writeString(
                    file,
                    "owner=older\npid=" + alive.pid() + "\nhost=" + RunLock.hostName()
                            + "\nstarted=2026-11-25T09:00:00Z\n");

            assertThatThrownBy(() -> RunLock.acquire(file, "the run folder", false))
                    .isInstanceOf(RunRefusedException.class)
                    .hasMessageContaining("another migrate run holds")
                    .hasMessageContaining("pid " + alive.pid());
            assertThatThrownBy(() -> RunLock.acquire(file, "the run folder", true))
                    .isInstanceOf(RunRefusedException.class)
                    .hasMessageContaining("--break-lock refused")
                    .hasMessageContaining("still alive");
            assertThat(Files.readString(file)).contains("owner=older");
        } finally {
            alive.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingDoesNotRemoveALockAnotherHostHasBrokenSince() throws Exception {
        Path file = dir.resolve("lock");
        RunLock mine = RunLock.acquire(file, "the run folder", false);
        Files.writeString(file, "owner=other\npid=1\nhost=another-host.invalid\nstarted=now\n");

        mine.close();

        assertThat(Files.readString(file)).contains("owner=other");
    }
}
