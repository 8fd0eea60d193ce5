package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.MigrateAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seams between plan and migrate on a copy of the custom sample, played as an operator: doing what a step asks
 * (re-applying the main.xml customisation) never makes the plan stale, real drift of the old home still refuses
 * naming the file, a plan made after that drift is adopted by the same run folder with nothing run twice, plan.json
 * alone carries the homes and options, and the runbook's printed commands work as printed.
 */
class PlanBindingJourneyTest {
    private static final Map<String, String> OPERATOR = AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT;
    private static final String MAIN_XML = "repository/deployment/server/synapse-configs/default/sequences/main.xml";
    private static final String MAIN_XML_STEP = "CFG-SYNAPSE-PROTECTED-MODIFIED:ManualStep:" + MAIN_XML;
    private static final String CUSTOMISATION =
            "        <property name=\"X-Partner-Trace\" expression=\"get-property('MessageID')\" scope=\"transport\"/>";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path old;
    private Path target;
    private Path planDir;
    private Path analytics;

    /** With its analytics home, whose planted NULL APIVERSION the operator fixed: no blocker is open or undecided. */
    @BeforeEach
    void copiesOfTheCustomSample() throws Exception {
        old = tmp.resolve("homes/old");
        target = tmp.resolve("homes/new");
        analytics = tmp.resolve("homes/old-analytics");
        MigrateHomes.copyTree(Samples.home(Samples.CUSTOM), old);
        MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
        MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_CUSTOM), analytics);
        MigrateCustomSampleTest.fixTheNullApiVersion(analytics);
        planDir = tmp.resolve("work/plan");
    }

    @Test
    void reApplyingTheMainXmlCustomisationAsCfgSynapseProtectedModifiedAsksThenConfirmingItIsAcceptedAndTheRunGoesOn()
            throws Exception {
        plan();
        CliRun first = cli("migrate", "--plan", planFile(), "--no-prompt");
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        assertThat(first.out()).contains("STOPPED at " + MAIN_XML_STEP + ".");

        reApplyCustomisation();
        CliRun confirmed = cli("migrate", "--plan", planFile(), "--no-prompt", "--confirm", MAIN_XML_STEP);

        assertThat(confirmed.err()).doesNotContain("stale");
        assertThat(confirmed.code()).as(confirmed.out() + confirmed.err()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        assertThat(confirmed.out())
                .contains(MAIN_XML_STEP + ": confirmed by the operator")
                .contains("STOPPED at KEY-SECURE-VAULT:ManualStep:new-home.");
        // the edited file was saved when the run stopped there: rollback puts it back, a later plan compares with it
        assertThat(journal(planDir.resolve("migrate-run")))
                .anySatisfy(r -> assertThat(r.path("path").asText()).isEqualTo("NEW:" + MAIN_XML));
        CliRun check = cli("plan", "--check", planFile());
        assertThat(check.code()).as(check.out()).isEqualTo(ExitCode.READY);
        assertThat(check.out()).startsWith("CURRENT");
    }

    @Test
    void aSynapseFileOfTheOldHomeChangedMidRunIsRefusedNamingThatFileAndNothingIsChanged() throws Exception {
        plan();
        runToTheMainXmlStopAndDoIt();
        Path api = oneSuperTenantApi();
        Files.writeString(api, Files.readString(api) + "<!-- edited during the upgrade -->\n");
        long before = journal(planDir.resolve("migrate-run")).size();

        CliRun refused = cli("migrate", "--plan", planFile(), "--no-prompt");

        assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err())
                .contains("the plan is stale")
                .contains("OLD:" + old.relativize(api).toString().replace('\\', '/'))
                .contains("apim-upgrade plan --run " + planDir.resolve("migrate-run"))
                .contains("Nothing was changed.");
        assertThat(journal(planDir.resolve("migrate-run"))).hasSize((int) before);
    }

    @Test
    void theAnswersFileCopiedUnderAnotherNameKeepsThePlanCurrent() throws Exception {
        Path answers = Files.writeString(tmp.resolve("answers.yaml"), "distributed: no\n");
        plan("--answers", answers.toString());
        Path copy = Files.copy(answers, tmp.resolve("answers-for-the-night.yaml"));

        CliRun check = cli("plan", "--check", planFile(), "--answers", copy.toString());
        CliRun dry = cli("migrate", "--plan", planFile(), "--answers", copy.toString(), "--dry-run");

        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCode.READY);
        assertThat(check.out()).startsWith("CURRENT");
        assertThat(dry.code()).as(dry.out() + dry.err()).isEqualTo(ExitCode.READY);
        Files.writeString(copy, "distributed: yes\n");
        assertThat(cli("plan", "--check", planFile(), "--answers", copy.toString())
                        .out())
                .as("another answer is still a change")
                .contains("STALE")
                .contains("answers#distributed");
    }

    @Test
    void aPlanMadeAfterOldHomeDriftIsAdoptedByTheSameRunFolderWhichKeepsBothPlansAndRunsNoScriptOrStopTwice()
            throws Exception {
        plan();
        Path run = planDir.resolve("migrate-run");
        runToTheMainXmlStopAndDoIt();
        Path api = oneSuperTenantApi();
        Files.writeString(api, Files.readString(api) + "<!-- edited during the upgrade -->\n");
        assertThat(cli("migrate", "--plan", planFile(), "--no-prompt").code()).isEqualTo(ExitCode.REFUSED);

        Path replanned = tmp.resolve("work/plan-2");
        // as the refusal says: the homes and options are the run's own
        CliRun again = cli("plan", "--run", run.toString(), "--out", replanned.toString());
        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCode.READY);
        MigrationPlan second = PlanJson.read(replanned.resolve("plan.json"));
        assertThat(second.steps())
                .as("no step for the tenants, which were never customised")
                .noneMatch(s -> s.id().startsWith("CFG-SYNAPSE-PROTECTED-MODIFIED")
                        && s.target().startsWith("repository/tenants"));
        assertThat(second.steps()).extracting(PlanStep::id).contains(MAIN_XML_STEP);

        CliRun adopted = cli("migrate", "--plan", replanned.resolve("plan.json").toString(), "--no-prompt");

        assertThat(adopted.code()).as(adopted.out() + adopted.err()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        assertThat(adopted.out())
                .contains("adopted the new plan (plans/2-plan.json)")
                .contains(MAIN_XML_STEP + ": confirmed earlier")
                .contains("STOPPED at KEY-SECURE-VAULT:ManualStep:new-home.");
        assertThat(run.resolve("plans/1-plan.json")).exists();
        // the run's copy is the same plan, signed with the run's key instead of the plan's
        assertThat(PlanJson.toJson(PlanJson.read(
                        run.resolve("plans/2-plan.json"),
                        dev.apimupgrade.plan.MacKey.read(run.resolve("run.key"), "run.key"))))
                .isEqualTo(PlanJson.toJson(PlanJson.read(replanned.resolve("plan.json"))));
        List<JsonNode> records = journal(run);
        assertThat(records)
                .filteredOn(r -> r.path("status").asText().equals("plan-adopted"))
                .singleElement()
                .satisfies(r -> assertThat(r.path("detail").asText())
                        .contains(
                                "changed OLD:" + old.relativize(api).toString().replace('\\', '/')));
        Map<String, Integer> intents = new TreeMap<>();
        records.stream()
                .filter(r -> r.path("type").asText().equals("intent"))
                .forEach(r -> intents.merge(r.path("step").asText(), 1, Integer::sum));
        intents.forEach((step, count) -> assertThat(count)
                .as(step + " (only the copy of the edited file's tree is" + " redone)")
                .isEqualTo(step.startsWith("CFG-SYNAPSE-SUPER:") ? 2 : 1));
        assertThat(intents.keySet()).anyMatch(s -> s.contains("RunSqlScript"));
        assertThat(records)
                .filteredOn(r -> r.path("status").asText().equals("confirmed"))
                .hasSize(1);
    }

    @Test
    void planCheckAndMigrateNeedNothingButThePlanFile() throws Exception {
        plan();

        CliRun check = cli("plan", "--check", planFile());
        CliRun dry = cli("migrate", "--plan", planFile(), "--dry-run");
        CliRun migrate = cli("migrate", "--plan", planFile(), "--no-prompt");

        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCode.READY);
        assertThat(dry.code()).as(dry.out() + dry.err()).isEqualTo(ExitCode.READY);
        assertThat(migrate.code()).as(migrate.out() + migrate.err()).isEqualTo(ExitCode.NEEDS_OPERATOR);
        JsonNode inputs = JSON.readTree(planDir.resolve("plan.json").toFile()).get("inputs");
        assertThat(inputs.get("oldHome").asText())
                .isEqualTo(old.toAbsolutePath().toString());
        assertThat(inputs.get("environment").toString()).isEqualTo("[\"APIM_UPGRADE_DB_PASSWORD_SHARED_DB\"]");
        assertThat(Files.readString(planDir.resolve("plan.json"))).doesNotContain(OPERATOR.values());
        assertThat(CliRun.of("plan", "--check", planFile()).err())
                .as("the password's variable is named when unset")
                .contains("APIM_UPGRADE_DB_PASSWORD_SHARED_DB");
    }

    @Test
    void anOldHomeOtherThanThePlansIsRefusedWithExitTwoNamingTheOptionAndBothValues() throws Exception {
        plan();
        Path other = tmp.resolve("homes/other-old");

        CliRun refused = cli("migrate", "--plan", planFile(), "--old", other.toString(), "--no-prompt");

        assertThat(refused.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err())
                .contains("--old")
                .contains(other.toString())
                .contains(old.toString())
                .doesNotContain("Exception");
        assertThat(planDir.resolve("migrate-run")).doesNotExist();
    }

    @Test
    void everyApimUpgradeCommandTheRunbookPrintsRunsAsPrinted() throws Exception {
        plan();
        List<List<String>> printed = Files.readString(planDir.resolve("runbook.md"))
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("apim-upgrade "))
                .distinct()
                .map(PlanBindingJourneyTest::words)
                .toList();
        assertThat(printed)
                .extracting(w -> w.get(1) + (w.contains("--dry-run") ? " --dry-run" : ""))
                .containsExactly(
                        "assess",
                        "compare",
                        "plan",
                        "migrate --dry-run",
                        "migrate",
                        "verify",
                        "compare",
                        "evidence",
                        "rollback");
        Map<String, List<Integer>> allowed = Map.of(
                "assess",
                List.of(0, 1),
                "compare",
                List.of(0, 1),
                "plan",
                List.of(0),
                "migrate",
                List.of(0, 4),
                "verify",
                List.of(0, 1),
                "evidence",
                List.of(0),
                "rollback",
                List.of(0));
        for (List<String> words : printed) {
            CliRun r = cli(words.subList(1, words.size()).toArray(String[]::new));
            assertThat(allowed.get(words.get(1)))
                    .as(String.join(" ", words) + "\n" + r.out() + r.err())
                    .contains(r.code());
        }
        assertThat(tmp.resolve("work/evidence/index.html")).exists();
    }

    @Test
    void theDryRunEndsWithTheCountsAndAMigrateBlockOfTheAnswersFileListingEveryStop() throws Exception {
        plan();
        MigrationPlan plan = PlanJson.read(planDir.resolve("plan.json"));

        CliRun dry = cli("migrate", "--plan", planFile(), "--dry-run");

        assertThat(dry.code()).as(dry.out() + dry.err()).isEqualTo(ExitCode.READY);
        String summary = dry.out().substring(dry.out().indexOf("Dry run: nothing was written."));
        List<String> stops = plan.steps().stream()
                .filter(s -> dry.out().contains(s.id() + "\n  by hand: "))
                .map(PlanStep::id)
                .toList();
        assertThat(stops).contains(MAIN_XML_STEP);
        assertThat(summary)
                .contains("Rehearsal: ")
                .contains(stops.size() + " stop(s) for the operator")
                .contains("# re-apply the 3.0.0 customisation of carbon.super sequences/main.xml");
        String block = summary.substring(summary.indexOf("migrate:\n"));
        Path answers = Files.writeString(tmp.resolve("pasted.yaml"), block);
        assertThat(MigrateAnswers.read(answers).confirmed().keySet()).containsExactlyElementsOf(stops);
    }

    private void plan(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "plan",
                "--old",
                old.toString(),
                "--new",
                target.toString(),
                "--old-analytics",
                analytics.toString(),
                "--today",
                MigrateHomes.TODAY,
                "--out",
                planDir.toString()));
        args.addAll(List.of(extra));
        CliRun planned = cli(args.toArray(String[]::new));
        assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(ExitCode.READY);
    }

    private String planFile() {
        return planDir.resolve("plan.json").toString();
    }

    /** migrate until it stops at the main.xml step, then the operator re-applies the customisation and confirms. */
    private void runToTheMainXmlStopAndDoIt() throws Exception {
        CliRun first = cli("migrate", "--plan", planFile(), "--no-prompt");
        assertThat(first.out()).contains("STOPPED at " + MAIN_XML_STEP + ".");
        reApplyCustomisation();
        CliRun next = cli("migrate", "--plan", planFile(), "--no-prompt", "--confirm", MAIN_XML_STEP);
        assertThat(next.out()).as(next.err()).contains("STOPPED at KEY-SECURE-VAULT:ManualStep:new-home.");
    }

    /** What the evidence's diff shows: one line added before the HTTP_SC property of the 3.1.0 file. */
    private void reApplyCustomisation() throws Exception {
        Path main = target.resolve(MAIN_XML);
        List<String> lines = new ArrayList<>(Files.readAllLines(main));
        int at = lines.indexOf(lines.stream()
                .filter(l -> l.contains("name=\"HTTP_SC\""))
                .findFirst()
                .orElseThrow());
        lines.add(at, CUSTOMISATION);
        Files.write(main, lines);
        assertThat(Files.readAllLines(main)).isEqualTo(Files.readAllLines(old.resolve(MAIN_XML)));
    }

    private Path oneSuperTenantApi() throws Exception {
        try (var files = Files.list(old.resolve("repository/deployment/server/synapse-configs/default/api"))) {
            return files.filter(p -> !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static List<JsonNode> journal(Path run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("journal.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static CliRun cli(String... args) {
        return CliRun.withEnvironment(OPERATOR, args);
    }

    /** A printed command line split as sh splits it: words, double-quoted words with backslash escapes. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any || w.length() > 0) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
