package dev.apimupgrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one-page summary a change board opens first (index.html of an evidence bundle): the verdict before and after,
 * the blockers, the counts and coverage, what ran, the tool and rule-pack versions, and the manifest hash that ties
 * the page to the files. Built only from the files in the bundle; the template formats it and decides nothing.
 *
 * <p>The page cannot show the hash of a manifest that lists the page itself, so {@code manifestSha256} is the hash of
 * MANIFEST.sha256 without its index.html line, which anyone can recompute with grep and sha256sum.
 */
public record BoardSummary(
        @Nullable AssessmentSide before,
        @Nullable AssessmentSide after,
        @Nullable JournalView journal,
        List<Part> parts,
        int files,
        String manifestSha256,
        String verifyCommand,
        @Nullable VerifySide verify,
        @Nullable ComparisonSide comparison,
        List<String> leftOut,
        @Nullable DeploymentBoard deployment) {
    /** verify's after-report, when the --after folder is a verify output (after/after-report.json). */
    public static final String AFTER_REPORT = "after/after-report.json";
    /** compare's output, when the bundle holds one (comparison/comparison.json). */
    public static final String COMPARISON = "comparison/comparison.json";

    /**
     * What the board needs of the before/after comparison: its counts and every difference the run does not
     * explain, each named by tenant and item, plus what could not be read.
     */
    public record ComparisonSide(
            String file,
            long same,
            long explained,
            long unexplained,
            List<Difference> differences,
            List<String> problems) {}

    public record Difference(String tenant, String item, String before, String after, String explanation) {}

    /** What the board needs of the after-report: its verdict, counts and the checks that failed. */
    public record VerifySide(
            String file, String verdict, int passed, int failed, int unknown, List<FailedCheck> failures) {}

    public record FailedCheck(String id, String title, String detail) {}

    public BoardSummary {
        parts = List.copyOf(parts);
        leftOut = List.copyOf(leftOut);
    }

    public static final String BEFORE = "before/assessment.json";
    public static final String AFTER = "after/assessment.json";
    public static final String JOURNAL = "run/journal.jsonl";

    /** One top-level folder of the bundle and how many files it holds. */
    public record Part(String name, int files) {}

    /** Reads the summary from an assembled bundle and the manifest of all its files but the index and the manifest. */
    public static BoardSummary read(Path bundle, Manifest contents) throws IOException, InputException {
        Map<String, Integer> perPart = new TreeMap<>();
        for (String path : contents.sha256ByPath().keySet()) {
            int slash = path.indexOf('/');
            perPart.merge(slash < 0 ? path : path.substring(0, slash) + "/", 1, Integer::sum);
        }
        return new BoardSummary(
                side("Before the upgrade", bundle, BEFORE),
                side("After", bundle, AFTER),
                Files.isRegularFile(bundle.resolve(JOURNAL)) ? JournalView.read(bundle, JOURNAL) : null,
                perPart.entrySet().stream()
                        .map(e -> new Part(e.getKey(), e.getValue()))
                        .toList(),
                contents.sha256ByPath().size(),
                contents.sha256(),
                "grep -v '  " + EvidenceBundle.INDEX + "$' " + Manifest.FILE + " | sha256sum",
                Files.isRegularFile(bundle.resolve(AFTER_REPORT)) ? verifySide(bundle) : null,
                Files.isRegularFile(bundle.resolve(COMPARISON)) ? comparisonSide(bundle) : null,
                Files.isRegularFile(bundle.resolve(EvidenceBundle.LEFT_OUT))
                        ? Files.readAllLines(bundle.resolve(EvidenceBundle.LEFT_OUT))
                        : List.of(),
                DeploymentBoard.read(bundle));
    }

    static ComparisonSide comparisonSide(Path bundle) throws InputException {
        Path file = bundle.resolve(COMPARISON);
        try {
            JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
            if (!json.path("unexplained").isNumber() || !json.path("rows").isArray()) {
                throw new InputException(file.toString(), "not a comparison written by apim-upgrade compare");
            }
            List<Difference> differences = new ArrayList<>();
            json.path("rows").forEach(r -> {
                if (Comparison.Status.UNEXPLAINED.name().equals(r.path("status").asText())) {
                    differences.add(new Difference(
                            r.path("tenant").asText(),
                            r.path("item").asText(),
                            countText(r.path("before")),
                            countText(r.path("after")),
                            r.path("explanation").asText()));
                }
            });
            List<String> problems = new ArrayList<>();
            json.path("problems").forEach(p -> problems.add(p.asText()));
            return new ComparisonSide(
                    COMPARISON,
                    json.path("same").asLong(),
                    json.path("explained").asLong(),
                    json.path("unexplained").asLong(),
                    differences,
                    problems);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read the comparison: " + e.getMessage());
        }
    }

    /** A count as the page shows it: "absent" where the item is not on that side. */
    private static String countText(JsonNode count) {
        return count.isNumber() ? Long.toString(count.asLong()) : "absent";
    }

    static VerifySide verifySide(Path bundle) throws InputException {
        Path file = bundle.resolve(AFTER_REPORT);
        try {
            JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
            List<FailedCheck> failures = new ArrayList<>();
            json.path("checks").forEach(c -> {
                if (AfterReport.FAIL.equals(c.path("status").asText())) {
                    failures.add(new FailedCheck(
                            c.path("id").asText(),
                            c.path("title").asText(),
                            c.path("detail").asText()));
                }
            });
            if (!json.path("verdict").isTextual()) {
                throw new InputException(file.toString(), "not an after-report (no verdict)");
            }
            return new VerifySide(
                    AFTER_REPORT,
                    json.path("verdict").asText(),
                    json.path("passed").asInt(),
                    json.path("failed").asInt(),
                    json.path("unknown").asInt(),
                    failures);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read the after-report: " + e.getMessage());
        }
    }

    private static @Nullable AssessmentSide side(String label, Path bundle, String path)
            throws IOException, InputException {
        return Files.isRegularFile(bundle.resolve(path)) ? AssessmentSide.read(label, bundle, path) : null;
    }
}
