package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden scenarios of issue 4 ("Proof on real material"), each assessed end to end against the stock apim-3.1.0
 * sample: every condition has the status expected/&lt;scenario&gt;.status declares, the exit code is 1 exactly when a
 * blocker applies, no planted secret reaches any output, and neither the home nor the scenario's databases change.
 */
class AssessScenariosEndToEndTest {
    private static final String TODAY = "2026-11-25";

    @TempDir
    Path tmp;

    /** The scenario table: each scenario with the exit code it must give (only PostgreSQL has a blocker). */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of(Scenario.STOCK, ExitCode.READY),
                Arguments.of(Scenario.VERSIONING_ON, ExitCode.READY),
                Arguments.of(Scenario.MULTI_TENANT, ExitCode.READY),
                // its datasource user is not a superuser: PRE-PG-SUPERUSER is a BLOCKER
                Arguments.of(Scenario.POSTGRESQL, ExitCode.BLOCKERS),
                Arguments.of(Scenario.MARIADB_ANALYTICS, ExitCode.READY),
                Arguments.of(Scenario.IS_KEY_MANAGER, ExitCode.READY),
                Arguments.of(Scenario.IS_KEY_MANAGER_UNANSWERED, ExitCode.READY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachScenarioGetsItsExpectedStatusesAndExitCodeLeaksNoSecretAndChangesNeitherHomeNorDatabase(
            Scenario scenario, int exitCode) throws Exception {
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario)) {
            Path home = ScenarioGenerator.write(scenario, tmp.resolve("home"), databases.datasources());
            Optional<Path> analytics =
                    ScenarioGenerator.writeAnalytics(scenario, tmp.resolve("analytics"), databases.datasources());
            String homeBefore = AssessSamplesEndToEndTest.treeHash(home);
            String analyticsBefore = analytics.isPresent() ? AssessSamplesEndToEndTest.treeHash(analytics.get()) : "";
            String targetBefore = AssessSamplesEndToEndTest.treeHash(Samples.home(Samples.TARGET));
            Map<String, String> databasesBefore = databases.checksums();
            // an empty digest would prove nothing: a server scenario must have tables to compare
            assertThat(databasesBefore.isEmpty())
                    .as("no tables to compare")
                    .isEqualTo(scenario.server() == Scenario.Server.H2);

            CliRun run = assess(scenario, home, analytics);

            JsonNode report = new ObjectMapper()
                    .readTree(tmp.resolve("out/assessment.json").toFile());
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(run.err()).as("stderr").isEmpty();
            Map<String, String> found = statuses(report);
            softly.assertThat(differences(ExpectedStatusGolden.expected(scenario.expectedName(), found), found))
                    .as("conditions whose status differs from expected/%s.status", scenario.expectedName())
                    .isEmpty();
            softly.assertThat(run.code())
                    .as("exit code")
                    .isEqualTo(exitCode)
                    .isEqualTo(blockers(report).isEmpty() ? ExitCode.READY : ExitCode.BLOCKERS);
            String everything = everything(run);
            List<String> secrets = new ArrayList<>(Samples.plantedSecrets().values());
            secrets.addAll(Scenario.plantedSecrets().values());
            for (String secret : secrets) {
                softly.assertThat(everything).as("planted secret %s", secret).doesNotContain(secret);
            }
            softly.assertThat(AssessSamplesEndToEndTest.treeHash(home))
                    .as("old home")
                    .isEqualTo(homeBefore);
            softly.assertThat(analytics.isPresent() ? AssessSamplesEndToEndTest.treeHash(analytics.get()) : "")
                    .as("old analytics home")
                    .isEqualTo(analyticsBefore);
            softly.assertThat(AssessSamplesEndToEndTest.treeHash(Samples.home(Samples.TARGET)))
                    .as("new home")
                    .isEqualTo(targetBefore);
            softly.assertThat(differences(databasesBefore, databases.checksums()))
                    .as("tables the assessment changed")
                    .isEmpty();
            softly.assertAll();
        }
    }

    @Test
    void withTheKeyManagerOnAnotherHostAndNoAnswerTheReportAsksWhetherIsIsTheKeyManager() throws Exception {
        Path home = ScenarioGenerator.write(Scenario.IS_KEY_MANAGER_UNANSWERED, tmp.resolve("home"), List.of());

        assess(Scenario.IS_KEY_MANAGER_UNANSWERED, home, Optional.empty());

        JsonNode report =
                new ObjectMapper().readTree(tmp.resolve("out/assessment.json").toFile());
        for (JsonNode c : report.get("conditions")) {
            if (c.get("id").asText().equals("IDN-IS-KEY-MANAGER")) {
                assertThat(c.get("messages").toString())
                        .contains("is.example.internal:9444", "is_key_manager: yes or no");
                return;
            }
        }
        throw new AssertionError("no IDN-IS-KEY-MANAGER in the report");
    }

    /** Assesses against the stock 3.1.0 sample, and an analytics home against the stock analytics 3.1.0 one. */
    private CliRun assess(Scenario scenario, Path home, Optional<Path> analytics) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "assess",
                "--old",
                home.toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--today",
                TODAY));
        if (analytics.isPresent()) {
            args.addAll(List.of(
                    "--old-analytics",
                    analytics.get().toString(),
                    "--new-analytics",
                    Samples.home(Samples.ANALYTICS_TARGET).toString()));
        }
        if (scenario.answers().isPresent()) {
            Path answers = Files.writeString(
                    tmp.resolve("answers.yaml"), scenario.answers().get());
            args.addAll(List.of("--answers", answers.toString()));
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> out = new TreeMap<>();
        report.get("conditions")
                .forEach(c -> out.put(c.get("id").asText(), c.get("status").asText()));
        return out;
    }

    /** Key -> "expected X, was Y" for every key whose value differs or that only one side has. */
    private static Map<String, String> differences(Map<String, String> expected, Map<String, String> actual) {
        Map<String, String> out = new TreeMap<>();
        expected.forEach((id, status) -> {
            if (!status.equals(actual.get(id))) {
                out.put(id, "expected " + status + ", was " + actual.get(id));
            }
        });
        actual.keySet().stream()
                .filter(id -> !expected.containsKey(id))
                .forEach(id -> out.put(id, "not expected, was " + actual.get(id)));
        return out;
    }

    private static List<String> blockers(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("conditions").forEach(c -> {
            if (c.get("status").asText().equals("APPLIES")
                    && c.get("severity").asText().equals("BLOCKER")) {
                out.add(c.get("id").asText());
            }
        });
        return out;
    }

    /** Standard output and error and every file the assessment wrote. */
    private String everything(CliRun run) throws Exception {
        StringBuilder all = new StringBuilder(run.out()).append(run.err());
        try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
