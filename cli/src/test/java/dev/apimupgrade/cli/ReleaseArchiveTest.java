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

        try (var lib = Files.list(home.resolve("lib"))) {
            // without mv on the PATH the launcher makes no AppCDS archive, and leaves nothing behind trying
            assertThat(lib.map(p -> p.getFileName().toString())).containsExactly("apim-upgrade.jar");
        }

        Result version = run(empty, onlyJdk, home.resolve("bin/apim-upgrade").toString(), "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out())
                .contains("apim-upgrade " + top.substring("apim-upgrade-".length(), top.length() - 1))
                .containsPattern("commit [0-9a-f]{40}\\n")
                .contains("rule pack " + DroolsRuleEngine.hashRulePack());
    }

    @Test
    void aPipelineCommandMakesTheAppCdsArchiveNextToTheJarAndTheNextRunMapsIt() throws Exception {
        Path installed = Files.createDirectory(tmp.resolve("with-archive"));
        Map<String, String> path = Map.of("PATH", System.getenv("PATH"));
        assertThat(run(installed, path, "tar", "-xzf", BASE + ".tar.gz").code()).isZero();
        Path home = installed.resolve(top);
        Path launcher = home.resolve("bin/apim-upgrade");
        Path archive = home.resolve("lib/apim-upgrade.jsa");

        assertThat(run(installed, path, launcher.toString(), "--version").code())
                .isZero();
        assertThat(archive)
                .as("--version runs no pipeline: an archive of it would miss most classes")
                .doesNotExist();

        Result assessed = run(
                installed,
                path,
                launcher.toString(),
                "assess",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--no-db",
                "--out",
                tmp.resolve("assessment-with-archive").toString());
        assertThat(assessed.code()).as(assessed.out()).isEqualTo(ExitCode.UNDECIDED);
        assertThat(assessed.out()).doesNotContain("cds");
        try (var lib = Files.list(home.resolve("lib"))) {
            // the run wrote its own file and renamed it into place: no temporary file is left
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("apim-upgrade.jar", "apim-upgrade.jsa");
        }

        Map<String, String> logged = new java.util.HashMap<>(path);
        logged.put("APIM_UPGRADE_JAVA_OPTS", "-Xlog:class+load=info");
        Result next = run(installed, logged, launcher.toString(), "--version");
        assertThat(next.code()).as(next.out()).isZero();
        assertThat(next.out()).contains("dev.apimupgrade.cli.Main source: shared objects file (top)");
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

        // the POSIX launcher puts the options and the jar before the arguments first, then the AppCDS archive's
        // options (the Windows one has no archive), then runs java with the fixed flags and all of them
        String posix = javaLine(sh, "$launch \"$java\"")
                .replace(" ARGS", javaLine(sh, "set -- $APIM_UPGRADE_JAVA_OPTS").substring("set --".length()));
        assertThat(javaLine(bat, "\"%JAVA%\""))
                .isEqualTo(posix)
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
        return line.replace("$launch \"$java\"", "JAVA")
                .replace("\"%JAVA%\"", "JAVA")
                .replace("$APIM_UPGRADE_JAVA_OPTS", "OPTS")
                .replace("%APIM_UPGRADE_JAVA_OPTS%", "OPTS")
                .replace("\"$jar\"", "HOME/lib/apim-upgrade.jar")
                .replace("\"%HERE%\\lib\\apim-upgrade.jar\"", "HOME/lib/apim-upgrade.jar")
                .replace("\"$@\"", "ARGS")
                .replace("%*", "ARGS");
    }
}
