package dev.apimupgrade.execute;

import dev.apimupgrade.scan.FileDigest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Writes a file so that a reader (or a run killed half-way) sees either the old or the new content, never a mix: the
 * bytes go to a temporary file beside the target, are forced to disk, then renamed over it. The temporary file's
 * name is fixed per target, so a rerun of the same step overwrites what a killed run left instead of adding a file.
 */
public final class AtomicFiles {
    static final String TEMP_SUFFIX = ".apim-upgrade-tmp";

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        Path temp = temp(target);
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        keepPermissions(target, temp);
        moveInto(temp, target);
    }

    /** What writes a file's content to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * As {@link #write}, but the content is streamed to the temporary file as it is produced (a large export never
     * sits in memory); returns its SHA-256, computed on the way. On a failure the temporary file is removed.
     */
    static String writeStreamed(Path target, Content content) throws IOException {
        Path temp = temp(target);
        MessageDigest sha = FileDigest.digest();
        try (FileChannel ch = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out =
                    new BufferedOutputStream(new DigestOutputStream(Channels.newOutputStream(ch), sha), 64 * 1024);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        keepPermissions(target, temp);
        moveInto(temp, target);
        String hex = HexFormat.of().formatHex(sha.digest());
        FileDigest.remember(target, hex);
        return hex;
    }

    /** Copies source (a file, or where a link to one leads) over target, content and modification time. */
    public static void copy(Path source, Path target) throws IOException {
        copyUnsyncedFolder(source.toRealPath(), target);
        sync(parentOf(target));
    }

    /**
     * Puts a symbolic link with the given text at target, atomically like a file (a link beside it, renamed over it),
     * so a killed run leaves the old entry or the link, and its rerun reuses the same temporary name.
     */
    static void link(Path target, Path text) throws IOException {
        Path temp = temp(target);
        Files.deleteIfExists(temp);
        Files.createSymbolicLink(temp, text);
        rename(temp, target);
    }

    /**
     * As {@link #copy}, but leaves the sync of the target's folder to the caller, who copies many files into a few
     * folders and syncs each folder once after them (the file's own content is forced to disk before its rename).
     * The source is never followed if it is a link: a link swapped in for a file fails the copy. The digest of the
     * bytes written is kept for the target's later readers (and the source's, when it did not change meanwhile), so
     * the copy's check compares what was written instead of reading both files again.
     */
    static void copyUnsyncedFolder(Path source, Path target) throws IOException {
        write(source, target, true).rename();
    }

    /** A copy written to its temporary file beside the target, with the digest of the bytes written. */
    record Written(Path temp, Path target, String sha256) {
        /** Renames the temporary file over the target, keeping the digest for the target's later readers. */
        void rename() throws IOException {
            AtomicFiles.rename(temp, target);
            FileDigest.remember(target, sha256);
        }

        /** Forces the temporary file's content to disk (before its rename makes it the target). */
        void force() throws IOException {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }

    /**
     * Forces the content of many temporary files to disk together, before any of them is renamed: one flush of their
     * file system ({@code sync -f}, Linux's syncfs) instead of one per file, which lets the disk write a batch as one
     * stream. Where that command is missing or fails, each file is forced on its own, as durable and slower.
     */
    static void forceAll(List<Written> written) throws IOException {
        if (written.isEmpty()) {
            return;
        }
        if (!SYNC_FS || !syncFileSystem(written.get(0).temp())) {
            for (Written w : written) {
                w.force();
            }
        }
    }

    /** Off with -Dapimupgrade.syncfs=false, to measure or to rule it out. */
    private static final boolean SYNC_FS = !"false".equals(System.getProperty("apimupgrade.syncfs"));

    private static boolean syncFileSystem(Path on) {
        try {
            Process p = new ProcessBuilder("sync", "-f", on.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies source into the target's temporary file, forced to disk when asked (else see {@link Written#force}). */
    static Written write(Path source, Path target, boolean force) throws IOException {
        Path temp = temp(target);
        Object stamp = FileDigest.stampOf(source);
        MessageDigest sha = FileDigest.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS), sha);
                FileChannel ch = FileChannel.open(
                        temp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(ch);
            in.transferTo(out);
            out.flush();
            if (force) {
                ch.force(true);
            }
        }
        Files.setLastModifiedTime(temp, Files.getLastModifiedTime(source));
        keepPermissions(source, temp);
        String written = HexFormat.of().formatHex(sha.digest());
        FileDigest.read(source, stamp, written);
        return new Written(temp, target, written);
    }

    /**
     * The new file keeps the POSIX permissions of what it replaces (or copies): a 0600 deployment.toml stays private
     * and a copied script stays executable. Where the file system has no POSIX permissions there is nothing to keep.
     */
    private static void keepPermissions(Path from, Path temp) throws IOException {
        if (Files.exists(from) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(from));
        }
    }

    private static Path temp(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    private static void moveInto(Path temp, Path target) throws IOException {
        rename(temp, target);
        sync(parentOf(target));
    }

    private static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Syncs a directory's entries where the platform can open a directory (POSIX); elsewhere a no-op. */
    /** The folder a target is written into; a relative target's parent is the working folder, never null. */
    static Path parentOf(Path target) {
        return Objects.requireNonNull(target.toAbsolutePath().getParent(), "a file is never written as a root");
    }

    static void sync(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the rename is as durable as that platform allows.
        }
    }
}
