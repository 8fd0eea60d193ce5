package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.UnreadableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One pass over a tree of a home that the migration copies, hashing every file as it goes (streamed, so thousands of
 * files cost one read each). Links are followed only while they stay inside the home (see {@link HomeLinks}); a file
 * whose content fails the tree's check, or that cannot be read, becomes an UnreadableFile instead of stopping the scan.
 */
final class FileTree {
    /** What a tree's files must be; {@link #NONE} reads nothing beyond the hash. */
    interface ContentCheck {
        ContentCheck NONE = new ContentCheck() {
            @Override
            public boolean applies(String name) {
                return false;
            }

            @Override
            public String problem(byte[] content) {
                return "";
            }
        };

        /** Whether a file of this name is checked (and so read whole, within {@link #limit()}). */
        boolean applies(String name);

        /** "" when the content is what it must be, else what is wrong with it. */
        String problem(byte[] content);

        default InputFile.Limit limit() {
            return InputFile.SYNAPSE_XML;
        }
    }

    private FileTree() {
    }

    /** Path relative to {@code dir} (forward slashes) -> SHA-256, for every regular file under home/dir. */
    static SortedMap<String, String> hashAll(HomeLinks links, Role role, Path home, String dir, String area,
                                             ContentCheck check, List<Observation> out) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!links.treeStaysInside(area, dir, out)) {
            return files;
        }
        Path root = home.resolve(dir);
        try {
            // Links are followed so an operator may link shared artefacts in, but only while they stay in the home;
            // the walker detects loops of folders.
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                    boolean readable = folder.equals(root) || !Files.isSymbolicLink(folder)
                            || links.follow(area, folder, out);
                    return readable ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (Files.isSymbolicLink(file) && !links.follow(area, file, out)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = Installation.relative(home, file);
                    if (!attrs.isRegularFile()) {
                        out.add(new UnreadableFile(role, area, relative, "is not a regular file",
                                SourceRef.file(role, relative)));
                        return FileVisitResult.CONTINUE;
                    }
                    hash(role, area, relative, file, check, out).ifPresent(sha ->
                            files.put(Installation.relative(root, file), sha));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String relative = Installation.relative(home, file);
                    String reason = e instanceof FileSystemLoopException
                            ? "is a symbolic link back to a folder above it (a loop)"
                            : "cannot be read (" + e.getClass().getSimpleName() + ")";
                    out.add(new UnreadableFile(role, area, relative, reason, SourceRef.file(role, relative)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            out.add(new UnreadableFile(role, area, dir, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    SourceRef.file(role, dir)));
        }
        return files;
    }

    /** The file's hash, or empty with an UnreadableFile when it cannot be read or fails the check. */
    private static Optional<String> hash(Role role, String area, String relative, Path file,
                                                   ContentCheck check, List<Observation> out) {
        SourceRef source = SourceRef.file(role, relative);
        try {
            if (!check.applies(file.getFileName().toString())) {
                return Optional.of(FileDigest.sha256(file));
            }
            byte[] content = InputFile.bytes(file, relative, check.limit());
            String problem = check.problem(content);
            if (!problem.isEmpty()) {
                out.add(new UnreadableFile(role, area, relative, problem, source));
            }
            // a malformed file is still hashed: it is carried over as it is, and the fingerprint must see it change
            return Optional.of(FileDigest.sha256(content));
        } catch (InputException e) {
            out.add(new UnreadableFile(role, area, relative, e.getMessage(), source));
        } catch (UncheckedIOException e) {
            out.add(new UnreadableFile(role, area, relative, "cannot be read ("
                    + e.getCause().getClass().getSimpleName() + ")", source));
        }
        return Optional.empty();
    }

    /** A file that could not be read, named home-relative; the exception's class says why without leaking paths. */
    static ScanProblem problem(Role role, String relativePath, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return new ScanProblem(role, relativePath, "cannot be read (" + cause.getClass().getSimpleName() + ")",
                SourceRef.file(role, relativePath));
    }
}
