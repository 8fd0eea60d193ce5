package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apimupgrade.rules.DroolsRuleEngine;
import dev.apimupgrade.samples.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives Maven builds in the package phase (run in the integration-test phase, after them): both hold
 * the same files, unpacked into an empty folder the launcher assesses a sample with nothing but a JDK on the PATH, and
 * the Windows launcher runs the same command line as the POSIX one.
 */
class ReleaseArchiveTest {
    private static final String BASE = System.getProperty("apim.release.archive", "");
    private static String top;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void archivesWereBuilt() {
        // surefire's default run comes before package; the integration-test run sets where the archives are
        assumeTrue(!BASE.isEmpty(), "runs in the integration-test phase, after package built the archives");
        top = Path.of(BASE).getFileName().toString() + "/";
    }

    private static List<String> zipEntries() throws IOException {
        try (ZipFile zip = new ZipFile(BASE + ".zip")) {
            return zip.stream()
                    .filter(e -> !e.isDirectory())
                    .map(e -> e.getName())
                    .sorted()
                    .toList();
        }
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private record Result(int code, String out) {}

    @Test
    void theZipAndTheTarballHoldTheJarBothLaunchersDocsSchemasCompletionAndManPages() throws Exception {
        List<String> zip = zipEntries();
        Result tar = run(tmp, Map.of("PATH", System.getenv("PATH")), "tar", "-tzf", BASE + ".tar.gz");
        List<String> tarred =
                new ArrayList<>(tar.out().lines().filter(l -> !l.endsWith("/")).toList());
        Collections.sort(tarred);

        assertThat(tarred).isEqualTo(zip);
        assertThat(zip)
                .contains(
                        top + "lib/apim-upgrade.jar",
                        top + "bin/apim-upgrade",
                        top + "bin/apim-upgrade.bat",
                        top + "README.md",
                        top + "docs/schema/assessment.schema.json",
                        top + "docs/schema/plan.schema.json",
                        top + "completion/apim-upgrade_completion",
                        top + "man/man1/apim-upgrade.1",
                        top + "man/man1/apim-upgrade-assess.1",
                        top + "man/man1/apim-upgrade-migrate.1");
        assertThat(zip.stream().filter(e -> e.startsWith(top + "docs/schema/")).count())
                .isEqualTo(OutputSchemas.NAMES.size());
    }

    @Test
    void unpackedIntoAnEmptyFolderItAssessesASampleWithOnlyAJdkOnThePath() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("install"));
        assertThat(run(empty, Map.of("PATH", System.getenv("PATH")), "tar", "-xzf", BASE + ".tar.gz")
                        .code())
                .isZero();
        Path home = empty.resolve(top);
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Map<String, String> onlyJdk = Map.of("PATH", java.getParent().toString());
        Path out = tmp.resolve("assessment");

        Result assessed = run(
                empty,
                onlyJdk,
                home.resolve("bin/apim-upgrade").toString(),
                "assess",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--no-db",
                "--out",
                out.toString());

        assertThat(assessed.code()).as(assessed.out()).isEqualTo(ExitCode.UNDECIDED);
        assertThat(assessed.out()).contains("Reports written to " + out.resolve("assessment.html"));
        assertThat(OutputSchemas.problemsUnder(out)).isEmpty();

        Result version = run(empty, onlyJdk, home.resolve("bin/apim-upgrade").toString(), "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out())
                .contains("apim-upgrade " + top.substring("apim-upgrade-".length(), top.length() - 1))
                .containsPattern("commit [0-9a-f]{40}\\n")
                .contains("rule pack " + DroolsRuleEngine.hashRulePack());
    }

    @Test
    void theWindowsLauncherRunsTheSameCommandLineAsThePosixOne() throws Exception {
        String sh;
        String bat;
        try (ZipFile zip = new ZipFile(BASE + ".zip")) {
            sh = new String(
                    zip.getInputStream(zip.getEntry(top + "bin/apim-upgrade")).readAllBytes(), StandardCharsets.UTF_8);
            bat = new String(
                    zip.getInputStream(zip.getEntry(top + "bin/apim-upgrade.bat"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertThat(bat).contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(sh).doesNotContain("\r");

        assertThat(javaLine(bat, "\"%JAVA%\""))
                .isEqualTo(javaLine(sh, "exec \"$java\""))
                .startsWith("JAVA -XX:")
                .endsWith(" -jar HOME/lib/apim-upgrade.jar ARGS");
        assertThat(bat)
                .contains("if defined JAVA_HOME (set \"JAVA=%JAVA_HOME%\\bin\\java.exe\") else (set \"JAVA=java\")");
        assertThat(sh).contains("if [ -n \"${JAVA_HOME:-}\" ]; then java=\"$JAVA_HOME/bin/java\"; else java=java; fi");
        assertThat(bat).contains("exit /b %ERRORLEVEL%");
    }

    /** The launcher's java line with each platform's spelling of the same thing replaced by one word. */
    private static String javaLine(String script, String start) {
        String line =
                script.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
        return line.replace("exec \"$java\"", "JAVA")
                .replace("\"%JAVA%\"", "JAVA")
                .replace("$APIM_UPGRADE_JAVA_OPTS", "OPTS")
                .replace("%APIM_UPGRADE_JAVA_OPTS%", "OPTS")
                .replace("\"$here/lib/apim-upgrade.jar\"", "HOME/lib/apim-upgrade.jar")
                .replace("\"%HERE%\\lib\\apim-upgrade.jar\"", "HOME/lib/apim-upgrade.jar")
                .replace("\"$@\"", "ARGS")
                .replace("%*", "ARGS");
    }
}
