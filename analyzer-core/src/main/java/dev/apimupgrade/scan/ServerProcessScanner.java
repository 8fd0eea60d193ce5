package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads each home's wso2carbon.pid and asks this machine whether that process still runs: migrating under a running
 * server corrupts data (PRE-SERVER-RUNNING), and a pid file in the new home shows it was started (REG-NEW-PACK-STARTED).
 */
public final class ServerProcessScanner implements Scanner {
    static final String PID_FILE = "wso2carbon.pid";

    @Override
    public List<Observation> scan(Installation installation) {
        List<Observation> out = new ArrayList<>();
        for (Installation.Home home : installation.homes()) {
            out.add(observe(home.role(), home.path().resolve(PID_FILE), out));
        }
        return out;
    }

    private static ServerProcess observe(Role role, Path file, List<Observation> problems) {
        if (!Files.isRegularFile(file)) {
            return ServerProcess.absent(role, PID_FILE, SourceRef.file(role, PID_FILE));
        }
        SourceRef source = SourceRef.line(role, PID_FILE, 1);
        String text;
        try {
            text = String.join("\n", InputFile.latin1Lines(file, PID_FILE, InputFile.SMALL_TEXT))
                    .strip();
        } catch (InputException e) {
            problems.add(new ScanProblem(role, PID_FILE, e.getMessage(), source));
            return new ServerProcess(role, PID_FILE, true, 0, false, source);
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.add(new ScanProblem(role, PID_FILE, "does not hold a process id", source));
            return new ServerProcess(role, PID_FILE, true, 0, false, source);
        }
        return new ServerProcess(role, PID_FILE, true, pid, alive(pid), source);
    }

    /**
     * Alive, and not obviously another program that was given the stale pid: when the OS tells the command, it must be
     * a Java one, since Carbon runs in a JVM.
     */
    static boolean alive(long pid) {
        return pid > 0
                && ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .map(p -> p.info()
                                .command()
                                .map(c -> c.toLowerCase(Locale.ROOT).contains("java"))
                                .orElse(true))
                        .orElse(false);
    }
}
