package dev.apimupgrade.execute;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One lock file (docs/adr/0015-one-run-per-installation.md): created atomically, holding owner, pid, host and start
 * time, and held open with an operating-system lock for as long as the run lives, so the system itself says whether
 * its holder is gone (a SIGKILL releases it). A live holder's lock refuses a second run; a lock whose holder is gone
 * on this host is taken over (the caller journals it); one from another host, whose processes cannot be checked from
 * here, only with {@code --break-lock}.
 */
public final class RunLock implements AutoCloseable {
    /** The lock files this process holds: a second open of a locked file would release the system lock. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private static final int ATTEMPTS = 5;
    private final Path file;
    private final FileChannel channel;
    private final FileLock osLock;
    private final Optional<String> takenOver;
    private final boolean broken;

    private RunLock(Path file, FileChannel channel, FileLock osLock, Optional<String> takenOver, boolean broken) {
        this.file = file;
        this.channel = channel;
        this.osLock = osLock;
        this.takenOver = takenOver;
        this.broken = broken;
    }

    /** Takes the lock file, or says who holds it; {@code what} names what it guards in a refusal. */
    static RunLock acquire(Path file, String what, boolean breakLock) throws RunRefusedException, IOException {
        Path key = file.toAbsolutePath().normalize();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (HELD.contains(key)) {
                throw new RunRefusedException(
                        "another migrate run of this process holds " + file + " (" + what + "). Nothing was changed.");
            }
            Optional<RunLock> made = create(key);
            if (made.isPresent()) {
                return made.get();
            }
            Optional<RunLock> taken = takeOver(key, what, breakLock);
            if (taken.isPresent()) {
                return taken.get();
            }
        }
        throw new RunRefusedException(file + " (" + what + ") kept changing while it was being taken; another run is"
                + " starting. Nothing was changed.");
    }

    private static Optional<RunLock> create(Path file) throws IOException, RunRefusedException {
        FileChannel ch;
        try {
            ch = FileChannel.open(
                    file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
        FileLock lock = tryLock(ch);
        if (lock == null) {
            // another run took it over in the instant between our create and our lock: it is theirs
            ch.close();
            throw new RunRefusedException(
                    "another migrate run took " + file + " as it was created. Nothing was" + " changed.");
        }
        write(ch, content());
        HELD.add(file);
        return Optional.of(new RunLock(file, ch, lock, Optional.empty(), false));
    }

    /**
     * The lock file exists: if the system lock on it is free, its holder is gone (or, from another host or an older
     * version, cannot be told alive); empty when the file changed meanwhile, so the caller tries again.
     */
    private static Optional<RunLock> takeOver(Path file, String what, boolean breakLock)
            throws IOException, RunRefusedException {
        BasicFileAttributes before;
        FileChannel ch;
        try {
            before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!before.isRegularFile()) {
                throw new RunRefusedException(file + " is not a lock file apim-upgrade wrote (a link or a folder);"
                        + " remove it if no migrate run is active. Nothing was changed.");
            }
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        boolean kept = false;
        try {
            FileLock lock = tryLock(ch);
            Map<String, String> holder = parse(read(ch));
            if (lock == null) {
                throw refusal(file, what, holder, breakLock);
            }
            if (!sameFile(file, before)) {
                return Optional.empty();
            }
            boolean sameHost = holder.isEmpty() || hostName().equals(holder.get("host"));
            if (sameHost && pidAlive(holder)) {
                // a live process that holds no system lock: a run of an older version, or a reused pid
                throw refusal(file, what, holder, breakLock);
            }
            if (!sameHost && !breakLock) {
                throw new RunRefusedException("a lock is left in " + file + " (" + what + "; " + describe(holder)
                        + "): it was taken on another host, " + holder.get("host") + ", whose processes cannot be"
                        + " checked from here. If no migrate run is active there, run again with --break-lock."
                        + " Nothing was changed.");
            }
            String previous = holder.isEmpty()
                    ? "a lock without an owner (its run was killed as it wrote it)"
                    : "the lock of " + describe(holder) + (sameHost ? " (its process is gone)" : "");
            ch.truncate(0);
            write(ch, content());
            HELD.add(file);
            kept = true;
            return Optional.of(new RunLock(file, ch, lock, Optional.of(file + ": " + previous), !sameHost));
        } finally {
            if (!kept) {
                ch.close();
            }
        }
    }

    private static RunRefusedException refusal(Path file, String what, Map<String, String> holder, boolean breakLock) {
        if (breakLock) {
            return new RunRefusedException("--break-lock refused: the run holding " + file + " (" + what + ") is"
                    + " still alive (" + describe(holder) + "). Nothing was changed.");
        }
        return new RunRefusedException("another migrate run holds " + file + " (" + what + "): " + describe(holder)
                + "; wait for it to finish. Nothing was changed.");
    }

    /** The system lock, or null when another process (or this one, through another channel) holds it. */
    private static @Nullable FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Whether the path still names the file that was opened: a release deletes it, and a new run may create it. */
    private static boolean sameFile(Path file, BasicFileAttributes before) throws IOException {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return before.fileKey() == null || Objects.equals(before.fileKey(), now.fileKey());
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** What the journal says when a lock was taken over or broken: empty when the lock was free. */
    Optional<String> takenOver() {
        return takenOver;
    }

    boolean broken() {
        return broken;
    }

    private static boolean pidAlive(Map<String, String> holder) {
        long pid = parsePid(holder.get("pid"));
        return pid > 0
                && pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String content() {
        return "owner=" + System.getProperty("user.name", "unknown") + "\npid="
                + ProcessHandle.current().pid() + "\nhost=" + hostName() + "\nstarted=" + Instant.now() + "\n";
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = 0;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
        ch.force(true);
    }

    /** Reads through the open channel: opening the file again and closing it would drop the system lock. */
    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
        long at = 0;
        while (buf.hasRemaining() && ch.read(buf, at) > 0) {
            at = buf.position();
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static String describe(Map<String, String> holder) {
        return "owner " + holder.getOrDefault("owner", "?") + ", pid " + holder.getOrDefault("pid", "?") + " on "
                + holder.getOrDefault("host", "?") + ", started " + holder.getOrDefault("started", "?");
    }

    private static long parsePid(@Nullable String pid) {
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

    /**
     * Removes the lock file while still holding the system lock, so no other run can take it in between; a lock
     * broken meanwhile from another host (its content is no longer this run's) stays.
     */
    @Override
    public void close() throws IOException {
        try {
            Map<String, String> now = parse(read(channel));
            if (String.valueOf(ProcessHandle.current().pid()).equals(now.get("pid"))
                    && hostName().equals(now.get("host"))) {
                Files.deleteIfExists(file);
            }
        } finally {
            HELD.remove(file);
            try {
                osLock.release();
            } finally {
                channel.close();
            }
        }
    }
}
