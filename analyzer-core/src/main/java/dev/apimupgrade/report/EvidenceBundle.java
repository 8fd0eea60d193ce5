package dev.apimupgrade.report;

import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the audit evidence bundle: each given output (before/, plan/, run/, after/) copied in under its name, an
 * index.html summary, and MANIFEST.sha256 over every other file, then a reproducible zip of it beside the folder.
 * It is assembled in a hidden folder and renamed into place, and never replaces an existing bundle: evidence that
 * was handed to a board must not change under the same name.
 */
public final class EvidenceBundle {
    /** The page that opens the bundle; covered by the manifest like every other file. */
    public static final String INDEX = "index.html";

    /** Lists, when anything was left out, what and why; the board summary shows it. */
    public static final String LEFT_OUT = "LEFT-OUT.txt";

    /**
     * One output put into the bundle: a folder, copied as {@code name/}, or a file, copied into {@code name/};
     * {@code leftOut} names entries of the folder (relative paths, folders with all they hold) that stay out, each
     * with the reason, such as a run's backups, which are copies of the installation and hold its secrets, or the
     * keys that protect a plan and a journal.
     */
    public record Part(String name, Path source, Map<String, String> leftOut) {
        public Part {
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("a bundle part name is a plain lower-case word: '" + name + "'");
            }
            leftOut = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(leftOut));
        }

        public Part(String name, Path source, List<String> leftOut, String why) {
            this(name, source, ordered(leftOut, why));
        }

        private static Map<String, String> ordered(List<String> entries, String why) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            entries.forEach(e -> out.put(e, why));
            return out;
        }

        public Part(String name, Path source) {
            this(name, source, Map.of());
        }

        /** This part with more entries left out, for another reason. */
        public Part leavingOut(List<String> entries, String why) {
            Map<String, String> more = new java.util.LinkedHashMap<>(leftOut);
            entries.forEach(e -> more.put(e, why));
            return new Part(name, source, more);
        }
    }

    /** Renders index.html from the assembled bundle and the manifest of everything in it but the index. */
    @FunctionalInterface
    public interface Summary {
        String render(Path bundle, Manifest contents) throws IOException, InputException;
    }

    private EvidenceBundle() {}

    /** Builds {@code out} and {@code out.zip}; returns the zip. */
    public static Path build(List<Part> parts, Path out, Summary summary) throws IOException, InputException {
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new OutputRefusedException(target, "it is a file system root");
        }
        Path zip = target.resolveSibling(target.getFileName() + ".zip");
        requireNew(target, zip);
        requireDistinct(parts, target);
        Path parent = Files.createDirectories(target.getParent());
        Path fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
        Path freshZip = parent.resolve(fresh.getFileName() + ".zip");
        boolean zipInPlace = false;
        try {
            List<String> leftOut = new ArrayList<>();
            for (Part part : parts) {
                Map<String, Integer> skipped = BundleCopy.copy(
                        part.source(),
                        fresh.resolve(part.name()),
                        List.copyOf(part.leftOut().keySet()));
                skipped.forEach((entry, count) ->
                        leftOut.add(part.name() + "/" + entry + " (" + count + (count == 1 ? " file" : " files") + "): "
                                + part.leftOut().get(entry)));
            }
            if (!leftOut.isEmpty()) {
                Files.writeString(fresh.resolve(LEFT_OUT), String.join("\n", leftOut) + "\n", StandardCharsets.UTF_8);
            }
            Manifest contents = Manifest.ofTree(fresh);
            Files.writeString(fresh.resolve(INDEX), summary.render(fresh, contents), StandardCharsets.UTF_8);
            Manifest all = Manifest.ofTree(fresh);
            Files.writeString(fresh.resolve(Manifest.FILE), all.text(), StandardCharsets.UTF_8);
            Set<String> files = new TreeSet<>(all.sha256ByPath().keySet());
            files.add(Manifest.FILE);
            BundleCopy.sync(fresh);
            BundleZip.write(fresh, files, freshZip);
            Files.move(freshZip, zip);
            zipInPlace = true;
            Files.move(fresh, target);
        } catch (IOException | InputException | RuntimeException e) {
            BundleCopy.deleteQuietly(fresh, e);
            // requireNew saw no zip, so one there now is ours, and a zip without its folder is no evidence
            BundleCopy.deleteQuietly(zipInPlace ? zip : freshZip, e);
            throw e;
        }
        return zip;
    }

    private static void requireNew(Path target, Path zip) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(zip, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputRefusedException(
                    target,
                    "an evidence bundle is never replaced, and " + target + " or " + zip.getFileName()
                            + " exists; choose a new name");
        }
    }

    private static void requireDistinct(List<Part> parts, Path target) throws InputException {
        Set<String> names = new HashSet<>();
        for (Part part : parts) {
            Path source = part.source().toAbsolutePath().normalize();
            if (!names.add(part.name())) {
                throw new IllegalArgumentException("the bundle part '" + part.name() + "' is given twice");
            }
            if (!Files.exists(source)) {
                throw new InputException(part.source().toString(), "does not exist (given as " + part.name() + ")");
            }
            if (target.startsWith(source)) {
                throw new InputException(
                        part.source().toString(),
                        "the bundle would be written inside it; choose --out outside every input");
            }
        }
    }
}
