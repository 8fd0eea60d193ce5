package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.PlantedSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * --verbose and --log (docs/adr/0035-logging-through-slf4j.md): the stages are in the log, the log file and the run
 * folder's apim-upgrade.log get every line, the terminal only what is meant for it (no stack trace), and no secret
 * reaches any of them.
 */
class LogFileAndVerboseTest {
    private static final String TODAY = "2026-11-25";
    private static final String ENV_SECRET = "pw-Planted-log-3e71c0d9-env";

    @TempDir
    Path tmp;

    @Test
    void everyCommandTakesVerboseAndLog() {
        Map<String, picocli.CommandLine> commands = new java.util.TreeMap<>(
                Main.commandLine(Map.of(), Colours.none()).getSubcommands());
        commands.remove("help"); // picocli's own help command runs nothing to log
        assertThat(commands).containsKeys("assess", "collect", "plan", "migrate", "verify");
        commands.forEach((name, sub) -> {
            assertThat(sub.getCommandSpec().findOption("--verbose"))
                    .as(name + " --verbose")
                    .isNotNull();
            assertThat(sub.getCommandSpec().findOption("--log"))
                    .as(name + " --log")
                    .isNotNull();
        });
    }

    @Test
    void assessPlanAndMigrateWithVerboseAndLogLeaveNoPlantedSecretInTheLogFilesOrOnEitherStream() throws Exception {
        Path log = tmp.resolve("logs/apim-upgrade.log");
        Files.createDirectories(log.getParent());
        // a secret-named variable no datasource reads, beside the custom sample's own
        Map<String, String> unread = Map.of("APIM_UPGRADE_DB_PASSWORD_NOT_A_DATASOURCE", ENV_SECRET);
        List<CliRun> runs = new ArrayList<>();
        for (String sample : Samples.ASSESSED) {
            Map<String, String> environment = new java.util.HashMap<>(unread);
            if (sample.equals(Samples.CUSTOM)) {
                environment.putAll(AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT);
            }
            for (String command : List.of("assess", "plan")) {
                runs.add(CliRun.withEnvironment(
                        environment,
                        command,
                        "--old",
                        Samples.home(sample).toString(),
                        "--new",
                        Samples.home(Samples.TARGET).toString(),
                        "--today",
                        TODAY,
                        "--out",
                        tmp.resolve(command + "-" + sample).toString(),
                        "--verbose",
                        "--log",
                        log.toString()));
            }
        }
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("migrate"));
        Path run = tmp.resolve("migrate/run");
        List<String> migrate = homes.migrateArgs(run, "--verbose", "--log", log.toString());
        runs.add(CliRun.withEnvironment(unread, migrate.toArray(String[]::new)));

        String text = Files.readString(log);
        assertThat(runs)
                .allSatisfy(r ->
                        assertThat(r.code()).as(r.err()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED));
        assertThat(text)
                .as("the stages are in the log: scans, rules, plan and every step")
                .contains("DEBUG dev.apimupgrade.scan.InstallationScanner - scan: ")
                .contains("DEBUG dev.apimupgrade.cli.InstallationOptions - rules: ")
                .contains("DEBUG dev.apimupgrade.plan.Planner - plan: ")
                .containsPattern("step \\S+ done in \\d+ ms")
                .containsPattern("statements of \\S+ ran on H2");
        assertThat(text.split("==== ", -1)).as("one header per command").hasSize(runs.size() + 1);
        PlantedSecrets secrets = PlantedSecrets.of(Samples.plantedSecrets(), Map.of("environment", ENV_SECRET));
        secrets.assertNoneIn(text, "the --log file");
        secrets.assertNoneIn(run.resolve(InvocationLog.RUN_FOLDER_LOG)); // a file: assertNoneIn walks it alone
        for (CliRun r : runs) {
            secrets.assertNoneIn(r.out(), "standard output").assertNoneIn(r.err(), "standard error");
        }
    }

    @Test
    void aLoggedSecretIsMaskedInTheLogFileAndOnTheTerminalWhateverItsForm() throws Exception {
        Path log = tmp.resolve("masked.log");
        StringWriter err = new StringWriter();
        LogOptions options = new LogOptions();
        options.verbose = true;
        options.file = log;
        try (InvocationLog ignored = InvocationLog.open(
                List.of("assess", "--old", "/opt/am"),
                options,
                new PrintWriter(err, true),
                Map.of("APIM_UPGRADE_DB_PASSWORD_AM_DB", ENV_SECRET, "HOME", "/root"))) {
            LoggerFactory.getLogger(LogFileAndVerboseTest.class)
                    .warn(
                            "url jdbc:mysql://admin:pw-Planted-url-1@db:3306/am?user=admin&password=pw-Planted-url-2,"
                                    + " toml password = \"pw-Planted-toml\", keyPassword: pw-Planted-yaml,"
                                    + " environment {}",
                            ENV_SECRET);
        }
        String file = Files.readString(log);
        PlantedSecrets secrets = PlantedSecrets.of(Map.of(
                "userinfo", "pw-Planted-url-1",
                "url parameter", "pw-Planted-url-2",
                "toml", "pw-Planted-toml",
                "yaml", "pw-Planted-yaml",
                "environment", ENV_SECRET));
        secrets.assertNoneIn(file, "the log file").assertNoneIn(err.toString(), "the terminal");
        assertThat(file).contains("jdbc:mysql://****@db:3306/am").contains("environment ****");
        assertThat(err.toString()).contains("warn LogFileAndVerboseTest: url jdbc:mysql://****@db");
    }

    @Test
    void aFailuresStackTraceGoesToTheLogFileOnlyAndTheTerminalGetsOneLine() throws Exception {
        Path log = tmp.resolve("failure.log");

        CliRun failed = CliRun.of(
                "assess",
                "--old",
                tmp.resolve("no-such-home").toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--verbose",
                "--log",
                log.toString());

        assertThat(failed.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(failed.err())
                .contains("apim-upgrade: error: ")
                .doesNotContain("\tat ")
                .doesNotContain("Caused by");
        assertThat(Files.readString(log))
                .contains("the command ended on an exception")
                .contains("dev.apimupgrade.scan.InputException")
                .contains("\tat dev.apimupgrade.");
    }

    @Test
    void withoutVerboseTheTerminalGetsNoDebugLineAndTheLogFileStillGetsThemAll() throws Exception {
        Path log = tmp.resolve("quiet.log");

        CliRun quiet = CliRun.of(
                "assess",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--today",
                TODAY,
                "--out",
                tmp.resolve("out").toString(),
                "--log",
                log.toString());

        assertThat(quiet.err()).doesNotContain("debug ").doesNotContain("DEBUG");
        assertThat(Files.readString(log))
                .startsWith("==== ")
                .contains("apim-upgrade assess --old " + Samples.home(Samples.DEFAULT))
                .contains("DEBUG dev.apimupgrade.scan.InstallationScanner - scan: ");
    }

    @Test
    void migrateAndRollbackAppendTheirLogToTheRunFolderEachUnderItsOwnHeader() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp);
        Path run = tmp.resolve("run");

        CliRun migrated = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        CliRun rolledBack = CliRun.of("rollback", "--run", run.toString());

        assertThat(migrated.code()).as(migrated.err()).isEqualTo(ExitCode.READY);
        assertThat(rolledBack.code()).as(rolledBack.err()).isEqualTo(ExitCode.READY);
        String text = Files.readString(run.resolve(InvocationLog.RUN_FOLDER_LOG));
        assertThat(text.split("\n==== |^==== ", -1)).hasSize(3);
        assertThat(text).contains("apim-upgrade migrate --plan").contains("apim-upgrade rollback --run");
        assertThat(text).containsPattern("step \\S+ done in \\d+ ms");
        assertThat(migrated.err()).as("no --verbose: no debug line").doesNotContain("DEBUG");
    }
}
