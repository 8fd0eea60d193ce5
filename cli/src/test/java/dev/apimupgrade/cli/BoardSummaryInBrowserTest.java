package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evidence bundle's board summary (index.html) opened in headless Chromium: it loads with no console message,
 * shows its sections, renders to a non-blank screenshot and prints to a one-page PDF. Skips without Chromium, except
 * under CI=true. The bundle holds a real assess of the custom sample, and a second assess stands in for the after-report.
 */
class BoardSummaryInBrowserTest {

    @TempDir
    static Path tmp;

    static Path index;

    @BeforeAll
    static void bundleAnAssessOfTheCustomSampleWithASecondAssessAsAfter() {
        HeadlessChromium.requireInstalled();
        EvidenceEndToEndTest.assess(tmp.resolve("before"));
        EvidenceEndToEndTest.assess(tmp.resolve("after"));
        CliRun build = CliRun.of(
                "evidence",
                "--before",
                tmp.resolve("before").toString(),
                "--after",
                tmp.resolve("after").toString(),
                "--out",
                tmp.resolve("bundle").toString());
        assertThat(build.code()).as(build.err()).isZero();
        index = tmp.resolve("bundle/index.html");
    }

    @Test
    void theBoardSummaryLoadsWithoutAnyConsoleMessageAndShowsItsSections() throws Exception {
        HeadlessChromium.Result result =
                HeadlessChromium.run(tmp, "--dump-dom", index.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout())
                .contains("id=\"before-the-upgrade\"")
                .contains("id=\"after\"")
                .contains("id=\"what-ran\"")
                .contains("id=\"contents\"")
                .contains("class=\"manifest-hash\"");
    }

    @Test
    void theBoardSummaryRendersToANonBlankScreenshot() throws Exception {
        PageChecks.assertRendersNonBlank(tmp, index, 1280, 1000);
    }

    @Test
    void theBoardSummaryPrintsToAOnePagePdf() throws Exception {
        byte[] bytes = Files.readAllBytes(PageChecks.printedPdf(tmp, index));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        assertThat(text).containsPattern("/Type\\s*/Pages\\b[^>]*/Count 1\\b");
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1024, 768", "1440, 900", "2560, 1440"})
    void noTableCellIsNarrowerThanItsLongestWordAndTheVerdictIsOnTheFirstScreen(int width, int height)
            throws Exception {
        PageChecks.assertReadableOnScreen(tmp, index, width, height);
    }

    @Test
    void printsPageByPageWithTheVerdictOnPageOneAndNothingCut() throws Exception {
        PageChecks.assertPrintsPageByPage(tmp, index, PageChecks.measure(tmp, index, 1024, 768));
    }
}
