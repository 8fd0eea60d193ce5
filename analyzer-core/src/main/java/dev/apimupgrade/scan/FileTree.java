package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One pass over a folder of the old home that hashes every file as it goes (streamed, so thousands of files cost one
 * read each); files or folders that cannot be read become ScanProblems instead of stopping the scan.
 */
final class FileTree {
    private FileTree() {
    }

    /** Path relative to {@code dir} (forward slashes) -> SHA-256, for every regular file under home/dir. */
    static SortedMap<String, String> hashAll(Path home, String dir, List<Observation> problems) {
        Path root = home.resolve(dir);
        SortedMap<String, String> files = new TreeMap<>();
        try {
            // Links are followed because an operator may link shared artefacts in; the walker detects loops.
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        try {
                            files.put(Installation.relative(root, file), FileDigest.sha256(file));
                        } catch (UncheckedIOException e) {
                            problems.add(problem(Role.OLD, Installation.relative(home, file), e));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(problem(Role.OLD, Installation.relative(home, file), e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            problems.add(problem(Role.OLD, dir, e));
        }
        return files;
    }

    /** A file that could not be read, named home-relative; the exception's class says why without leaking paths. */
    static ScanProblem problem(Role role, String relativePath, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return new ScanProblem(role, relativePath, "cannot be read (" + cause.getClass().getSimpleName() + ")",
                SourceRef.file(role, relativePath));
    }
}
