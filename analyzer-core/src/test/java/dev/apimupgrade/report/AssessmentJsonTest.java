package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AssessmentJsonTest {
    private static final JsonMapper MAPPER = new JsonMapper();

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theSameInputGivesByteIdenticalJson() {
        String first = AssessmentJson.toJson(SampleAssessment.report());
        String second = AssessmentJson.toJson(SampleAssessment.report());

        assertThat(second).isEqualTo(first).endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void theTopLevelKeysAreFormatVersionToolInstallationSummaryConditionsActionsInThatOrder() throws Exception {
        JsonNode root = MAPPER.readTree(AssessmentJson.toJson(SampleAssessment.report()));

        assertThat(fieldNames(root))
                .containsExactly("formatVersion", "tool", "installation", "summary", "conditions", "actions");
        assertThat(fieldNames(root.get("tool"))).containsExactly("name", "version", "rulePackHash");
        assertThat(fieldNames(root.get("installation"))).containsExactly("homes", "versions", "datasources");
        assertThat(fieldNames(root.get("installation").get("homes"))).containsExactly("old", "new");
        assertThat(root.get("summary").get("ready").asBoolean()).isFalse();
        assertThat(fieldNames(root.get("summary").get("counts")))
                .containsExactly("APPLIES", "NOT_APPLICABLE", "UNKNOWN");
        assertThat(fieldNames(root.get("summary")))
                .containsExactly("verdict", "ready", "blockers", "undecided", "warnings", "counts", "coverage");
        assertThat(fieldNames(root.get("summary").get("coverage"))).containsExactly("automatic", "needAnswer", "open");
        assertThat(root.get("summary").get("coverage").get("automatic").asInt()).isEqualTo(6);
    }

    @Test
    void eachConditionAndActionHasTheDocumentedFields() throws Exception {
        JsonNode root = MAPPER.readTree(AssessmentJson.toJson(SampleAssessment.report()));
        JsonNode blocker = root.get("conditions").get(5);

        assertThat(fieldNames(blocker))
                .startsWith(
                        "id",
                        "status",
                        "severity",
                        "title",
                        "guideSection",
                        "evidence",
                        "remediation",
                        "messages",
                        "rules");
        assertThat(blocker.get("id").asText()).isEqualTo("PRE-SERVER-RUNNING");
        assertThat(fieldNames(blocker.get("guideSection"))).containsExactly("step", "link");
        assertThat(fieldNames(blocker.get("evidence").get(0))).containsExactly("source", "observed");
        assertThat(blocker.get("evidence").get(0).get("source").asText()).isEqualTo("OLD:wso2carbon.pid");
        assertThat(fieldNames(root.get("actions").get(0)))
                .containsExactly("id", "conditionId", "kind", "automated", "target", "params", "rule", "evidence");
    }

    @Test
    void theViewGroupsAreLeftOutBecauseConditionsAlreadyHoldThem() throws Exception {
        JsonNode root = MAPPER.readTree(AssessmentJson.toJson(SampleAssessment.report()));

        assertThat(root.has("blockers")
                        || root.has("warnings")
                        || root.has("steps")
                        || root.has("unknown")
                        || root.has("notApplicable"))
                .isFalse();
    }

    @Test
    void noCredentialOfADatasourceReachesTheJson() throws Exception {
        String json = AssessmentJson.toJson(SampleAssessment.report());
        JsonNode datasource =
                MAPPER.readTree(json).get("installation").get("datasources").get(0);

        assertThat(json)
                .doesNotContain(SampleAssessment.LEAKED_PASSWORD)
                .doesNotContain("user=wso2")
                .doesNotContainIgnoringCase("\"password");
        assertThat(fieldNames(datasource)).containsExactly("role", "name", "type", "url");
    }

    @Test
    void aMissingNewHomeIsWrittenAsNullSoTheShapeStaysTheSame() throws Exception {
        Installation oldOnlyGiven = new Installation(Path.of("homes/wso2am-3.0.0"), Optional.empty());
        AssessmentReport oldOnly = AssessmentReport.from(
                oldOnlyGiven, SampleAssessment.facts(), SampleAssessment.verdict(), SampleAssessment.TOOL);

        JsonNode homes = MAPPER.readTree(AssessmentJson.toJson(oldOnly))
                .get("installation")
                .get("homes");

        assertThat(fieldNames(homes)).containsExactly("old", "new");
        assertThat(homes.get("new").isNull()).isTrue();
    }

    @Test
    void runDetailsGoToTheirOwnJson() throws Exception {
        String run =
                AssessmentJson.runJson(new RunInfo("2026-11-25T09:00:00Z", "2026-11-25T09:00:03Z", "box", "assess"));

        assertThat(fieldNames(MAPPER.readTree(run)))
                .containsExactly("formatVersion", "startedAt", "finishedAt", "host", "command");
        // no field of the run in the assessment (a remediation may well say "localhost")
        assertThat(fieldNamesEverywhere(MAPPER.readTree(AssessmentJson.toJson(SampleAssessment.report()))))
                .doesNotContain("startedAt", "finishedAt", "host");
    }

    private static Set<String> fieldNamesEverywhere(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        node.elements().forEachRemaining(child -> names.addAll(fieldNamesEverywhere(child)));
        return names;
    }
}
