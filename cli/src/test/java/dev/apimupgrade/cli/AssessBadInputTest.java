package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in one line naming the file (and line), exit code 2, no stack trace and no output written. */
class AssessBadInputTest {
    @TempDir
    Path tmp;

    private Path home(String toml, String registry) throws IOException {
        Path home = tmp.resolve("wso2am-3.0.0");
        Files.createDirectories(home.resolve("repository/conf"));
        Files.writeString(home.resolve("repository/conf/deployment.toml"), toml);
        Files.writeString(home.resolve("repository/conf/registry.xml"), registry);
        Files.writeString(home.resolve("repository/conf/carbon.xml"), "<Server><Version>3.0.0</Version></Server>");
        return home;
    }

    private static final String REGISTRY = "<wso2registry><staticConfiguration>"
            + "<versioningProperties>false</versioningProperties></staticConfiguration></wso2registry>";

    @Test
    void aFolderThatIsNotAnApimHomeIsRefusedWithExitCode2() throws IOException {
        Path notHome = Files.createDirectories(tmp.resolve("downloads"));
        CliRun run = CliRun.of(
                "assess",
                "--old",
                notHome.toString(),
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains(notHome.toString())
                .contains("not a WSO2 API Manager home")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aMalformedDeploymentTomlIsNamedWithItsLineAndNothingIsWritten() throws IOException {
        Path home = home("[server]\nhostname = \"localhost\"\n\n[database.apim_db\ntype = \"h2\"\n", REGISTRY);
        CliRun run = CliRun.of(
                "assess",
                "--old",
                home.toString(),
                "--no-db",
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains("deployment.toml")
                .containsPattern("deployment\\.toml:4\\b")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aMalformedRegistryXmlIsNamedAndNothingIsWritten() throws IOException {
        Path home = home("[server]\nhostname = \"localhost\"\n", "<wso2registry><staticConfiguration>");
        CliRun run = CliRun.of(
                "assess",
                "--old",
                home.toString(),
                "--no-db",
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("registry.xml").doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputFolderInsideTheOldHomeIsRefusedBeforeAnythingIsRead() throws IOException {
        Path home = home("[server]\nhostname = \"localhost\"\n", REGISTRY);
        CliRun run = CliRun.of(
                "assess",
                "--old",
                home.toString(),
                "--out",
                home.resolve("report").toString());

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--out is inside the home");
        assertThat(home.resolve("report")).doesNotExist();
    }

    @Test
    void anUnknownOptionIsABadUsageWithExitCode2() {
        CliRun run = CliRun.of("assess", "--old", tmp.toString(), "--olf", "x");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--olf").contains("--help");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun run = CliRun.of("assess", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Exit codes").contains("1  NOT READY").contains("2  bad usage");
    }

    @Test
    void migrateHelpTellsARefusalFromAStepThatFailedHalfWay() {
        CliRun run = CliRun.of("migrate", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("5  refused; the refusal changed nothing")
                .contains("6  a step failed half-way");
    }

    @Test
    void theProductHasNoFreezeTestHookOption() {
        CliRun run = CliRun.of("migrate", "--freeze-after", "1", "--plan", "plan.json", "--old", ".", "--new", ".");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--freeze-after");
    }
}
