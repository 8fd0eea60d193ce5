package dev.apimupgrade.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a set of report files all at once or not at all: everything goes to a fresh directory beside the target,
 * is synced to disk, and only then replaces the target by renames. A target holding anything but earlier reports is
 * left alone, so a mistyped --out cannot delete a user's files.
 */
public final class OutputWriter {
    /** The files this tool writes into an output directory; anything else there belongs to someone else. */
    private static final Pattern OUR_FILES = Pattern.compile(
            "(assessment|runbook|plan|after-report|journal|comparison|inventory|deployment-assessment|deployment-verify)\\.[A-Za-z0-9.]+"
                    + "|run\\.json");

    private OutputWriter() {}

    /** What writes one output file's content, as it is produced: a large file is never held whole in memory. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void writeAll(Path dir, Map<String, byte[]> files) throws IOException {
        writeAll(dir, files, java.util.Set.of());
    }

    /** As {@link #writeAll(Path, Map)}; the files named in {@code ownerOnly} (a key) are readable by the owner only. */
    public static void writeAll(Path dir, Map<String, byte[]> files, java.util.Set<String> ownerOnly)
            throws IOException {
        Map<String, Content> contents = new java.util.LinkedHashMap<>();
        files.forEach((name, bytes) -> contents.put(name, out -> out.write(bytes)));
        writeAllStreamed(dir, contents, ownerOnly);
    }

    /**
     * As {@link #writeAll(Path, Map, java.util.Set)}, each file's content written as it is produced (plan.json of a
     * large installation is tens of MB).
     */
    public static void writeAllStreamed(Path dir, Map<String, Content> files, java.util.Set<String> ownerOnly)
            throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        files.keySet().forEach(OutputWriter::requirePlainName);
        if (target.getParent() == null) {
            throw new OutputRefusedException(target, "it is a file system root");
        }
        requireReplaceable(target, files);
        Path parent = Files.createDirectories(target.getParent());
        Path fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
        try {
            for (Map.Entry<String, Content> f : files.entrySet()) {
                Files.createDirectories(fresh.resolve(f.getKey()).getParent());
                writeSynced(fresh.resolve(f.getKey()), f.getValue(), ownerOnly.contains(f.getKey()));
            }
            sync(fresh);
            replace(target, fresh);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(fresh);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        sync(parent);
    }

    /** A report's text as the bytes written: UTF-8, always. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes one file (a --junit report) whole or not at all: synced beside it, then renamed over it. Anything but a
     * regular file at that path is left alone.
     */
    public static void writeFile(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefusedException(target, "it is a directory or a symbolic link, not a file");
        }
        Path parent = Files.createDirectories(target.getParent());
        Path fresh = parent.resolve(
                "." + target.getFileName() + ".new-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(fresh);
            writeSynced(fresh, content, false);
            Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(fresh);
        }
        sync(parent);
    }

    /** A plain file name, or plain folder names and a file name joined by "/" (a deployment's nodes/<name>/...). */
    private static void requirePlainName(String name) {
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.contains("\\") || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("an output file name must be a plain file name: '" + name + "'");
            }
        }
    }

    /** True when an earlier run of the same kind wrote this folder: this run writes into it, and it holds only files. */
    private static boolean ourFolder(Path entry, String name, Map<String, ?> files) throws IOException {
        if (files.keySet().stream().noneMatch(k -> k.startsWith(name + "/"))
                || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(entry)) {
            return all.allMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static void requireReplaceable(Path target, Map<String, ?> files) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefusedException(target, "it is a file or a symbolic link, not a plain directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                String n = entry.getFileName().toString();
                boolean ours = files.containsKey(n) || OUR_FILES.matcher(n).matches();
                if (ourFolder(entry, n, files)) {
                    continue;
                }
                if (!ours || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    throw new OutputRefusedException(
                            target,
                            "it holds '" + n
                                    + "', which is not a report of an earlier run; choose an empty or new directory");
                }
            }
        }
    }

    /** Moves the old output aside, the new one in, then deletes the old; puts the old back if the second move fails. */
    private static void replace(Path target, Path fresh) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(fresh, target);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        move(target, old);
        try {
            move(fresh, target);
        } catch (IOException e) {
            move(old, target);
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void writeSynced(Path file, byte[] content, boolean ownerOnly) throws IOException {
        writeSynced(file, out -> out.write(content), ownerOnly);
    }

    private static void writeSynced(Path file, Content content, boolean ownerOnly) throws IOException {
        java.nio.file.attribute.FileAttribute<?>[] attributes = ownerOnly
                        && Files.getFileStore(file.getParent())
                                .supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)
                ? new java.nio.file.attribute.FileAttribute<?>[] {
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))
                }
                : new java.nio.file.attribute.FileAttribute<?>[0];
        try (FileChannel ch = FileChannel.open(
                file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
    }

    /** Syncs a directory's entries where the platform allows opening a directory (POSIX); elsewhere it is a no-op. */
    private static void sync(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the renames are still as durable as that platform allows.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
