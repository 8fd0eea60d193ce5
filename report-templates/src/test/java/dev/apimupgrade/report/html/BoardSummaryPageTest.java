package dev.apimupgrade.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.report.AssessmentSide;
import dev.apimupgrade.report.BoardSummary;
import dev.apimupgrade.report.Coverage;
import dev.apimupgrade.report.JournalView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoardSummaryPageTest {
    private static final String HASH = "ab".repeat(32);

    private static Map<String, Integer> counts(int applies, int notApplicable, int unknown) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("APPLIES", applies);
        counts.put("NOT_APPLICABLE", notApplicable);
        counts.put("UNKNOWN", unknown);
        return counts;
    }

    private static final AssessmentSide BEFORE = new AssessmentSide(
            "Before the upgrade",
            "before/assessment.json",
            "NOT READY: 1 blocker",
            false,
            List.of(new AssessmentSide.Blocker("PRE-SERVER-RUNNING", "The <old> server is running")),
            counts(7, 30, 4),
            new Coverage(37, 2, 2),
            "apim-upgrade 0.1.0",
            "sha256:feedface");
    private static final AssessmentSide AFTER = new AssessmentSide(
            "After",
            "after/assessment.json",
            "READY",
            true,
            List.of(),
            counts(2, 39, 0),
            new Coverage(41, 0, 0),
            "apim-upgrade 0.1.0",
            "sha256:feedface");
    private static final JournalView JOURNAL =
            new JournalView("run/journal.jsonl", 9, 4, Map.of("DONE", 4, "STARTED", 4, "CONFIRMED", 1), 0);
    private static final List<BoardSummary.Part> PARTS = List.of(
            new BoardSummary.Part("after/", 3), new BoardSummary.Part("before/", 3), new BoardSummary.Part("run/", 5));

    /** verify's after-report that failed one check, with markup in its title. */
    private static final BoardSummary.VerifySide FAILED = new BoardSummary.VerifySide(
            BoardSummary.AFTER_REPORT,
            "FAIL",
            17,
            1,
            2,
            List.of(new BoardSummary.FailedCheck(
                    "SYNAPSE-PROTECTED", "Protected <synapse> files", "main.xml differs")));

    private static String page(
            AssessmentSide before, AssessmentSide after, JournalView journal, List<BoardSummary.Part> parts) {
        return page(before, after, journal, parts, null, null, List.of());
    }

    /** A single home's page (no deployment) of 11 files with the manifest hash and the command that recomputes it. */
    private static String page(
            AssessmentSide before,
            AssessmentSide after,
            JournalView journal,
            List<BoardSummary.Part> parts,
            BoardSummary.VerifySide verify,
            BoardSummary.ComparisonSide comparison,
            List<String> leftOut) {
        return HtmlReports.boardSummary(new BoardSummary(
                before,
                after,
                journal,
                parts,
                11,
                HASH,
                "grep -v '  index.html$' MANIFEST.sha256 | sha256sum",
                verify,
                comparison,
                leftOut,
                null));
    }

    private final String full = page(BEFORE, AFTER, JOURNAL, PARTS);

    @Test
    void bothVerdictsTheirBlockersCountsAndCoverageAreShown() {
        assertThat(full)
                .contains("NOT READY: 1 blocker")
                .contains(">READY<")
                .contains("<code>PRE-SERVER-RUNNING</code>")
                .contains("APPLIES 7, NOT_APPLICABLE 30, UNKNOWN 4")
                .contains("37 decided automatically, 2 need an answer, 2 open or manual")
                .contains("No blocker applies.");
        assertThat(full.indexOf("Before the upgrade")).isLessThan(full.indexOf("<h2>After</h2>"));
    }

    @Test
    void theToolRulePackJournalOutcomesAndManifestHashAreShown() {
        assertThat(full)
                .contains("by apim-upgrade 0.1.0, rule pack <code>sha256:feedface</code>")
                .contains("records 9 entries for 4 actions")
                .contains("<tr><td>CONFIRMED</td><td>1</td></tr>")
                .contains("<code class=\"manifest-hash\">" + HASH + "</code>")
                .contains("grep -v &#39;  index.html$&#39; MANIFEST.sha256 | sha256sum");
    }

    @Test
    void valuesFromTheBundleAreEscaped() {
        assertThat(full).contains("The &lt;old&gt; server is running").doesNotContain("<old>");
    }

    @Test
    void thePageHasNoExternalReferenceOnlyLinksToItsOwnParts() {
        Matcher refs = Pattern.compile("(?i)\\b(href|src)\\s*=\\s*\"([^\"]*)\"").matcher(full);
        List<String> targets = new ArrayList<>();
        while (refs.find()) {
            targets.add(refs.group(2));
        }
        assertThat(targets).containsExactly("after/", "before/", "run/");
    }

    @Test
    void thePageHasPrintStylesForOnePaperPage() {
        assertThat(full).contains("@media print").contains("@page { size: A4;");
    }

    @Test
    void aBundleWithoutAfterOrJournalSaysWhatItLacksInsteadOfShowingEmptyFigures() {
        String html = page(BEFORE, null, null, List.of(new BoardSummary.Part("before/", 3)));

        assertThat(html)
                .contains("The bundle holds neither an assessment nor an after-report (verify) after the upgrade.")
                .contains("The bundle holds no run journal")
                .doesNotContain("records ");
    }

    @Test
    void anEmptyBundleRendersAndSaysNothingWasBundled() {
        String html = page(null, null, null, List.of());

        assertThat(html)
                .contains("The bundle holds no assessment before the upgrade.")
                .contains("No output was bundled.");
    }

    @Test
    void theAfterReportsVerdictItsFailedChecksAndTheOperatorsConfirmationsAreShownEscaped() {
        JournalView journal = new JournalView(
                "run/journal.jsonl",
                9,
                4,
                Map.of("confirmed", 1),
                0,
                List.of(new JournalView.Confirmation(
                        "FIN-RESTART/start-3.1.0", "2026-11-25T10:00:09Z", "answers.yaml:4 <x>")));

        String html = page(
                BEFORE,
                AFTER,
                journal,
                PARTS,
                FAILED,
                null,
                List.of("run/backup (3 files): copies of the <installation>"));

        assertThat(html)
                .contains("id=\"verify\"")
                .contains("FAIL: 17 passed, 1 failed, 2 unknown")
                .contains("<code>SYNAPSE-PROTECTED</code> Protected &lt;synapse&gt; files: main.xml differs")
                .contains("Operator confirmations (1)")
                .contains(
                        "<code>FIN-RESTART/start-3.1.0</code></td><td>2026-11-25T10:00:09Z</td><td>answers.yaml:4 &lt;x&gt;</td>")
                .contains("Left out of the bundle")
                .contains("<li>run/backup (3 files): copies of the &lt;installation&gt;</li>");
        assertThat(full).doesNotContain("Left out of the bundle");
        assertThat(full)
                .contains("The bundle holds no after-report")
                .contains("The journal records no operator confirmation.");
    }

    @Test
    void withVerifysOutputAsTheAfterPartTheAfterSideShowsVerifysFailVerdictAndFailedChecksNotAnAbsentAssessment() {
        String html = page(BEFORE, null, JOURNAL, PARTS, FAILED, null, List.of());

        String after =
                html.substring(html.indexOf("class=\"side blocked\" id=\"after\""), html.indexOf("id=\"verify\""));
        assertThat(after)
                .contains("<h2>After (verify)</h2>")
                .contains(">FAIL<")
                .contains("17 passed, 1 failed, 2 unknown")
                .contains("<code>SYNAPSE-PROTECTED</code> Protected &lt;synapse&gt; files");
        assertThat(html).doesNotContain("holds no assessment after the upgrade").doesNotContain("holds neither");
    }

    @Test
    void theComparisonsCountsAndEveryUnexplainedDifferenceAreShownEscapedAndItsAbsenceIsSaid() {
        BoardSummary.ComparisonSide comparison = new BoardSummary.ComparisonSide(
                BoardSummary.COMPARISON,
                20,
                2,
                2,
                List.of(
                        new BoardSummary.Difference("carbon.super", "apis", "7", "6", "count <dropped> by 1"),
                        new BoardSummary.Difference("t1.example", "scopes", "absent", "3", "only after")),
                List.of("after: AM_DB <unreachable>"));

        String html = page(BEFORE, AFTER, null, PARTS, null, comparison, List.of());

        assertThat(html)
                .contains("id=\"comparison\"")
                .contains("20 the same, 2 explained by the run, 2 unexplained")
                .contains("<td>carbon.super</td><td>apis</td><td>7</td><td>6</td><td>count &lt;dropped&gt; by 1</td>")
                .contains("<td>t1.example</td><td>scopes</td><td>absent</td><td>3</td>")
                .contains("<li>after: AM_DB &lt;unreachable&gt;</li>")
                .contains("href=\"comparison/comparison.html\"");
        assertThat(full)
                .contains("The bundle holds no before/after comparison: give compare's output folder as --comparison.");
    }
}
