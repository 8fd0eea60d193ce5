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
import java.util.ArrayList;
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

    private FileTree() {}

    /** Path relative to {@code dir} (forward slashes) -> SHA-256, for every regular file under home/dir. */
    static SortedMap<String, String> hashAll(
            HomeLinks links, Role role, Path home, String dir, String area, ContentCheck check, List<Observation> out) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!links.treeStaysInside(area, dir, out)) {
            return files;
        }
        Path root = home.resolve(dir);
        // the walk only lists; the files are read and hashed afterwards in parallel, and what the walk and the reads
        // observed is added in walk order, so the facts do not depend on which thread finished first
        List<Slot> slots = new ArrayList<>();
        List<Observation> trailing = walk(links, role, home, root, dir, area, slots);
        List<Hashed> hashed = FileDigest.inParallel(
                slots.stream().map(Slot::file).toList(),
                file -> hash(role, area, Installation.relative(home, file), file, check));
        for (int i = 0; i < slots.size(); i++) {
            out.addAll(slots.get(i).before());
            out.addAll(hashed.get(i).problems());
            String key = Installation.relative(root, slots.get(i).file());
            hashed.get(i).sha256().ifPresent(sha -> files.put(key, sha));
        }
        out.addAll(trailing);
        return files;
    }

    /** A file to hash, with what the walk observed since the previous one. */
    private record Slot(List<Observation> before, Path file) {}

    private record Hashed(Optional<String> sha256, List<Observation> problems) {}

    /** Lists the regular files under root into slots; returns what the walk observed after the last one. */
    private static List<Observation> walk(
            HomeLinks links, Role role, Path home, Path root, String dir, String area, List<Slot> slots) {
        List<List<Observation>> current = new ArrayList<>(List.of(new ArrayList<>()));
        try {
            // Links are followed so an operator may link shared artefacts in, but only while they stay in the home;
            // the walker detects loops of folders.
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                            boolean readable = folder.equals(root)
                                    || !Files.isSymbolicLink(folder)
                                    || links.follow(area, folder, current.get(0));
                            return readable ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (Files.isSymbolicLink(file) && !links.follow(area, file, current.get(0))) {
                                return FileVisitResult.CONTINUE;
                            }
                            String relative = Installation.relative(home, file);
                            if (!attrs.isRegularFile()) {
                                current.get(0)
                                        .add(new UnreadableFile(
                                                role,
                                                area,
                                                relative,
                                                "is not a regular file",
                                                SourceRef.file(role, relative)));
                                return FileVisitResult.CONTINUE;
                            }
                            slots.add(new Slot(current.get(0), file));
                            current.set(0, new ArrayList<>());
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String relative = Installation.relative(home, file);
                            String reason = e instanceof FileSystemLoopException
                                    ? "is a symbolic link back to a folder above it (a loop)"
                                    : "cannot be read (" + e.getClass().getSimpleName() + ")";
                            current.get(0)
                                    .add(new UnreadableFile(
                                            role, area, relative, reason, SourceRef.file(role, relative)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            current.get(0)
                    .add(new UnreadableFile(
                            role,
                            area,
                            dir,
                            "cannot be read (" + e.getClass().getSimpleName() + ")",
                            SourceRef.file(role, dir)));
        }
        return current.get(0);
    }

    /** The file's hash, or empty with an UnreadableFile when it cannot be read or fails the check. */
    private static Hashed hash(Role role, String area, String relative, Path file, ContentCheck check) {
        SourceRef source = SourceRef.file(role, relative);
        List<Observation> problems = new ArrayList<>(0);
        try {
            if (!check.applies(file.getFileName().toString())) {
                return new Hashed(Optional.of(FileDigest.sha256(file)), problems);
            }
            Object stamp = FileDigest.stampOf(file);
            byte[] content = InputFile.bytes(file, relative, check.limit());
            String problem = check.problem(content);
            if (!problem.isEmpty()) {
                problems.add(new UnreadableFile(role, area, relative, problem, source));
            }
            // a malformed file is still hashed: it is carried over as it is, and the fingerprint must see it change
            String sha = FileDigest.sha256(content);
            FileDigest.read(file, stamp, sha);
            return new Hashed(Optional.of(sha), problems);
        } catch (InputException e) {
            problems.add(new UnreadableFile(role, area, relative, e.getMessage(), source));
        } catch (UncheckedIOException e) {
            problems.add(new UnreadableFile(role, area, relative, "cannot be read (" + causeName(e) + ")", source));
        }
        return new Hashed(Optional.empty(), problems);
    }

    /** A file that could not be read, named home-relative; the exception's class says why without leaking paths. */
    static ScanProblem problem(Role role, String relativePath, Exception e) {
        return new ScanProblem(
                role,
                relativePath,
                "cannot be read ("
                        + (e instanceof UncheckedIOException u
                                ? causeName(u)
                                : e.getClass().getSimpleName()) + ")",
                SourceRef.file(role, relativePath));
    }

    /** The class of the I/O error inside: it says why without leaking paths. */
    static String causeName(UncheckedIOException e) {
        Throwable cause = e.getCause();
        return (cause == null ? e : cause).getClass().getSimpleName();
    }
}
