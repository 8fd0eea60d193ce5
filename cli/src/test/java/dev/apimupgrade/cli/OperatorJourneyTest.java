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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's whole journey on copies of the samples, each command taken from the runbook as printed: assess,
 * plan, the before-inventory, plan --check, the dry run, migrate without a person at the keyboard where at each stop
 * the operator really does what the step says (SampleOperator: re-applies the main.xml customisation from the step's
 * diff, places and removes the migration jars and resources, writes the log a 3.1.0 start writes, runs the analytics
 * script by hand) and then lists it in the answers file, the tenant loader jar given there; then verify, compare and
 * the evidence bundle. A correct journey ends with verify PASS (no check FAIL; the samples' WSO2AM_DB holds WSO2's
 * complete 3.0.0 schema, so after the AM script it is the 3.1.0 AM_ schema but for the two documented differences),
 * compare with no unexplained difference and a board summary that shows both, the verdict before, and every
 * confirmation.
 */
class OperatorJourneyTest {
    static final List<String> DOCUMENTED =
            List.of("AM_CERTIFICATE_METADATA.ALIAS", "AM_CERTIFICATE_METADATA.END_POINT");

    @TempDir
    Path tmp;

    @Test
    void aCarefulOperatorsJourneyOnTheDefaultSampleEndsWithVerifyPassCompareExplainedAndTheBoardSummaryShowingBoth()
            throws Exception {
        Journey journey = new Journey(Samples.DEFAULT, Map.of(), false);

        journey.walk();

        journey.assertEndsWell();
    }

    @Test
    void aCarefulOperatorsJourneyOnTheCustomSampleWithItsAnalyticsEndsWithVerifyPassAndTheCustomisationReApplied()
            throws Exception {
        Journey journey = new Journey(Samples.CUSTOM, AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT, true);

        journey.walk();

        journey.assertEndsWell();
        assertThat(Files.readString(journey.newHome.resolve(SampleOperator.SYNAPSE + "/sequences/main.xml")))
                .contains("X-Partner-Trace");
        assertThat(journey.confirmed)
                .contains(
                        "CFG-SYNAPSE-PROTECTED-MODIFIED:ManualStep:" + SampleOperator.SYNAPSE + "/sequences/main.xml",
                        "ANA-DB-PK:RunSqlScript:APIM_ANALYTICS_DB");
    }

    /**
     * The old home drifts mid-run (an API's synapse file appears at the first stop): migrate refuses naming that file
     * and changes nothing; the plan made with {@code plan --run} is adopted by the same run folder, no script runs
     * twice, and the journey still ends with verify PASS and compare with nothing unexplained.
     */
    @Test
    void whenTheOldHomeDriftsMidRunTheRefusalNamesTheFileAndTheSameRunFolderFinishesWithNoScriptRunTwice()
            throws Exception {
        Journey journey = new Journey(Samples.DEFAULT, Map.of(), false);
        journey.driftAtTheFirstStop = true;

        journey.walk();

        journey.assertEndsWell();
        assertThat(journey.refusedForDrift.err())
                .contains("stale")
                .contains(journey.drifted)
                .contains("Nothing was changed");
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("work/migrate-run/journal.jsonl"))) {
            records.add(json(line));
        }
        assertThat(records)
                .anySatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("plan-adopted"));
        // the adopted plan is the first one judged again with the new home as the first plan saw it: it holds every
        // step of the first plan (IDX-REG-INDEX-SQL and the keystore copy the run already made included) but the AM
        // upgrade, which rests on the schema the run upgraded, and adds the drifted API's synapse copy
        List<String> first = journey.firstPlanSteps().stream().map(PlanStep::id).toList();
        List<String> adopted = journey.steps().stream().map(PlanStep::id).toList();
        assertThat(first).contains("IDX-REG-INDEX-SQL:RunSqlScript:shared_db");
        assertThat(adopted)
                .containsAll(first.stream()
                        .filter(id -> !id.startsWith("DB-AM-UPGRADE:"))
                        .toList())
                .doesNotContain(first.stream()
                        .filter(id -> id.startsWith("DB-AM-UPGRADE:"))
                        .toList()
                        .toArray(String[]::new));
        assertThat(adopted.stream().filter(id -> !first.contains(id)))
                .containsExactly("CFG-SYNAPSE-SUPER:CopyTree:" + SampleOperator.SYNAPSE);
        List<PlanStep> bothPlans = new ArrayList<>(journey.firstPlanSteps());
        bothPlans.addAll(journey.steps());
        for (PlanStep script : bothPlans.stream()
                .filter(s -> s.kind().equals("RunSqlScript"))
                .distinct()
                .toList()) {
            assertThat(records.stream()
                            .filter(r -> r.path("type").asText().equals("intent")
                                    && r.path("step").asText().equals(script.id())))
                    .as("%s ran once", script.id())
                    .hasSize(1);
        }
    }

    static JsonNode json(String line) throws Exception {
        return JsonMapper.builder().build().readTree(line);
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
        final Path analytics;
        final Path newAnalytics;
        final Map<String, String> environment;
        final Path planDir = tmp.resolve("work/plan");
        final StopByStop stops;
        final List<String> confirmed;
        boolean driftAtTheFirstStop;
        CliRun refusedForDrift;
        String drifted;
        private Path planFile;
        private final Path loader;
        private String runbook;
        private List<String> migrateLine;

        Journey(String sample, Map<String, String> environment, boolean withAnalytics) throws Exception {
            this.oldHome = tmp.resolve("homes/old").toAbsolutePath();
            this.newHome = tmp.resolve("homes/new").toAbsolutePath();
            this.analytics = withAnalytics ? tmp.resolve("homes/old-analytics").toAbsolutePath() : null;
            this.newAnalytics =
                    withAnalytics ? tmp.resolve("homes/new-analytics").toAbsolutePath() : null;
            this.environment = environment;
            MigrateHomes.copyTree(Samples.home(sample), oldHome);
            this.stops = new StopByStop(new SampleOperator(
                    oldHome,
                    newHome,
                    analytics,
                    newAnalytics,
                    IdentityMigrationByHand.h2(oldHome, sample.equals(Samples.CUSTOM) ? "custom" : "default")));
            this.confirmed = stops.confirmed();
            MigrateHomes.copyTree(Samples.home(Samples.TARGET), newHome);
            if (withAnalytics) {
                MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_CUSTOM), analytics);
                MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_TARGET), newAnalytics);
            }
            // the tenant loader jar the guide links to, downloaded beforehand (the tool does not ship it)
            loader = Files.write(
                    Files.createDirectories(tmp.resolve("downloads")).resolve("tenantloader-1.0.jar"),
                    new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        }

        List<PlanStep> steps() throws Exception {
            return PlanJson.read(planFile).steps();
        }

        List<PlanStep> firstPlanSteps() throws Exception {
            return PlanJson.read(planDir.resolve("plan.json")).steps();
        }

        void walk() throws Exception {
            List<String> homes = new ArrayList<>(
                    List.of("--old", oldHome.toString(), "--new", newHome.toString(), "--today", MigrateHomes.TODAY));
            if (analytics != null) {
                homes.addAll(
                        List.of("--old-analytics", analytics.toString(), "--new-analytics", newAnalytics.toString()));
                // assess blocks on the planted NULL APIVERSION row (ANA-PK-DUPLICATES); the operator fixes it
                CliRun blocked = cli(
                        "assess", homes, "--out", tmp.resolve("work/assessment").toString());
                assertThat(blocked.code()).as(blocked.out()).isEqualTo(ExitCode.BLOCKERS);
                assertThat(blocked.out()).contains("ANA-PK-DUPLICATES");
                MigrateCustomSampleTest.fixTheNullApiVersion(analytics);
            }
            CliRun assessed =
                    cli("assess", homes, "--out", tmp.resolve("work/assessment").toString());
            assertThat(assessed.code()).as(assessed.out() + assessed.err()).isEqualTo(ExitCode.READY);
            assertThat(assessed.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("Next: apim-upgrade plan");
            CliRun planned = cli("plan", homes, "--out", planDir.toString());
            assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(ExitCode.READY);
            runbook = Files.readString(planDir.resolve("runbook.md"));
            planFile = planDir.resolve("plan.json");

            // before migrating, as the runbook's order says: the before-inventory, the plan still current, a rehearsal
            expect(printed("compare", l -> l.contains("--out") && !l.contains("--new")), ExitCode.READY);
            expect(printed("plan --check", l -> true), ExitCode.READY);
            CliRun dry = expect(printed("migrate", l -> l.contains("--dry-run")), ExitCode.READY);
            assertThat(dry.out()).contains("Dry run: nothing was written.").contains("migrate:");

            migrateLine = printed("migrate", l -> !l.contains("--dry-run"));
            CliRun migrated = stops.walk(ids -> migrate(migrateLine, ids), this::steps, stopped -> {
                if (driftAtTheFirstStop && refusedForDrift == null) {
                    migrateLine = drift(migrateLine);
                }
            });
            assertThat(migrated.code()).as(migrated.out() + migrated.err()).isEqualTo(ExitCode.READY);
            assertThat(migrated.out()).contains("Every step of the plan is done.");
            assertThat(confirmed)
                    .as("the operator did and confirmed every step by hand")
                    .containsAll(steps().stream()
                            .filter(s -> !s.automated())
                            .map(PlanStep::id)
                            .toList());

            expect(printed("verify", l -> true), ExitCode.READY);
            if (driftAtTheFirstStop) {
                // the API published mid-run is not in the before-inventory: compare names it, and only it
                CliRun compared = expect(printed("compare", l -> l.contains("--new")), ExitCode.BLOCKERS);
                assertThat(compared.err()
                                .lines()
                                .filter(l -> l.startsWith("unexplained:"))
                                .toList())
                        .containsExactly("unexplained: carbon.super synapse-files: files differ that the migration"
                                + " does not replace: api/admin--Drift_v1.0.xml");
            } else {
                expect(printed("compare", l -> l.contains("--new")), ExitCode.READY);
            }
            expect(printed("evidence", l -> l.contains("--before")), ExitCode.READY);
            expect(List.of("evidence", "--check", tmp.resolve("work/evidence").toString()), ExitCode.READY);
        }

        /**
         * Someone publishes an API on the old server while the run waits (a new synapse file in the old home): migrate refuses naming it; the
         * operator makes the plan that continues the run (plan --run, as the refusal says) and goes on with it.
         */
        private List<String> drift(List<String> migrate) throws Exception {
            // an API published on the old server while the run waited
            Path api = oldHome.resolve(SampleOperator.SYNAPSE + "/api/admin--Drift_v1.0.xml");
            Files.writeString(
                    api,
                    "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"admin--Drift\""
                            + " context=\"/drift/1.0\" version=\"1.0\" version-type=\"context\">\n"
                            + "  <resource methods=\"GET\" url-mapping=\"/*\"><inSequence><respond/></inSequence></resource>\n"
                            + "</api>\n");
            drifted = oldHome.relativize(api).toString();
            String before = MigrateHomes.treeHash(newHome);
            refusedForDrift = migrate(migrate, confirmed);
            assertThat(refusedForDrift.code())
                    .as(refusedForDrift.out() + refusedForDrift.err())
                    .isEqualTo(ExitCode.REFUSED);
            assertThat(MigrateHomes.treeHash(newHome))
                    .as("the refused run changed nothing")
                    .isEqualTo(before);
            Path run = Path.of(migrate.get(migrate.indexOf("--run") + 1));
            Path replanned = tmp.resolve("work/plan-2");
            expect(List.of("plan", "--run", run.toString(), "--out", replanned.toString()), ExitCode.READY);
            planFile = replanned.resolve("plan.json");
            List<String> next = new ArrayList<>(migrate);
            next.set(next.indexOf("--plan") + 1, planFile.toString());
            return next;
        }

        void assertEndsWell() throws Exception {
            JsonNode checks = json(tmp.resolve("work/after/after-report.json")).get("checks");
            assertThat(checks.findValuesAsText("status")).as(checks.toString()).doesNotContain("FAIL");
            JsonNode schema = check(checks, "DB-AM-SCHEMA");
            assertThat(schema.get("status").asText()).as(schema.toString()).isEqualTo("PASS");
            assertThat(schema.get("differences").findValuesAsText("status")).containsOnly("documented");
            assertThat(schema.get("differences").findValuesAsText("object"))
                    .containsExactlyInAnyOrderElementsOf(DOCUMENTED);
            assertThat(check(checks, "DB-3.1.0-TABLES").get("status").asText()).isEqualTo("PASS");
            assertThat(firstPlanSteps())
                    .filteredOn(s -> s.kind().equals("RunSqlScript"))
                    .extracting(PlanStep::conditionId)
                    .contains("DB-AM-UPGRADE");
            // verify checks the steps of the plan the run executes last (after drift, the adopted one)
            List<PlanStep> scripts = steps().stream()
                    .filter(s -> s.kind().equals("RunSqlScript"))
                    .toList();
            scripts.forEach(s -> assertThat(check(checks, s.id()).get("status").asText())
                    .as(s.id())
                    .isEqualTo("PASS"));

            String board = Files.readString(tmp.resolve("work/evidence/index.html"));
            assertThat(board).contains("READY").contains("PASS").doesNotContain("holds no assessment after");
            assertThat(board).contains(driftAtTheFirstStop ? "1 unexplained" : "0 unexplained");
            confirmed.forEach(id -> assertThat(board)
                    .as("the board shows the confirmation of " + id)
                    .contains(id));
            String secret = environment.values().stream().findFirst().orElse("pw-Planted-");
            assertThat(Files.walk(tmp.resolve("work"))
                            .filter(Files::isRegularFile)
                            .filter(p -> !p.startsWith(tmp.resolve("work/migrate-run/backup")))
                            .filter(p -> !p.toString().endsWith(".mv.db")))
                    .allSatisfy(p -> assertThat(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(p.toString())
                            .doesNotContain(secret));
        }

        /** The runbook's printed command line for {@code command} (the first that {@code which} accepts), as words. */
        private List<String> printed(String command, Predicate<String> which) {
            String line = runbook.lines()
                    .map(String::strip)
                    .filter(l -> l.startsWith("apim-upgrade " + command + " "))
                    .filter(which)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the runbook prints no apim-upgrade " + command + " line"));
            List<String> words = new ArrayList<>(
                    Arrays.asList(line.substring("apim-upgrade ".length()).split(" +")));
            if (List.of("assess", "verify").contains(words.get(0))) {
                // the samples' expiry findings are pinned to a date, as the other end-to-end tests pin them
                words.addAll(List.of("--today", MigrateHomes.TODAY));
            }
            return words;
        }

        private CliRun expect(List<String> args, int code) {
            CliRun r = CliRun.withEnvironment(environment, args.toArray(String[]::new));
            assertThat(r.code())
                    .as(String.join(" ", args) + "\n" + r.out() + r.err())
                    .isEqualTo(code);
            assertThat(r.err()).doesNotContain("Exception");
            return r;
        }

        /** The printed migrate line, with the answers file listing what the operator did and the tenant loader. */
        private CliRun migrate(List<String> printed, List<String> ids) throws Exception {
            StringBuilder yaml = new StringBuilder("migrate:\n  files:\n    tenantloader: \"" + loader + "\"\n");
            if (!ids.isEmpty()) {
                yaml.append("  confirmed:\n");
                ids.forEach(id -> yaml.append("    - \"").append(id).append("\"\n"));
            }
            Path answers = Files.writeString(tmp.resolve("work/answers.yaml"), yaml.toString());
            List<String> args = new ArrayList<>(printed);
            args.addAll(List.of("--no-prompt", "--answers", answers.toString()));
            return CliRun.withEnvironment(environment, args.toArray(String[]::new));
        }

        private CliRun cli(String command, List<String> homes, String... args) {
            List<String> all = new ArrayList<>(List.of(command));
            all.addAll(homes);
            all.addAll(List.of(args));
            return CliRun.withEnvironment(environment, all.toArray(String[]::new));
        }
    }

    static JsonNode json(Path file) throws Exception {
        return JsonMapper.builder().build().readTree(file.toFile());
    }
}
