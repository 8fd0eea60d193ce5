package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.ServerProcess;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessScannerTest {
    @TempDir
    Path tmp;

    private static Facts scan(Path old, Path neu) {
        return new Facts(new ServerProcessScanner().scan(new Installation(old, Optional.ofNullable(neu))));
    }

    @Test
    void aPidFileOfARunningJvmIsAliveForPreServerRunning() throws Exception {
        Path old = home(tmp.resolve("old"));
        long self = ProcessHandle.current().pid();
        write(old, "wso2carbon.pid", self + "\n");

        assertThat(scan(old, null).ofType(ServerProcess.class))
                .extracting(ServerProcess::role, ServerProcess::present, ServerProcess::pid, ServerProcess::alive)
                .containsExactly(tuple(Role.OLD, true, self, true));
    }

    @Test
    void aStalePidFileIsNotAliveButStillShowsTheNewPackWasStartedForRegNewPackStarted() throws Exception {
        Process finished = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        finished.waitFor();
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        write(neu, "wso2carbon.pid", Long.toString(finished.pid()));

        assertThat(scan(old, neu).ofType(ServerProcess.class))
                .extracting(ServerProcess::role, ServerProcess::present, ServerProcess::pid, ServerProcess::alive)
                .containsExactly(tuple(Role.OLD, false, 0L, false), tuple(Role.NEW, true, finished.pid(), false));
    }

    @Test
    void aPidFileWithoutANumberIsAProblemAndNotAlive() throws Exception {
        Path old = home(tmp.resolve("old"));
        write(old, "wso2carbon.pid", "not a pid");

        Facts facts = scan(old, null);

        assertThat(facts.ofType(ServerProcess.class))
                .extracting(ServerProcess::present, ServerProcess::pid, ServerProcess::alive)
                .containsExactly(tuple(true, 0L, false));
        assertThat(facts.ofType(ScanProblem.class)).hasSize(1);
    }
}
