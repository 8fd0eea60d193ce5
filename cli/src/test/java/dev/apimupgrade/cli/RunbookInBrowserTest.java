package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runbook HTML opened in a real browser (headless Chromium): it loads with no console message, shows the
 * sections and a checkbox per step, and prints to PDF (it is meant to be printed). Skips without Chromium, except
 * under CI=true.
 */
class RunbookInBrowserTest {

    @TempDir
    static Path tmp;

    static Path html;

    @BeforeAll
    static void planTheCustomSample() {
        HeadlessChromium.requireInstalled();
        CliRun run = CliRun.withEnvironment(
                AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT,
                "plan",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--today",
                "2026-11-25");
        assertThat(run.err()).isEmpty();
        html = tmp.resolve("out/runbook.html");
    }

    @Test
    void theRunbookLoadsWithoutAnyConsoleMessageAndShowsItsSectionsAndCheckboxes() throws Exception {
        HeadlessChromium.Result result =
                HeadlessChromium.run(tmp, "--dump-dom", html.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout())
                .contains("id=\"setup\"")
                .contains("id=\"before\"")
                .contains("id=\"step-1\"")
                .contains("id=\"left-out\"")
                .contains("type=\"checkbox\"")
                .contains("Done when:");
    }

    @Test
    void theRunbookPrintsToPdf() throws Exception {
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

    @Test
    void aTickedStepStaysTickedInTheSameBrowserForTheSamePlanOnly() throws Exception {
        String page = Files.readString(html);
        Matcher plan = Pattern.compile("<body data-plan=\"([^\"]+)\">").matcher(page);
        assertThat(plan.find()).as("the runbook names its plan").isTrue();
        Matcher firstStep = Pattern.compile("<input type=\"checkbox\" data-step=\"([^\"]+)\">")
                .matcher(page.substring(page.indexOf("id=\"step-1\"")));
        assertThat(firstStep.find()).isTrue();
        String step = firstStep.group(1);
        Path profile = Files.createTempDirectory(tmp, "operator-browser");

        HeadlessChromium.runWithProfile(
                tmp,
                profile,
                "--dump-dom",
                withScript(html, "tick", "document.querySelector('input[data-step=\"" + step + "\"]').click();")
                        .toUri()
                        .toString());

        assertThat(ticked(profile, html, "reopened"))
                .as("ticked after reopening the runbook")
                .containsExactly(step);
        Path otherPlan = html.resolveSibling("other-plan-runbook.html");
        Files.writeString(otherPlan, page.replace(plan.group(0), "<body data-plan=\"sha256:another-plan\">"));
        assertThat(ticked(profile, otherPlan, "other"))
                .as("ticked in another plan's runbook")
                .isEmpty();
        assertThat(ticked(Files.createTempDirectory(tmp, "other-browser"), html, "elsewhere"))
                .as("ticked in another browser")
                .isEmpty();
    }

    /** The data-step of every ticked box once the page has loaded in the given browser profile. */
    private static List<String> ticked(Path profile, Path page, String name) throws Exception {
        Path reader = withScript(
                page,
                name,
                "var p = document.createElement('pre'); p.id = 'ticked';"
                        + " p.textContent = Array.from(document.querySelectorAll('input[data-step]'))"
                        + ".filter(function (b) { return b.checked; }).map(function (b) { return b.dataset.step; }).join(' ');"
                        + " document.body.appendChild(p);");
        String dom = HeadlessChromium.runWithProfile(
                        tmp, profile, "--dump-dom", reader.toUri().toString())
                .stdout();
        Matcher m = Pattern.compile("<pre id=\"ticked\">([^<]*)</pre>").matcher(dom);
        assertThat(m.find()).isTrue();
        return m.group(1).isBlank() ? List.of() : List.of(m.group(1).trim().split(" "));
    }

    /** A copy of the page beside it with a script run after the page's own. */
    private static Path withScript(Path page, String name, String script) throws Exception {
        Path copy = page.resolveSibling(name + "-" + page.getFileName());
        Files.writeString(copy, Files.readString(page).replace("</body>", "<script>" + script + "</script></body>"));
        return copy;
    }
}
