package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.PlantedSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden end-to-end run of {@code assess} on the custom sample with its analytics homes (--old-analytics,
 * --new-analytics): every condition has the status apim-3.0.0-custom+analytics.status declares, the analytics
 * database's BLOCKER sets the exit code, the analytics homes are not changed by a byte, and no planted secret
 * (the analytics database password included) reaches any output.
 */
class AssessAnalyticsEndToEndTest {
    private static final String TODAY = "2026-11-25";

    @TempDir
    Path tmp;

    private CliRun assess(Path out, String... extra) {
        String[] base = {
            "assess",
            "--old",
            Samples.home(Samples.CUSTOM).toString(),
            "--new",
            Samples.home(Samples.TARGET).toString(),
            "--old-analytics",
            Samples.home(Samples.ANALYTICS_CUSTOM).toString(),
            "--new-analytics",
            Samples.home(Samples.ANALYTICS_TARGET).toString(),
            "--out",
            out.toString(),
            "--today",
            TODAY
        };
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return CliRun.withEnvironment(AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT, args);
    }

    @Test
    void everyConditionHasTheStatusTheAnalyticsVariantOfTheCustomSampleDeclares() throws IOException {
        CliRun run = assess(tmp.resolve("out"));

        assertThat(run.err()).isEmpty();
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode c : json(tmp.resolve("out/assessment.json")).get("conditions")) {
            actual.put(c.get("id").asText(), c.get("status").asText());
        }
        assertThat(actual)
                .isEqualTo(new TreeMap<>(ExpectedStatusGolden.expected(Samples.CUSTOM_WITH_ANALYTICS, actual)));
    }

    @Test
    void theNullApiVersionRowIsABlockerSoTheAssessmentExitsOneAndCitesTheAnalyticsDatabase() throws IOException {
        CliRun run = assess(tmp.resolve("out"));

        assertThat(run.code()).isEqualTo(ExitCode.BLOCKERS);
        JsonNode duplicates = condition(json(tmp.resolve("out/assessment.json")), "ANA-PK-DUPLICATES");
        assertThat(duplicates.get("severity").asText()).isEqualTo("BLOCKER");
        assertThat(duplicates.toString())
                .contains("NULL APIVERSION")
                .contains("db:APIM_ANALYTICS_DB/APILASTACCESSSUMMARY");
    }

    @Test
    void theCustomDashboardAndTheWidgetTheNewPackLacksAreNamedWithACopyStepEach() throws IOException {
        assess(tmp.resolve("out"));

        JsonNode dashboards = condition(json(tmp.resolve("out/assessment.json")), "ANA-CUSTOM-DASHBOARDS");
        assertThat(dashboards.get("messages").toString())
                .contains("partner-sla")
                .contains("PartnerSlaWidget")
                .doesNotContain("APIMApiUsage");
    }

    @Test
    void theReportListsTheAnalyticsDatasourcesItReadWithTheirUrls() throws IOException {
        assess(tmp.resolve("out"));

        JsonNode datasources =
                json(tmp.resolve("out/assessment.json")).get("installation").get("datasources");
        assertThat(datasources.toString())
                .contains("\"role\":\"OLD-analytics\",\"name\":\"worker/APIM_ANALYTICS_DB\"")
                .contains("\"role\":\"NEW-analytics\",\"name\":\"dashboard/AM_DB\"")
                .contains("WSO2AM_STATS_DB");
    }

    @Test
    void theAssessmentLeavesTheAnalyticsHomesByteIdentical() throws IOException {
        String oldBefore = AssessSamplesEndToEndTest.treeHash(Samples.home(Samples.ANALYTICS_CUSTOM));
        String newBefore = AssessSamplesEndToEndTest.treeHash(Samples.home(Samples.ANALYTICS_TARGET));

        assess(tmp.resolve("out"));

        assertThat(AssessSamplesEndToEndTest.treeHash(Samples.home(Samples.ANALYTICS_CUSTOM)))
                .isEqualTo(oldBefore);
        assertThat(AssessSamplesEndToEndTest.treeHash(Samples.home(Samples.ANALYTICS_TARGET)))
                .isEqualTo(newBefore);
    }

    @Test
    void noPlantedSecretAppearsInAnyOutputOrMessage() throws IOException {
        CliRun run = assess(tmp.resolve("out"));

        assertThat(Samples.plantedSecrets()).containsKey("custom.analytics_db.password");
        PlantedSecrets.of(Samples.plantedSecrets())
                .assertNoneIn(run.out() + run.err(), "what assess printed")
                .assertNoneIn(tmp.resolve("out"));
    }

    @Test
    void anOutputFolderInsideTheOldAnalyticsHomeIsRefusedBeforeAnythingIsRead() {
        Path inside = Samples.home(Samples.ANALYTICS_CUSTOM).resolve("report");
        CliRun run = assess(inside);

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("--out is inside the home");
        assertThat(inside).doesNotExist();
    }

    @Test
    void aMalformedAnalyticsYamlIsNamedWithItsLineAndNothingIsWritten() throws IOException {
        Path analytics = tmp.resolve("analytics");
        Files.createDirectories(analytics.resolve("conf/worker"));
        Files.writeString(
                analytics.resolve("conf/worker/deployment.yaml"),
                "wso2.datasources:\n  dataSources:\n    - name: APIM_ANALYTICS_DB\n      definition: [open\n");
        CliRun run = CliRun.of(
                "assess",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--no-db",
                "--old-analytics",
                analytics.toString(),
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .containsPattern("deployment\\.yaml:\\d+: malformed YAML")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderThatIsNotAnAnalyticsHomeIsRefusedWithExitCode2() throws IOException {
        Path notAnalytics = Files.createDirectories(tmp.resolve("downloads"));
        CliRun run = CliRun.of(
                "assess",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--no-db",
                "--new-analytics",
                notAnalytics.toString(),
                "--out",
                tmp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains("--new-analytics is not an API-M Analytics home")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    private static JsonNode condition(JsonNode report, String id) {
        for (JsonNode c : report.get("conditions")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no condition " + id);
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
