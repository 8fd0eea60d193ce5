package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanInputs;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.FormatVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan.json is written and MACed from the plan's records through a generator, and read into them as it is parsed
 * (ADR 0050): on the custom sample's plan, the bytes and the MACs are those of the JSON tree plan.json was made from
 * before, so plans and run folders made by earlier versions still read, and plans made now read in earlier versions.
 */
class PlanJsonWithoutATreeTest {
    @TempDir
    static Path planned;

    @TempDir
    Path tmp;

    private static MigrationPlan sample;

    @BeforeAll
    static void planTheCustomSample() throws Exception {
        CliRun run = CliRun.withEnvironment(
                AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT,
                "plan",
                "--old",
                Samples.home(Samples.CUSTOM).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--today",
                "2026-11-25",
                "--out",
                planned.toString());
        assertThat(run.err()).isEmpty();
        sample = PlanJson.read(planned.resolve("plan.json"));
    }

    /** plan.json as it was made before ADR 0050: the plan as a tree, each field's MAC and the whole's from it. */
    private static String asTheTreeWroteIt(MigrationPlan plan, MacKey key) throws Exception {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        ObjectNode tree = FormatVersion.stamp(mapper, plan);
        ObjectNode macs = tree.objectNode();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f : tree.properties()) {
            macs.put(f.getKey(), key.mac(f.getKey() + "=" + mapper.writeValueAsString(f.getValue())));
        }
        macs.put("plan", key.mac(mapper.writeValueAsString(tree)));
        tree.set("mac", macs);
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        return mapper.writer(new DefaultPrettyPrinter()
                                .withObjectIndenter(indent)
                                .withArrayIndenter(indent))
                        .writeValueAsString(tree)
                + "\n";
    }

    /** The sample's plan with text that needs escaping and is not ASCII in its inputs and its version. */
    private static MigrationPlan withAwkwardText(MigrationPlan plan) {
        String awkward = "caf\u00e9 \u65e5\u672c \ud83d\ude00 \"quoted\" back\\slash tab\t nul\u0001 </script>";
        PlanInputs inputs = plan.inputs();
        return new MigrationPlan(
                plan.toolVersion() + " " + awkward,
                plan.rulePackHash(),
                new PlanInputs(
                        inputs.oldHome() + "/" + awkward,
                        inputs.newHome(),
                        null,
                        null,
                        new PlanInputs.AnswersFile(awkward, "00"),
                        inputs.noDb(),
                        List.of(awkward),
                        inputs.today(),
                        inputs.environment(),
                        null,
                        null),
                plan.fingerprint(),
                Map.of(awkward, "ff", "a", "b"),
                plan.steps());
    }

    @Test
    void theCustomSamplesPlanIsWrittenByteForByteAsTheTreeWroteIt() throws Exception {
        MacKey key = MacKey.read(planned.resolve(PlanJson.KEY_FILE), "plan.json");

        assertThat(sample.fingerprint().facts()).hasSizeGreaterThan(200);
        assertThat(sample.steps()).hasSizeGreaterThan(10);
        assertThat(sample.newHomeBaseline()).isNotEmpty();
        assertThat(PlanJson.toJson(sample, key)).isEqualTo(asTheTreeWroteIt(sample, key));
        assertThat(Files.readString(planned.resolve("plan.json"))).isEqualTo(asTheTreeWroteIt(sample, key));
    }

    @Test
    void textThatIsEscapedOrNotAsciiIsWrittenAndMacedAsTheTreeDidIt() throws Exception {
        MigrationPlan awkward = withAwkwardText(sample);
        MacKey key = MacKey.random();

        String streamed = PlanJson.toJson(awkward, key);

        assertThat(streamed)
                .isEqualTo(asTheTreeWroteIt(awkward, key))
                .contains("\ud83d\ude00", "\\u0001", "\\\"quoted\\\"");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        PlanJson.write(awkward, key, bytes);
        assertThat(bytes.toByteArray()).isEqualTo(streamed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlanTheTreeWroteReadsStraightIntoTheSamePlan() throws Exception {
        MigrationPlan awkward = withAwkwardText(sample);
        Path file = tmp.resolve("plan.json");
        MacKey key = MacKey.create(tmp.resolve(PlanJson.KEY_FILE));
        Files.writeString(file, asTheTreeWroteIt(awkward, key));

        assertThat(PlanJson.read(file)).isEqualTo(awkward);
        assertThat(PlanJson.read(file, key)).isEqualTo(awkward);
    }
}
