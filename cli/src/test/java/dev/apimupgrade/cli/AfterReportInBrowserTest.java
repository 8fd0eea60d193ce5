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
 * verify's after-report.html opened in a real browser (headless Chromium): it loads with no console message, shows
 * the verdict, the planned actions and the 3.1.0 state with DB-AM-SCHEMA's differences (the untouched sample's
 * WSO2AM_DB read from its H2 file lacks the 3.1.0 tables), and renders to a non-blank screenshot. Skips without
 * Chromium, except under CI=true.
 */
class AfterReportInBrowserTest {

    @TempDir
    static Path tmp;

    static Path html;

    @BeforeAll
    static void verifyTheUntouchedTargetAgainstTheDefaultSamplesPlan() throws Exception {
        HeadlessChromium.requireInstalled();
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"));
        CliRun run = CliRun.of(VerifyDefaultSampleTest.verifyArgs(
                        homes, tmp.resolve("out"), "--plan", homes.planFile().toString())
                .toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.BLOCKERS);
        html = tmp.resolve("out/after-report.html");
    }

    @Test
    void theAfterReportLoadsWithoutAnyConsoleMessageAndShowsItsSections() throws Exception {
        HeadlessChromium.Result result =
                HeadlessChromium.run(tmp, "--dump-dom", html.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout())
                .contains("id=\"verdict\"")
                .contains("id=\"plan\"")
                .contains("id=\"state\"")
                .contains("id=\"check-SYNAPSE-PROTECTED\"")
                .contains("class=\"fail\"")
                .contains("id=\"check-DB-AM-SCHEMA\"")
                .contains("id=\"differences-DB-AM-SCHEMA\"")
                .contains("missing table (unexpected)")
                .contains("db:<wbr>apim_db/<wbr>AM_USER");
    }

    @Test
    void theAfterReportRendersToANonBlankScreenshot() throws Exception {
        PageChecks.assertRendersNonBlank(tmp, html, 1280, 2000);
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
