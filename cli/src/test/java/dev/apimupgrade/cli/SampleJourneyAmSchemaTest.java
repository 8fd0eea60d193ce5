package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DB-AM-SCHEMA after the operator's journey on copies of the samples: assess, plan with the databases read, migrate
 * without a person at the keyboard, where at each stop the operator does what the step says (SampleOperator) and
 * then lists it in the answers file, and verify. The samples' WSO2AM_DB holds WSO2's complete 3.0.0 schema, so after
 * the run's AM script it is the 3.1.0 AM_ schema but for the two differences FACTS.md documents.
 *
 * <p>Only the schema checks and the database steps are asserted: on this branch SYNAPSE-PROTECTED still compares the
 * new home's protected files with WSO2's stock 3.1.0 hashes, which the samples' own text cannot match, and the custom
 * sample's CONFIG-CARRIED wants keystore.primary.* that no step carries (issue 13, fixed on other branches).
 */
class SampleJourneyAmSchemaTest {
    static final List<String> DOCUMENTED = List.of("AM_CERTIFICATE_METADATA.ALIAS",
            "AM_CERTIFICATE_METADATA.END_POINT");

    @TempDir
    Path tmp;

    @Test
    void aCarefulOperatorsJourneyOnTheDefaultSampleEndsWithThe310AmSchemaForDbAmSchema() throws Exception {
        Journey journey = new Journey(Samples.DEFAULT, Map.of());

        JsonNode checks = journey.walk();

        assertSchemaChecksPass(checks, journey.steps());
    }

    /**
     * The custom sample's operator re-applies the main.xml customisation once the run is over: re-applied while the run
     * waits, it makes the plan stale on this branch (issue 13 point 1), which the plan-binding work fixes.
     */
    @Test
    void aCarefulOperatorsJourneyOnTheCustomSampleEndsWithThe310AmSchemaForDbAmSchema() throws Exception {
        Journey journey = new Journey(Samples.CUSTOM, AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT);

        JsonNode checks = journey.walk();

        assertSchemaChecksPass(checks, journey.steps());
        assertThat(Files.readString(journey.newHome.resolve(SampleOperator.SYNAPSE + "/sequences/main.xml")))
                .contains("X-Partner-Trace");
    }

    private static void assertSchemaChecksPass(JsonNode checks, List<PlanStep> steps) {
        JsonNode schema = check(checks, "DB-AM-SCHEMA");
        assertThat(schema.get("status").asText()).as(schema.toString()).isEqualTo("PASS");
        assertThat(schema.get("differences").findValuesAsText("status")).containsOnly("documented");
        assertThat(schema.get("differences").findValuesAsText("object")).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
        assertThat(check(checks, "DB-3.1.0-TABLES").get("status").asText()).isEqualTo("PASS");
        List<PlanStep> scripts = steps.stream().filter(s -> s.kind().equals("RunSqlScript")).toList();
        assertThat(scripts).extracting(PlanStep::conditionId).contains("DB-AM-UPGRADE");
        scripts.forEach(s -> assertThat(check(checks, s.id()).get("status").asText()).as(s.id()).isEqualTo("PASS"));
    }

    private static JsonNode check(JsonNode checks, String id) {
        for (JsonNode c : checks) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("verify has no check " + id + ": " + checks);
    }

    /** One sample's copies, the operator's environment, and the commands of the journey in order. */
    private final class Journey {
        final Path oldHome;
        final Path newHome;
        final Map<String, String> environment;
        final Path planDir = tmp.resolve("plan");
        final Path run = tmp.resolve("run");

        Journey(String sample, Map<String, String> environment) throws Exception {
            this.oldHome = tmp.resolve("homes/old").toAbsolutePath();
            this.newHome = tmp.resolve("homes/new").toAbsolutePath();
            this.environment = environment;
            MigrateHomes.copyTree(Samples.home(sample), oldHome);
            MigrateHomes.copyTree(Samples.home(Samples.TARGET), newHome);
        }

        List<PlanStep> steps() throws Exception {
            return PlanJson.read(planDir.resolve("plan.json")).steps();
        }

        /** Every command of the journey; the after-report's checks. */
        JsonNode walk() throws Exception {
            CliRun assessed = cli("assess", "--out", tmp.resolve("assess").toString());
            assertThat(assessed.code()).as(assessed.out() + assessed.err()).isEqualTo(ExitCode.READY);
            CliRun planned = cli("plan", "--out", planDir.toString());
            assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(ExitCode.READY);
            SampleOperator operator = new SampleOperator(oldHome, newHome);
            List<String> confirmed = new ArrayList<>();
            CliRun migrated = migrate(confirmed);
            while (migrated.code() == ExitCode.NEEDS_OPERATOR) {
                String stopped = stoppedAt(migrated);
                assertThat(confirmed).as("stopped again at a confirmed step: " + migrated.out()).doesNotContain(stopped);
                operator.doStep(steps().stream().filter(s -> s.id().equals(stopped)).findFirst().orElseThrow());
                confirmed.add(stopped);
                migrated = migrate(confirmed);
            }
            assertThat(migrated.code()).as(migrated.out() + migrated.err()).isEqualTo(ExitCode.READY);
            assertThat(migrated.out()).contains("Every step of the plan is done.");
            assertThat(confirmed).as("the operator did and confirmed every step by hand")
                    .containsAll(steps().stream().filter(s -> !s.automated()).map(PlanStep::id).toList());
            operator.afterTheRun(json(tmp.resolve("assess/assessment.json")));
            Path after = tmp.resolve("after");
            CliRun verified = cli("verify", "--run", run.toString(), "--out", after.toString());
            assertThat(verified.err()).doesNotContain("Exception");
            return json(after.resolve("after-report.json")).get("checks");
        }

        private static String stoppedAt(CliRun r) {
            return r.out().lines().filter(l -> l.startsWith("STOPPED at ")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.out() + r.err())).replaceFirst("^STOPPED at (.*)\\.$", "$1");
        }

        private CliRun migrate(List<String> confirmed) throws Exception {
            StringBuilder yaml = new StringBuilder("migrate:\n  confirmed:\n");
            confirmed.forEach(id -> yaml.append("    - \"").append(id).append("\"\n"));
            if (confirmed.isEmpty()) {
                return cli("migrate", "--plan", planDir.resolve("plan.json").toString(), "--run", run.toString(),
                        "--no-prompt");
            }
            Path answers = Files.writeString(tmp.resolve("answers.yaml"), yaml.toString());
            return cli("migrate", "--plan", planDir.resolve("plan.json").toString(), "--run", run.toString(),
                    "--no-prompt", "--answers", answers.toString());
        }

        private CliRun cli(String command, String... args) {
            List<String> all = new ArrayList<>(List.of(command, "--old", oldHome.toString(), "--new",
                    newHome.toString(), "--today", MigrateHomes.TODAY));
            all.addAll(List.of(args));
            return CliRun.withEnvironment(environment, all.toArray(String[]::new));
        }
    }

    static JsonNode json(Path file) throws Exception {
        return JsonMapper.builder().build().readTree(file.toFile());
    }
}
