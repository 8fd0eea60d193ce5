package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a terminal standard output and standard error share one screen: progress lines, log lines and results must
 * come in the order the tool wrote them, each on its own line (OrderedConsole). The run is a child JVM on a
 * pseudo-terminal (script(1)), so the progress display is on, with both streams merged into one as a person sees them.
 */
class ConsoleOrderTest {
    private static final java.util.regex.Pattern PROGRESS =
            java.util.regex.Pattern.compile("\\d+/\\d+ (files|statements)");

    @TempDir
    Path tmp;

    @Test
    void onATerminalProgressLogLinesAndResultsEachStartTheirOwnLineAndResultsComeAfterTheProgress() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(homes.migrateArgs(tmp.resolve("run"), "--verbose"));
        Path screen = tmp.resolve("screen.txt");
        String shell =
                String.join(" ", command.stream().map(ConsoleOrderTest::quoted).toList());
        Process p = new ProcessBuilder("script", "-qec", shell, "/dev/null")
                .redirectErrorStream(true)
                .redirectOutput(screen.toFile())
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("the run ended").isTrue();

        // the terminal ends each line with CR LF; a CR alone is the progress line rewritten in place
        List<String> lines =
                List.of(Files.readString(screen).replace("\r\n", "\n").split("\n"));
        assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(ExitCode.READY);
        int lastProgress = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (PROGRESS.matcher(lines.get(i)).find()) {
                lastProgress = i;
            }
        }
        assertThat(lastProgress)
                .as("the progress display was on: the test proves nothing without it")
                .isPositive();
        assertThat(lines)
                .as("a log line starts its own line, never after a progress line left open")
                .filteredOn(l -> l.contains("debug "))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("debug "));
        int done = lines.indexOf("Every step of the plan is done. Journal and backups: " + tmp.resolve("run"));
        assertThat(done).as("the result line, whole on its own line").isGreaterThan(lastProgress);
        assertThat(lines)
                .as("a step's result line is never on a progress line")
                .filteredOn(l -> l.endsWith(": done"))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotContain("\r").doesNotContainPattern(PROGRESS));
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
