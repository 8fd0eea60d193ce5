package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * compare's comparison.html opened in a real browser (headless Chromium): the default sample against the untouched
 * 3.1.0 home, so it has same, explained and unexplained rows. It loads with no console message, shows the counts
 * and the rows, and renders to a non-blank screenshot. Skips without Chromium, except under CI=true.
 */
class ComparisonInBrowserTest {

    @TempDir
    static Path tmp;

    static Path html;

    @BeforeAll
    static void compareTheDefaultSampleWithTheUntouchedTarget() throws Exception {
        HeadlessChromium.requireInstalled();
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        CliRun run = CliRun.of(
                "compare",
                "--old",
                homes.oldHome().toString(),
                "--new",
                homes.newHome().toString(),
                "--out",
                tmp.resolve("out").toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCode.BLOCKERS);
        html = tmp.resolve("out/comparison.html");
    }

    @Test
    void theComparisonLoadsWithoutAnyConsoleMessageAndShowsItsCountsAndRows() throws Exception {
        HeadlessChromium.Result result =
                HeadlessChromium.run(tmp, "--dump-dom", html.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout())
                .contains("id=\"comparison\"")
                .contains("class=\"comparison-counts\"")
                .contains("class=\"comparison-rows\"")
                .contains("class=\"unexplained\"")
                .contains("class=\"same\"");
    }

    @Test
    void theComparisonRendersToANonBlankScreenshot() throws Exception {
        PageChecks.assertRendersNonBlank(tmp, html, 1280, 1600);
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
