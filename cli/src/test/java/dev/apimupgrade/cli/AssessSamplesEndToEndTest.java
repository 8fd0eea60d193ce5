package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.PlantedSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden end-to-end runs of {@code assess} on the generated samples: every condition has the status the sample
 * declares, the exit code follows the blockers, the JSON is byte-identical on a second run, the old home is not
 * changed by a single byte, and no planted secret reaches any output.
 */
class AssessSamplesEndToEndTest {
    private static final String TODAY = "2026-11-25";

    @TempDir
    Path tmp;

    /**
     * The custom sample's shared_db password is a Secure Vault reference, so the operator supplies it in the
     * environment, as the README says; the default sample's passwords are plain in its deployment.toml.
     */
    static final Map<String, String> OPERATOR_ENVIRONMENT =
            Map.of("APIM_UPGRADE_DB_PASSWORD_SHARED_DB", Samples.plantedSecret("custom.shared_db.password"));

    private CliRun assess(String sample, Path out) {
        return CliRun.withEnvironment(
                sample.equals(Samples.CUSTOM) ? OPERATOR_ENVIRONMENT : Map.of(),
                "assess",
                "--old",
                Samples.home(sample).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                out.toString(),
                "--today",
                TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void everyConditionHasTheStatusTheSampleDeclares(String sample) throws IOException {
        CliRun run = assess(sample, tmp.resolve("out"));

        assertThat(run.err()).isEmpty();
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode c : json(tmp.resolve("out/assessment.json")).get("conditions")) {
            actual.put(c.get("id").asText(), c.get("status").asText());
        }
        assertThat(actual).isEqualTo(new TreeMap<>(ExpectedStatusGolden.expected(sample, actual)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void theExitCodeIsOneWhenABlockerAppliesSevenWhenNoneAppliesButOneIsUnknownAndZeroOnlyOtherwise(String sample)
            throws IOException {
        CliRun run = assess(sample, tmp.resolve("out"));

        JsonNode report = json(tmp.resolve("out/assessment.json"));
        boolean blocker = false;
        boolean undecided = false;
        for (JsonNode c : report.get("conditions")) {
            boolean isBlocker = c.get("severity").asText().equals("BLOCKER");
            blocker |= c.get("status").asText().equals("APPLIES") && isBlocker;
            undecided |= c.get("status").asText().equals("UNKNOWN") && isBlocker;
        }
        int expected = blocker ? ExitCode.BLOCKERS : undecided ? ExitCode.UNDECIDED : ExitCode.READY;
        assertThat(run.code()).isEqualTo(expected);
        assertThat(run.out())
                .startsWith("Reports written to ")
                .contains(blocker ? "\nNOT READY" : undecided ? "\nUNDECIDED" : "\nREADY\n");
        assertThat(report.get("summary").get("ready").asBoolean()).isEqualTo(!blocker && !undecided);
    }

    @Test
    void theCustomSampleWithoutItsAnalyticsHomeIsUndecidedNotReadyNamingTheUnknownBlockersAndWhatSettlesThem()
            throws IOException {
        // ANA-PK-KEY-LENGTH and ANA-PK-DUPLICATES are BLOCKERs that need the analytics database: unknown without it
        CliRun run = assess(Samples.CUSTOM, tmp.resolve("out"));

        assertThat(run.code()).isEqualTo(ExitCode.UNDECIDED);
        assertThat(run.out())
                .contains("\nUNDECIDED: 2 blocker conditions could not be decided\n")
                .doesNotContain("\nREADY\n")
                .contains("  ANA-PK-KEY-LENGTH  BLOCKER: settled by --old-analytics\n")
                .contains("  ANA-PK-DUPLICATES  BLOCKER: settled by --old-analytics\n")
                .contains("  REG-KEEP-VERSIONING  WARNING: settled by the answers key keep_registry_versioning");
        assertThat(run.out().indexOf("ANA-PK-DUPLICATES  BLOCKER"))
                .isLessThan(run.out().indexOf("REG-KEEP-VERSIONING"));
        String last = run.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last)
                .startsWith("Next: settle each UNKNOWN BLOCKER above as it says, then run again:"
                        + " apim-upgrade assess --old " + Samples.home(Samples.CUSTOM))
                .contains(" --out " + tmp.resolve("out"));
        assertThat(json(tmp.resolve("out/assessment.json"))
                        .get("summary")
                        .get("undecided")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aReadyAssessmentEndsWithThePlanCommandForTheSameHomesAndOptions() throws IOException {
        CliRun run = assess(Samples.DEFAULT, tmp.resolve("out"));

        assertThat(run.code()).as(run.out()).isEqualTo(ExitCode.READY);
        String last = run.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last)
                .isEqualTo("Next: apim-upgrade plan --old " + Samples.home(Samples.DEFAULT) + " --new "
                        + Samples.home(Samples.TARGET) + " --out " + tmp.resolve("plan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void theSameInputGivesAByteIdenticalAssessmentJson(String sample) throws IOException {
        assess(sample, tmp.resolve("first"));
        assess(sample, tmp.resolve("second"));

        assertThat(Files.readAllBytes(tmp.resolve("second/assessment.json")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("first/assessment.json")));
        assertThat(tmp.resolve("first/assessment.html")).isNotEmptyFile();
        assertThat(tmp.resolve("first/run.json")).isNotEmptyFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void theAssessmentLeavesBothHomesByteIdentical(String sample) throws IOException {
        String oldBefore = treeHash(Samples.home(sample));
        String newBefore = treeHash(Samples.home(Samples.TARGET));

        assess(sample, tmp.resolve("out"));

        assertThat(treeHash(Samples.home(sample))).isEqualTo(oldBefore);
        assertThat(treeHash(Samples.home(Samples.TARGET))).isEqualTo(newBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apim-3.0.0-default", "apim-3.0.0-custom"})
    void noPlantedSecretAppearsInAnyOutputOrMessage(String sample) throws IOException {
        CliRun run = assess(sample, tmp.resolve("out"));

        PlantedSecrets.of(Samples.plantedSecrets())
                .assertNoneIn(run.out() + run.err(), "what assess printed")
                .assertNoneIn(tmp.resolve("out"));
    }

    @Test
    void withoutTheVaultedPasswordTheRegIndexStepIsPlannedFromTheUrlNamingTheVariableToSetAndNoSecret()
            throws IOException {
        CliRun run = CliRun.of(
                "assess",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--today",
                TODAY);

        assertThat(run.code())
                .as("ANA-PK-* are unknown blockers without --old-analytics")
                .isEqualTo(ExitCode.UNDECIDED);
        JsonNode reindex = condition(json(tmp.resolve("out/assessment.json")), "IDX-REG-INDEX-SQL");
        // the guide's step applies to every 3.0.0 registry and the URL fixes the dialect (issue 16)
        assertThat(reindex.get("status").asText()).isEqualTo("APPLIES");
        assertThat(reindex.toString())
                .contains("APIM_UPGRADE_DB_PASSWORD_SHARED_DB")
                .doesNotContain(Samples.plantedSecret("custom.shared_db.password"));
    }

    @Test
    void withNoDbTheConditionsThatNeedTheDataAreUnknownAndTheScriptStepsArePlannedFromTheUrls() throws IOException {
        CliRun run = CliRun.of(
                "assess",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--today",
                TODAY,
                "--no-db");

        assertThat(run.code())
                .as("blockers that need the databases are undecided")
                .isEqualTo(ExitCode.UNDECIDED);
        assertThat(run.out())
                .contains("  PRE-ALREADY-MIGRATED  BLOCKER: settled by reading the databases (run without"
                        + " --no-db)\n");
        JsonNode report = json(tmp.resolve("out/assessment.json"));
        for (String id : new String[] {"DB-SCOPE-BINDING-NULL", "PRE-ALREADY-MIGRATED", "IDN-LARGE-TABLES"}) {
            assertThat(condition(report, id).get("status").asText()).as(id).isEqualTo("UNKNOWN");
            assertThat(condition(report, id).get("messages").toString()).as(id).containsIgnoringCase("not read");
        }
        // the AM script and reg-index apply to every 3.0.0 database, and the H2 URLs fix their dialect (issue 16)
        for (String id : new String[] {"DB-AM-UPGRADE", "IDX-REG-INDEX-SQL"}) {
            assertThat(condition(report, id).get("status").asText()).as(id).isEqualTo("APPLIES");
            assertThat(condition(report, id).get("messages").toString())
                    .as(id)
                    .contains("not read")
                    .contains("dialect (H2)");
        }
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

    /** A hash over every path, size, modification time and content under a folder. */
    static String treeHash(Path root) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted().toList()) {
                    md.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    if (Files.isRegularFile(p)) {
                        md.update(Files.readAllBytes(p));
                        md.update(Files.getLastModifiedTime(p).toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
