package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.testkit.SkipOrFail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium run headless on a local page, with the flags this machine's closed network needs; the browser
 * tests skip without it, except under CI=true, where .ci/run installs it and its absence is a failure.
 */
final class HeadlessChromium {
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    /** What one run printed: the page (for --dump-dom) and the console messages the page logged. */
    record Result(String stdout, List<String> consoleLines) {}

    private HeadlessChromium() {}

    static void requireInstalled() {
        SkipOrFail.unless(
                Files.isExecutable(EXECUTABLE),
                "Chromium is not installed at " + EXECUTABLE + " (apt-get install chromium; .ci/run installs it)");
    }

    /**
     * Takes a screenshot of a local page at the given width and height; returns how many distinct colours a grid of
     * every 7th pixel holds (a blank or failed page has a handful) and the image's width.
     */
    static Screenshot screenshot(Path workDir, Path page, int width, int height)
            throws IOException, InterruptedException {
        Path png = Files.createTempFile(workDir, "screenshot", ".png");
        run(
                workDir,
                "--window-size=" + width + "," + height,
                "--screenshot=" + png,
                page.toUri().toString());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return new Screenshot(image.getWidth(), colours.size());
    }

    record Screenshot(int width, int distinctColours) {}

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return runWithProfile(workDir, Files.createTempDirectory(workDir, "profile"), args);
    }

    /** A run in the given browser profile: a later run in the same profile sees what the page stored (localStorage). */
    static Result runWithProfile(Path workDir, Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                EXECUTABLE.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue())
                .as("chromium exit code; stderr: %s", Files.readString(err))
                .isZero();
        List<String> console = Files.readAllLines(err).stream()
                .filter(l -> l.contains(":CONSOLE"))
                .toList();
        return new Result(Files.readString(out), console);
    }
}
