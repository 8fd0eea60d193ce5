package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.plan.GuideOrder;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.PlantedSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden end-to-end runs of {@code plan} on the generated samples: the steps follow the guide, every action the
 * assessment justifies is a step, every condition that does not apply is listed as left out, no planted secret
 * reaches an output, the plan is byte-identical on a second run, and {@code --check} tells current from stale.
 */
class PlanSamplesEndToEndTest {
    private static final String TODAY = "2026-11-25";

    @TempDir
    Path tmp;

    private static Map<String, String> environment(String sample) {
        return sample.equals(Samples.CUSTOM) ? AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT : Map.of();
    }

    private static CliRun run(String sample, Path oldHome, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--old",
                oldHome.toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--today",
                TODAY));
        args.addAll(0, List.of(more));
        return CliRun.withEnvironment(environment(sample), args.toArray(String[]::new));
    }

    private CliRun plan(String sample, Path out) {
        return run(sample, Samples.home(sample), "plan", "--out", out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void theStepsFollowTheGuideAndEveryJustifiedActionIsAStep(String sample) throws Exception {
        CliRun planned = plan(sample, tmp.resolve("plan"));
        run(
                sample,
                Samples.home(sample),
                "assess",
                "--out",
                tmp.resolve("assess").toString());

        assertThat(planned.err()).isEmpty();
        MigrationPlan plan = PlanJson.read(tmp.resolve("plan/plan.json"));
        List<String> guideSteps = plan.steps().stream().map(PlanStep::guideStep).toList();
        assertThat(guideSteps).isSortedAccordingTo(GuideOrder.BY_GUIDE);
        List<String> actionIds = new ArrayList<>();
        for (JsonNode a : json(tmp.resolve("assess/assessment.json")).get("actions")) {
            actionIds.add(a.get("id").asText());
        }
        assertThat(plan.steps()).extracting(PlanStep::id).containsExactlyInAnyOrderElementsOf(actionIds);
        assertThat(plan.steps()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void theRunbooksShowEveryStepInOrderAndEveryConditionThatDoesNotApplyAsLeftOut(String sample) throws Exception {
        plan(sample, tmp.resolve("plan"));
        run(
                sample,
                Samples.home(sample),
                "assess",
                "--out",
                tmp.resolve("assess").toString());

        MigrationPlan plan = PlanJson.read(tmp.resolve("plan/plan.json"));
        String md = Files.readString(tmp.resolve("plan/runbook.md"));
        String html = Files.readString(tmp.resolve("plan/runbook.html"));
        int last = -1;
        for (int i = 0; i < plan.steps().size(); i++) {
            String id = "Step ID: `" + plan.steps().get(i).id() + "`";
            assertThat(md.indexOf(id)).as(id).isGreaterThan(last);
            last = md.indexOf(id);
            assertThat(md).contains("### " + (i + 1) + ". ");
            assertThat(html).contains("id=\"step-" + (i + 1) + "\"");
        }
        assertThat(md.split("- \\[ \\] Done", -1))
                .as("a box per step and one for step 0, the backup")
                .hasSize(plan.steps().size() + 2);
        String leftOut = md.substring(md.indexOf("## Steps left out"));
        for (JsonNode c : json(tmp.resolve("assess/assessment.json")).get("conditions")) {
            String id = c.get("id").asText();
            if (c.get("status").asText().equals("NOT_APPLICABLE")) {
                assertThat(leftOut).as(id).contains("| `" + id + "` ");
            }
            boolean hasStep =
                    plan.steps().stream().anyMatch(s -> s.conditionId().equals(id));
            if (c.get("status").asText().equals("APPLIES") && hasStep) {
                assertThat(md.substring(0, md.indexOf("## Steps left out")))
                        .as(id)
                        .contains("`" + id + "`");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void theSameInstallationGivesAPlanByteIdenticalButForItsMacUnderANewKeyAndAByteIdenticalRunbookMarkdown(
            String sample) throws Exception {
        plan(sample, tmp.resolve("first"));
        plan(sample, tmp.resolve("second"));

        assertThat(withoutMac(tmp.resolve("second/plan.json"))).isEqualTo(withoutMac(tmp.resolve("first/plan.json")));
        assertThat(Files.readString(tmp.resolve("second/plan.json")))
                .isNotEqualTo(Files.readString(tmp.resolve("first/plan.json")));
        assertThat(Files.readString(tmp.resolve("second/plan.key")))
                .isNotEqualTo(Files.readString(tmp.resolve("first/plan.key")));
        // the runbook prints its own folder in the commands (plan --check <dir>/plan.json): only that differs
        assertThat(Files.readString(tmp.resolve("second/runbook.md"))
                        .replace(tmp.resolve("second").toString(), "<out>"))
                .isEqualTo(Files.readString(tmp.resolve("first/runbook.md"))
                        .replace(tmp.resolve("first").toString(), "<out>"));
    }

    /** plan.json's text up to its mac object, the last field. */
    private static String withoutMac(Path plan) throws Exception {
        String text = Files.readString(plan);
        int mac = text.lastIndexOf(",\n  \"mac\" : {");
        assertThat(mac).as("plan.json ends with its mac").isPositive();
        return text.substring(0, mac);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void noPlantedSecretAppearsInThePlanTheRunbooksOrTheMessages(String sample) throws Exception {
        CliRun planned = plan(sample, tmp.resolve("out"));
        CliRun checked = run(
                sample,
                Samples.home(sample),
                "plan",
                "--check",
                tmp.resolve("out/plan.json").toString());

        PlantedSecrets.of(Samples.plantedSecrets())
                .assertNoneIn(planned.out() + planned.err(), "what plan printed")
                .assertNoneIn(checked.out() + checked.err(), "what plan --check printed")
                .assertNoneIn(tmp.resolve("out"));
    }

    @Test
    void checkSaysCurrentThenAfterAScannedFileChangesSaysStaleNamingThatFile() throws IOException {
        Path copy = copyTree(Samples.home(Samples.DEFAULT), tmp.resolve("homes/apim-3.0.0"));
        CliRun planned =
                run(Samples.DEFAULT, copy, "plan", "--out", tmp.resolve("out").toString());
        String planJson = tmp.resolve("out/plan.json").toString();

        CliRun current = run(Samples.DEFAULT, copy, "plan", "--check", planJson);
        assertThat(planned.err()).isEmpty();
        assertThat(current.code()).as(current.out() + current.err()).isEqualTo(ExitCode.READY);
        assertThat(current.out()).startsWith("CURRENT");

        Files.writeString(
                copy.resolve("repository/conf/registry.xml"),
                "\n<!-- edited after planning -->\n",
                StandardOpenOption.APPEND);
        CliRun stale = run(Samples.DEFAULT, copy, "plan", "--check", planJson);

        assertThat(stale.code()).isEqualTo(ExitCode.BLOCKERS);
        assertThat(stale.out())
                .startsWith("STALE")
                .contains("OLD:repository/conf/registry.xml")
                .doesNotContain("deployment.toml");
    }

    @Test
    void planWithoutOutOrCheckIsBadUsage() {
        CliRun run = run(Samples.DEFAULT, Samples.home(Samples.DEFAULT), "plan");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--out").contains("--check");
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
