package dev.apimupgrade.execute;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lock that lets only one migrate run work on a run directory: a file created atomically (CREATE_NEW) holding
 * owner, pid, host and start time. A second run is refused; a lock left by a dead process on this host is reported as
 * stale and only {@code --break-lock} removes it, which the journal records.
 */
public final class RunLock implements AutoCloseable {
    private final Path file;

    private RunLock(Path file) {
        this.file = file;
    }

    /** Takes the lock or says who holds it; with breakLock, first removes a lock whose holder is gone or named. */
    public static RunLock acquire(RunDirectory run, boolean breakLock, Journal journal) throws RunRefusedException,
            IOException {
        Path file = run.lock();
        if (breakLock && Files.exists(file)) {
            Map<String, String> holder = read(file);
            if (holderAlive(holder)) {
                throw new RunRefusedException("--break-lock refused: the run holding " + file + " is still alive ("
                        + describe(holder) + "). Nothing was changed.");
            }
            String previous = describe(holder);
            Files.deleteIfExists(file);
            journal.append(JournalRecord.note("lock-broken", "--break-lock removed the lock of " + previous));
        }
        try {
            Files.write(file, content().getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SYNC);
            return new RunLock(file);
        } catch (FileAlreadyExistsException e) {
            throw refusal(file);
        }
    }

    private static RunRefusedException refusal(Path file) throws IOException {
        Map<String, String> holder = read(file);
        boolean sameHost = hostName().equals(holder.get("host"));
        long pid = parsePid(holder.get("pid"));
        if (holderAlive(holder)) {
            return new RunRefusedException("another migrate run holds " + file + ": " + describe(holder)
                    + "; wait for it to finish. Nothing was changed.");
        }
        String state = sameHost ? "STALE: its process " + pid + " is not running" : "it was taken on another host, "
                + holder.get("host") + ", whose processes cannot be checked from here";
        return new RunRefusedException("a lock is left in " + file + " (" + describe(holder) + "); " + state
                + ". If no migrate run is active, run again with --break-lock. Nothing was changed.");
    }

    /** Whether the lock's holder is a live process of this host (another host's cannot be checked: not alive). */
    private static boolean holderAlive(Map<String, String> holder) {
        long pid = parsePid(holder.get("pid"));
        return hostName().equals(holder.get("host")) && pid > 0
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String content() {
        return "owner=" + System.getProperty("user.name", "unknown") + "\npid=" + ProcessHandle.current().pid()
                + "\nhost=" + hostName() + "\nstarted=" + Instant.now() + "\n";
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (NoSuchFileException e) {
            // released between our attempt and this read: report an unknown holder rather than fail
        }
        return out;
    }

    private static String describe(Map<String, String> holder) {
        return "owner " + holder.getOrDefault("owner", "?") + ", pid " + holder.getOrDefault("pid", "?") + " on "
                + holder.getOrDefault("host", "?") + ", started " + holder.getOrDefault("started", "?");
    }

    private static long parsePid(String pid) {
        try {
            return pid == null ? -1 : Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** This machine's name, as locks and run records name it ("unknown" when it cannot be told). */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Releases the lock only if it is still this process's: after a --break-lock elsewhere it may not be. */
    @Override
    public void close() throws IOException {
        if (Files.exists(file) && String.valueOf(ProcessHandle.current().pid()).equals(read(file).get("pid"))
                && hostName().equals(read(file).get("host"))) {
            Files.deleteIfExists(file);
        }
    }
}
