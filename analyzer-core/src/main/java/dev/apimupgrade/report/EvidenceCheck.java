package dev.apimupgrade.report;

import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks an evidence bundle, as a folder or as its zip, against its MANIFEST.sha256: every changed, added or missing
 * file is one named problem; an empty list means every byte is as it was when the bundle was built.
 */
public final class EvidenceCheck {
    private EvidenceCheck() {}

    /** The problems found, sorted by path; throws when the input is no bundle at all (no or unreadable manifest). */
    public static List<EvidenceProblem> check(Path bundle) throws IOException, InputException {
        if (Files.isDirectory(bundle)) {
            Path manifest = bundle.resolve(Manifest.FILE);
            if (!Files.isRegularFile(manifest)) {
                throw new InputException(bundle.toString(), "is not an evidence bundle: it has no " + Manifest.FILE);
            }
            String text = InputFile.text(manifest, manifest.toString(), InputFile.MANIFEST);
            return compare(parse(bundle, text), Manifest.ofTree(bundle), List.of());
        }
        if (Files.isRegularFile(bundle)) {
            return checkZip(bundle);
        }
        throw new InputException(bundle.toString(), "does not exist");
    }

    private static List<EvidenceProblem> checkZip(Path zip) throws IOException, InputException {
        SortedMap<String, String> actual = new TreeMap<>();
        List<EvidenceProblem> repeated = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                if (e.getName().equals(Manifest.FILE) && manifest == null) {
                    // bounded and strictly UTF-8, as from a folder: a zip entry can inflate to anything
                    byte[] bytes = in.readNBytes((int) InputFile.MANIFEST.bytes() + 1);
                    if (bytes.length > InputFile.MANIFEST.bytes()) {
                        throw new InputException(
                                zip + "!" + Manifest.FILE,
                                "is larger than " + InputFile.MANIFEST.kind() + " may be, so it is refused unread");
                    }
                    manifest = InputFile.utf8(bytes, zip + "!" + Manifest.FILE);
                } else if (actual.put(e.getName(), Manifest.sha256((InputStream) in)) != null) {
                    // a second entry of one name: a reader may extract either, so it is an addition either way
                    repeated.add(new EvidenceProblem(EvidenceProblem.Kind.ADDED, e.getName()));
                }
            }
        } catch (ZipException e) {
            throw new InputException(zip.toString(), "is not a readable zip: " + e.getMessage());
        }
        if (manifest == null) {
            throw new InputException(zip.toString(), "is not an evidence bundle: it has no " + Manifest.FILE);
        }
        return compare(parse(zip, manifest), new Manifest(actual), repeated);
    }

    private static Manifest parse(Path bundle, String text) throws InputException {
        try {
            return Manifest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(bundle.toString(), Objects.requireNonNullElse(e.getMessage(), "cannot be parsed"));
        }
    }

    private static List<EvidenceProblem> compare(Manifest expected, Manifest actual, List<EvidenceProblem> repeated) {
        List<EvidenceProblem> problems = new ArrayList<>(repeated);
        Map<String, String> found = actual.sha256ByPath();
        expected.sha256ByPath().forEach((path, hex) -> {
            if (!found.containsKey(path)) {
                problems.add(new EvidenceProblem(EvidenceProblem.Kind.MISSING, path));
            } else if (!found.get(path).equals(hex)) {
                problems.add(new EvidenceProblem(EvidenceProblem.Kind.CHANGED, path));
            }
        });
        found.keySet().stream()
                .filter(p -> !expected.sha256ByPath().containsKey(p))
                .forEach(p -> problems.add(new EvidenceProblem(EvidenceProblem.Kind.ADDED, p)));
        problems.sort((a, b) -> a.path().equals(b.path())
                ? a.kind().compareTo(b.kind())
                : a.path().compareTo(b.path()));
        return List.copyOf(problems);
    }
}
