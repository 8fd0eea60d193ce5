package dev.apimupgrade.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * SHA-256 of files and bytes, the content identity scanners record. A file's digest is kept for the rest of the
 * process, keyed by its inode and checked against its size, modification and change times on every use, so
 * the scanners, the fingerprint, a copy's check and verify read each file once instead of once each. The change time
 * cannot be set back by anyone, so any write (even one restoring the size and the modification time) reads the
 * file again; a file changed within the last second is never kept (the "racy" case of git's index: its times may
 * not have moved yet), except what the tool itself just wrote ({@link #remember}).
 */
public final class FileDigest {
    /** Files hashed at once: reading and hashing overlap, and a 2-core machine gets both cores. */
    private static final int THREADS =
            Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private static final ExecutorService HASHERS = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "apim-upgrade-hash");
        t.setDaemon(true);
        return t;
    });
    /** Package-private so a test can see a file it just wrote kept, without waiting out the second. */
    static Duration racy = Duration.ofSeconds(1);

    private static final HexFormat HEX = HexFormat.of();

    private static final java.util.concurrent.atomic.LongAdder READS = new java.util.concurrent.atomic.LongAdder();
    /** Beyond this many entries the cache starts over: a long test run must not grow without bound. */
    private static final int MAX_ENTRIES = 2_000_000;

    /**
     * Keyed by device and inode, the stamp as plain numbers: at 100,000 files a path and boxed attributes per file took
     * about 27 MB of the heap (ADR 0050). A file is the same file while its inode, size and times are; a digest is used
     * only when all of them match, whatever path the file is asked for by. The digest is the String the scanner's fact
     * holds too (a copy of it as bytes would make each hit a new String, and the facts made from hits hold those).
     */
    private static final Map<Inode, Kept> CACHE = new ConcurrentHashMap<>();

    private record Inode(long dev, long ino) {}

    /** A file's inode, size and both times (nanoseconds), from one stat. */
    private record Stamp(Inode inode, long size, long modified, long changed) {}

    /** A kept digest and the stamp its file had. */
    private static final class Kept {
        private final long size;
        private final long modified;
        private final long changed;
        private final String sha256;

        Kept(Stamp stamp, String sha256) {
            this.size = stamp.size();
            this.modified = stamp.modified();
            this.changed = stamp.changed();
            this.sha256 = sha256;
        }

        boolean matches(Stamp stamp) {
            return size == stamp.size() && modified == stamp.modified() && changed == stamp.changed();
        }
    }

    private FileDigest() {}

    public static String sha256(Path file) {
        Path key = file.toAbsolutePath();
        Stamp before = stamp(key);
        Kept known = before == null ? null : CACHE.get(before.inode());
        if (before != null && known != null && known.matches(before)) {
            return known.sha256;
        }
        String sha = hash(key);
        keep(key, before, sha, false);
        return sha;
    }

    /** The digests of many files, read in parallel, in the order given. */
    public static List<String> sha256All(List<Path> files) {
        return inParallel(files, FileDigest::sha256);
    }

    /**
     * Runs {@code task} on each file in a bounded pool (so reading and hashing use every core and overlap), the
     * results in the order given; a task handles its own failures, so one unreadable file stops nothing.
     */
    public static <T> List<T> inParallel(List<Path> files, Function<Path, T> task) {
        if (files.size() < 2) {
            return files.stream().map(task).toList();
        }
        List<Future<T>> futures = new ArrayList<>(files.size());
        for (Path f : files) {
            futures.add(HASHERS.submit(() -> task.apply(f)));
        }
        List<T> out = new ArrayList<>(files.size());
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (ExecutionException e) {
            futures.forEach(x -> x.cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(x -> x.cancel(true));
            throw new IllegalStateException("interrupted while reading files", e);
        }
        return out;
    }

    /**
     * Records the digest of content just read from {@code file}, given the file's stamp before it was read, so the
     * file's later readers do not read it again; nothing is kept if the file changed meanwhile.
     */
    public static void read(Path file, @Nullable Object stampBefore, String sha256) {
        Path key = file.toAbsolutePath();
        if (stampBefore instanceof Stamp s && s.equals(stamp(key))) {
            keep(key, s, sha256, false);
        }
    }

    /** The stamp to pass to {@link #read} (taken before the read), or null where the file system has none. */
    public static @Nullable Object stampOf(Path file) {
        return stamp(file.toAbsolutePath());
    }

    /**
     * Records the digest of what the tool itself just wrote to {@code file} (a copy's bytes as they went out), so
     * the copy's check compares what it wrote instead of reading both trees again.
     */
    public static void remember(Path file, String sha256) {
        Path key = file.toAbsolutePath();
        Stamp now = stamp(key);
        if (now != null) {
            keep(key, now, sha256, true);
        }
    }

    public static String sha256(byte[] bytes) {
        return HEX.formatHex(digest().digest(bytes));
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many files this process has read to hash them (not counting content hashed as it was read). */
    public static long filesRead() {
        return READS.sum();
    }

    private static String hash(Path file) {
        READS.increment();
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = digest();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HEX.formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keep(Path key, @Nullable Stamp stamp, String sha, boolean ownWrite) {
        if (stamp == null || !stamp.equals(stamp(key))) {
            return;
        }
        if (!ownWrite && stamp.changed() > nanos(Instant.now().minus(racy))) {
            return;
        }
        if (CACHE.size() >= MAX_ENTRIES) {
            CACHE.clear();
        }
        CACHE.put(stamp.inode(), new Kept(stamp, sha));
    }

    /** Inode, size and both times in one stat; null where the file system has no change time (nothing is kept). */
    private static @Nullable Stamp stamp(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:ino,dev,size,lastModifiedTime,ctime");
            if (!(a.get("ctime") instanceof FileTime changed)
                    || !(a.get("lastModifiedTime") instanceof FileTime modified)
                    || !(a.get("dev") instanceof Long dev)
                    || !(a.get("ino") instanceof Long ino)
                    || !(a.get("size") instanceof Long size)) {
                return null;
            }
            return new Stamp(
                    new Inode(dev, ino), size, modified.to(TimeUnit.NANOSECONDS), changed.to(TimeUnit.NANOSECONDS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static long nanos(Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }
}
