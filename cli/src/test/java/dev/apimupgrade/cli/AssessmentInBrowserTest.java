package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assessment HTML opened in a real browser (headless Chromium): it loads with no console message, shows its
 * sections, renders to a non-blank screenshot and prints to PDF. Skips without Chromium, except under CI=true.
 */
class AssessmentInBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    static Path tmp;
    static Path html;

    @BeforeAll
    static void assessTheCustomSample() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no Chromium at " + CHROMIUM + " (.ci/run installs it)");
            }
            Assumptions.abort("Chromium not installed at " + CHROMIUM + ": browser checks skipped (apt-get install chromium)");
        }
        CliRun run = CliRun.withEnvironment(AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT, "assess", "--old",
                Samples.home(Samples.CUSTOM).toString(), "--new", Samples.home(Samples.TARGET).toString(),
                "--out", tmp.resolve("out").toString(), "--today", "2026-11-25");
        assertThat(run.code()).isZero();
        html = tmp.resolve("out/assessment.html");
    }

    @Test
    void theAssessmentLoadsWithoutAnyConsoleMessageAndShowsItsSections() throws Exception {
        Browser result = chromium("--dump-dom", html.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout()).contains("id=\"blockers\"").contains("id=\"warnings\"")
                .contains("KEY-CERT-EXPIRY").contains("REG-VERSIONING-ENABLED").contains("Not applicable");
    }

    @Test
    void theAssessmentRendersToANonBlankScreenshot() throws Exception {
        Path png = tmp.resolve("assessment.png");
        chromium("--window-size=1280,2000", "--screenshot=" + png, html.toUri().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(20);
    }

    @Test
    void theAssessmentPrintsToPdf() throws Exception {
        Path pdf = tmp.resolve("assessment.pdf");
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString());

        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(20_000);
    }

    private record Browser(String stdout, List<String> consoleLines) {
    }

    private static Browser chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "stdout", ".txt");
        Path err = Files.createTempFile(tmp, "stderr", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", Files.readString(err)).isZero();
        List<String> console = Files.readAllLines(err).stream().filter(l -> l.contains(":CONSOLE")).toList();
        return new Browser(Files.readString(out), console);
    }
}
