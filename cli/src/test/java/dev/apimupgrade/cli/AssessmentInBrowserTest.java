package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The assessment HTML opened in a real browser (headless Chromium): it loads with no console message, shows its
 * sections, renders to a non-blank screenshot and prints to PDF. Skips without Chromium, except under CI=true.
 */
class AssessmentInBrowserTest {

    @TempDir
    static Path tmp;

    static Path html;

    @BeforeAll
    static void assessTheCustomSample() {
        HeadlessChromium.requireInstalled();
        CliRun run = CliRun.withEnvironment(
                AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT,
                "assess",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--today",
                "2026-11-25");
        // without --old-analytics the analytics key blockers are undecided: the page shows that verdict
        assertThat(run.code()).isEqualTo(ExitCode.UNDECIDED);
        html = tmp.resolve("out/assessment.html");
    }

    @Test
    void theAssessmentLoadsWithoutAnyConsoleMessageAndShowsItsSections() throws Exception {
        HeadlessChromium.Result result =
                HeadlessChromium.run(tmp, "--dump-dom", html.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout())
                .contains("id=\"blockers\"")
                .contains("id=\"warnings\"")
                .contains("KEY-CERT-EXPIRY")
                .contains("REG-VERSIONING-ENABLED")
                .contains("Not applicable");
    }

    @Test
    void theAssessmentRendersToANonBlankScreenshot() throws Exception {
        PageChecks.assertRendersNonBlank(tmp, html, 1280, 2000);
    }

    @Test
    void theAssessmentPrintsToPdf() throws Exception {
        byte[] bytes = Files.readAllBytes(PageChecks.printedPdf(tmp, html));
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(20_000);
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1024, 768", "1440, 900", "2560, 1440"})
    void noTableCellIsNarrowerThanItsLongestWordAndTheVerdictIsOnTheFirstScreen(int width, int height)
            throws Exception {
        PageChecks.assertReadableOnScreen(tmp, html, width, height);
    }

    @Test
    void printsPageByPageWithTheVerdictOnPageOneAndNothingCut() throws Exception {
        PageChecks.assertPrintsPageByPage(tmp, html, PageChecks.measure(tmp, html, 1024, 768));
    }
}
