package dev.apimupgrade.report;

import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Copies an output into a bundle as plain files. Links are refused rather than followed, so the bundle holds the
 * bytes the manifest vouches for and nothing outside the given output slips in; so are names {@code sha256sum}
 * would have to escape, so the manifest stays checkable with that tool.
 */
final class BundleCopy {
    private BundleCopy() {}

    /**
     * Copies {@code source} into {@code into}, except the entries named in {@code leftOut} (relative paths; a folder
     * with everything in it); returns how many files of each left-out entry there were (present entries only).
     */
    static Map<String, Integer> copy(Path source, Path into, List<String> leftOut) throws IOException, InputException {
        Files.createDirectories(into);
        Map<String, Integer> skipped = new TreeMap<>();
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            copyFile(source, source, into.resolve(source.getFileName().toString()));
            return skipped;
        }
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.sorted().toList()) {
                Path relative = source.relativize(p);
                Optional<String> out =
                        leftOut.stream().filter(e -> relative.startsWith(e)).findFirst();
                if (out.isPresent()) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        skipped.merge(out.get(), 1, Integer::sum);
                    }
                    continue;
                }
                Path to = into.resolve(relative.toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    copyFile(source, p, to);
                }
            }
        }
        return skipped;
    }

    private static void copyFile(Path source, Path file, Path to) throws IOException, InputException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(
                    file.toString(), "is a link or special file; an evidence bundle holds plain files");
        }
        String name = Manifest.relative(source.getParent() == null ? source : source.getParent(), file);
        if (name.contains("\n") || name.contains("\\")) {
            throw new InputException(file.toString(), "has a line break or backslash in its name");
        }
        Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** Flushes every file and folder of the assembled bundle to disk before it is renamed into place. */
    static void sync(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    ch.force(true);
                } catch (IOException e) {
                    // Windows cannot open a folder as a channel; its files were still forced above.
                    if (!Files.isDirectory(p)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Removes a half-built bundle; a failure to clean up is attached to the error that caused it. */
    static void deleteQuietly(Path root, Exception cause) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
