package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The evidence bundle's board summary (index.html) opened in headless Chromium: it loads with no console message,
 * shows its sections, renders to a non-blank screenshot and prints to a one-page PDF. Skips without Chromium, except
 * under CI=true. The bundle holds a real assess of the custom sample, and a second assess stands in for the after-report.
 */
class BoardSummaryInBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    static Path tmp;
    static Path index;

    @BeforeAll
    static void bundleAnAssessOfTheCustomSampleWithASecondAssessAsAfter() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no Chromium at " + CHROMIUM + " (.ci/run installs it)");
            }
            Assumptions.abort("Chromium not installed at " + CHROMIUM + ": browser checks skipped (apt-get install chromium)");
        }
        EvidenceEndToEndTest.assess(tmp.resolve("before"));
        EvidenceEndToEndTest.assess(tmp.resolve("after"));
        CliRun build = CliRun.of("evidence", "--before", tmp.resolve("before").toString(),
                "--after", tmp.resolve("after").toString(), "--out", tmp.resolve("bundle").toString());
        assertThat(build.code()).as(build.err()).isZero();
        index = tmp.resolve("bundle/index.html");
    }

    @Test
    void theBoardSummaryLoadsWithoutAnyConsoleMessageAndShowsItsSections() throws Exception {
        Browser result = chromium("--dump-dom", index.toUri().toString());

        assertThat(result.consoleLines()).as("console messages").isEmpty();
        assertThat(result.stdout()).contains("id=\"before-the-upgrade\"").contains("id=\"after\"")
                .contains("id=\"what-ran\"").contains("id=\"contents\"").contains("class=\"manifest-hash\"");
    }

    @Test
    void theBoardSummaryRendersToANonBlankScreenshot() throws Exception {
        Path png = tmp.resolve("board.png");
        chromium("--window-size=1280,1000", "--screenshot=" + png, index.toUri().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(20);
    }

    @Test
    void theBoardSummaryPrintsToAOnePagePdf() throws Exception {
        Path pdf = tmp.resolve("board.pdf");
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, index.toUri().toString());

        byte[] bytes = Files.readAllBytes(pdf);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        assertThat(text).containsPattern("/Type\\s*/Pages\\b[^>]*/Count 1\\b");
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
