package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLockAndTheLockIsLeftAsItWas() throws Exception {
        RunDirectory run = new RunDirectory(dir).create();
        Journal journal = Journal.open(run.journal());
        try (RunLock first = RunLock.acquire(run, false, journal)) {
            byte[] before = Files.readAllBytes(run.lock());
            assertThat(new String(before)).contains("pid=" + ProcessHandle.current().pid()).contains("owner=")
                    .contains("host=").contains("started=");
            assertThatThrownBy(() -> RunLock.acquire(run, false, journal))
                    .isInstanceOf(RunRefusedException.class).hasMessageContaining("another migrate run holds")
                    .hasMessageContaining("Nothing was changed");
            assertThat(Files.readAllBytes(run.lock())).isEqualTo(before);
        }
        assertThat(run.lock()).doesNotExist();
        assertThat(journal.records()).isEmpty();
    }

    @Test
    void aLockLeftByADeadProcessIsReportedAsStaleAndOnlyBreakLockRemovesItWithAJournalRecord() throws Exception {
        RunDirectory run = new RunDirectory(dir).create();
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        Files.writeString(run.lock(), "owner=someone\npid=" + gone.pid() + "\nhost=" + RunLock.hostName()
                + "\nstarted=2026-11-25T09:00:00Z\n");
        Journal journal = Journal.open(run.journal());

        assertThatThrownBy(() -> RunLock.acquire(run, false, journal)).isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("STALE").hasMessageContaining("pid " + gone.pid())
                .hasMessageContaining("--break-lock");
        assertThat(Files.readString(run.lock())).contains("owner=someone");

        try (RunLock mine = RunLock.acquire(run, true, journal)) {
            assertThat(Files.readString(run.lock())).contains("pid=" + ProcessHandle.current().pid());
        }
        assertThat(Journal.open(run.journal()).records()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("lock-broken"))
                .satisfies(r -> assertThat(r.detail()).contains("someone").contains(String.valueOf(gone.pid())));
    }

    @Test
    void breakLockIsRefusedWhileTheHolderIsAliveAndTheLockStaysItsOwn() throws Exception {
        RunDirectory run = new RunDirectory(dir).create();
        Journal journal = Journal.open(run.journal());
        try (RunLock first = RunLock.acquire(run, false, journal)) {
            byte[] before = Files.readAllBytes(run.lock());

            assertThatThrownBy(() -> RunLock.acquire(run, true, journal)).isInstanceOf(RunRefusedException.class)
                    .hasMessageContaining("--break-lock refused").hasMessageContaining("still alive");
            assertThat(Files.readAllBytes(run.lock())).isEqualTo(before);
        }
        assertThat(journal.records()).isEmpty();
    }

    @Test
    void closingDoesNotRemoveALockAnotherProcessHasTakenSince() throws Exception {
        RunDirectory run = new RunDirectory(dir).create();
        Journal journal = Journal.open(run.journal());
        RunLock mine = RunLock.acquire(run, false, journal);
        Files.writeString(run.lock(), "owner=other\npid=1\nhost=" + RunLock.hostName() + "\nstarted=now\n");

        mine.close();

        assertThat(Files.readString(run.lock())).contains("owner=other");
    }
}
