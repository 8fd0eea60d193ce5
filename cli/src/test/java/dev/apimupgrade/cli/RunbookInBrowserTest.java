package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        CliRun run = CliRun.withEnvironment(AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT, "plan", "--old",
                Samples.home(Samples.CUSTOM).toString(), "--new", Samples.home(Samples.TARGET).toString(),
                "--out", tmp.resolve("out").toString(), "--today", "2026-11-25");
        assertThat(run.err()).isEmpty();
        html = tmp.resolve("out/runbook.html");
    }

    @Test
    void theRunbookLoadsWithoutAnyConsoleMessageAndShowsItsSectionsAndCheckboxes() throws Exception {
        HeadlessChromium.Result result = HeadlessChromium.run(tmp, "--dump-dom", html.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout()).contains("id=\"setup\"").contains("id=\"before\"").contains("id=\"step-1\"")
                .contains("id=\"left-out\"").contains("type=\"checkbox\"").contains("Done when:");
    }

    @Test
    void theRunbookPrintsToPdf() throws Exception {
        Path pdf = tmp.resolve("runbook.pdf");
        HeadlessChromium.run(tmp, "--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString());

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(20_000);
    }
}
