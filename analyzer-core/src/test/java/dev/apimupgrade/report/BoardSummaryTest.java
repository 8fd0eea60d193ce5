package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardSummaryTest {
    private static final String READY_AFTER = """
            {"tool": {"name": "apim-upgrade", "version": "0.2.0", "rulePackHash": "sha256:cafe"},
             "summary": {"verdict": "READY", "ready": true, "blockers": 0, "warnings": 0,
                         "counts": {"APPLIES": 1, "NOT_APPLICABLE": 40, "UNKNOWN": 0},
                         "coverage": {"automatic": 41, "needAnswer": 0, "open": 0}},
             "conditions": [{"id": "CFG-DB-APIM", "status": "APPLIES", "severity": "INFO", "title": "apim_db"}]}
            """;

    @TempDir
    Path bundle;

    private void write(String path, String text) throws IOException {
        Files.createDirectories(bundle.resolve(path).getParent());
        Files.writeString(bundle.resolve(path), text);
    }

    private BoardSummary read() throws Exception {
        return BoardSummary.read(bundle, Manifest.ofTree(bundle));
    }

    @Test
    void theBeforeSideShowsTheVerdictBlockersCountsCoverageAndVersionsOfTheBundledAssessment() throws Exception {
        write(BoardSummary.BEFORE, AssessmentJson.toJson(SampleAssessment.report()));

        AssessmentSide before = read().before();

        assertThat(before.verdict())
                .isEqualTo(SampleAssessment.report().summary().verdict())
                .startsWith("NOT READY: 2 blockers");
        assertThat(before.ready()).isFalse();
        assertThat(before.blockers())
                .extracting(AssessmentSide.Blocker::id)
                .containsExactly("PRE-SERVER-RUNNING", "DB-AM-SYSAPPS-CONSTRAINT");
        assertThat(before.counts())
                .isEqualTo(SampleAssessment.report().summary().counts());
        assertThat(before.coverage())
                .isEqualTo(SampleAssessment.report().summary().coverage());
        assertThat(before.tool()).isEqualTo("apim-upgrade 0.1.0-test");
        assertThat(before.rulePack()).isEqualTo("sha256:feedface");
    }

    @Test
    void anAfterAssessmentAndAJournalAreSummarisedWhenTheBundleHasThem() throws Exception {
        write(BoardSummary.BEFORE, AssessmentJson.toJson(SampleAssessment.report()));
        write(BoardSummary.AFTER, READY_AFTER);
        write(BoardSummary.JOURNAL, """
                {"action": "REG-VERSIONING-ENABLED/run-cleanup", "outcome": "STARTED", "at": "2026-11-25T10:00:00Z"}
                {"action": "REG-VERSIONING-ENABLED/run-cleanup", "outcome": "DONE", "at": "2026-11-25T10:00:09Z"}
                {"actionId": "CFG-DB-APIM/set", "status": "DONE"}

                {"id": "KEY-COPY/manual", "event": "CONFIRMED", "operator": "jdoe"}
                not json at all
                """);

        BoardSummary summary = read();

        assertThat(summary.after().verdict()).isEqualTo("READY");
        assertThat(summary.after().blockers()).isEmpty();
        assertThat(summary.journal().entries()).isEqualTo(5);
        assertThat(summary.journal().actions()).isEqualTo(3);
        assertThat(summary.journal().outcomes())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("CONFIRMED", 1, "DONE", 2, "STARTED", 1)));
        assertThat(summary.journal().unreadable()).isEqualTo(1);
    }

    @Test
    void anAbsentAfterOrJournalIsShownAsAbsentNotInvented() throws Exception {
        write(BoardSummary.BEFORE, AssessmentJson.toJson(SampleAssessment.report()));
        write("plan/plan.json", "{}");

        BoardSummary summary = read();

        assertThat(summary.after()).isNull();
        assertThat(summary.journal()).isNull();
        assertThat(summary.parts())
                .containsExactly(new BoardSummary.Part("before/", 1), new BoardSummary.Part("plan/", 1));
    }

    @Test
    void anEmptyBundleHasNoSidesNoPartsAndTheHashOfAnEmptyManifest() throws Exception {
        BoardSummary summary = read();

        assertThat(summary.before()).isNull();
        assertThat(summary.parts()).isEmpty();
        assertThat(summary.files()).isZero();
        assertThat(summary.manifestSha256()).isEqualTo(Manifest.sha256(new byte[0]));
    }

    @Test
    void theManifestHashIsTheHashOfTheContentsManifestText() throws Exception {
        write(BoardSummary.AFTER, READY_AFTER);
        Manifest contents = Manifest.ofTree(bundle);

        assertThat(BoardSummary.read(bundle, contents).manifestSha256())
                .isEqualTo(Manifest.sha256(contents.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aBeforeFileThatIsNoAssessmentIsBadInputNamingIt() throws Exception {
        write(BoardSummary.BEFORE, "{\"plan\": []}");

        assertThatThrownBy(this::read)
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.describe())
                                .contains(BoardSummary.BEFORE)
                                .contains("not an assessment.json"));
    }
}
