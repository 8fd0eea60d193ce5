package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.scan.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanJsonTest {
    @TempDir
    Path tmp;

    private static MigrationPlan plan() {
        return Planner.plan(
                PlannerTest.verdict(PlannerTest.MIXED),
                PlannerTest.CATALOGUE,
                new Facts(List.of(PlannerTest.SHARED, PlannerTest.APIM, FingerprintTest.TOML)),
                "1.0");
    }

    @Test
    void aPlanWrittenAndReadBackIsTheSamePlan() throws Exception {
        MigrationPlan plan = plan();
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan);

        assertThat(PlanJson.read(file)).isEqualTo(plan);
        assertThat(tmp.resolve(PlanJson.KEY_FILE)).exists();
        assertThat(Files.getPosixFilePermissions(tmp.resolve(PlanJson.KEY_FILE)))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file))
                .doesNotContain(Files.readString(tmp.resolve(PlanJson.KEY_FILE)).strip());
    }

    @Test
    void theSamePlanIsWrittenByteIdenticallyWithLineFeedsUnderTheSameKey() {
        MacKey key = MacKey.random();
        String first = PlanJson.toJson(plan(), key);

        assertThat(PlanJson.toJson(plan(), key)).isEqualTo(first);
        assertThat(PlanJson.toJson(plan())).isEqualTo(PlanJson.toJson(plan()));
        assertThat(first)
                .doesNotContain("\r")
                .endsWith("}\n")
                .contains("\"steps\" : [")
                .contains("\"mac\" : {");
    }

    @Test
    void aPlanCarriesFormatVersionFirstUnderItsMac() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());

        assertThat(Files.readString(file))
                .startsWith("{\n  \"formatVersion\" : 1,\n  \"toolVersion\"")
                .contains("\"formatVersion\" : \"");
    }

    @Test
    void aPlanWrittenBeforeFormatVersionExistedStillReadsWithItsMac() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        MacKey key = MacKey.read(tmp.resolve(PlanJson.KEY_FILE), file.toString());
        // the plan as the version before formatVersion wrote it: no field, and MACs made without it
        ObjectMapper canonical = JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        ObjectNode tree = (ObjectNode) canonical.readTree(file.toFile());
        ObjectNode macs = (ObjectNode) tree.remove("mac");
        tree.remove("formatVersion");
        macs.remove("formatVersion");
        macs.put("plan", key.mac(canonical.writeValueAsString(tree)));
        tree.set("mac", macs);
        Files.writeString(file, canonical.writerWithDefaultPrettyPrinter().writeValueAsString(tree));

        assertThat(PlanJson.read(file)).isEqualTo(plan());
    }

    @Test
    void aPlanStreamedToAFileIsByteForByteItsTextAndReadsBackWithNonAsciiText() throws Exception {
        String version = "1.0-\u00e9\u65e5\u672c-\ud83d\ude00";
        MigrationPlan plan = Planner.plan(
                PlannerTest.verdict(PlannerTest.MIXED),
                PlannerTest.CATALOGUE,
                new Facts(List.of(PlannerTest.SHARED, PlannerTest.APIM, FingerprintTest.TOML)),
                version);
        Path file = tmp.resolve("plan.json");
        MacKey key = MacKey.create(tmp.resolve(PlanJson.KEY_FILE));

        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            PlanJson.write(plan, key, out);
        }

        assertThat(Files.readAllBytes(file))
                .isEqualTo(PlanJson.toJson(plan, key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).contains(version);
        assertThat(PlanJson.read(file)).isEqualTo(plan);
        // the text as it was made before it was streamed: the tree written whole as one String
        com.fasterxml.jackson.core.util.DefaultIndenter indent =
                new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
        ObjectMapper mapper = JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        String whole = mapper.writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                                .withObjectIndenter(indent)
                                .withArrayIndenter(indent))
                        .writeValueAsString(mapper.readTree(file.toFile()))
                + "\n";
        assertThat(Files.readString(file)).isEqualTo(whole);
    }

    @Test
    void aPlanMacedOverItsCanonicalTextAsOneStringAsEarlierVersionsDidStillReadsWithNonAsciiText() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        MacKey key = MacKey.read(tmp.resolve(PlanJson.KEY_FILE), file.toString());
        ObjectMapper canonical = JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        ObjectNode tree = (ObjectNode) canonical.readTree(file.toFile());
        tree.remove("mac");
        tree.put("toolVersion", "1.0-\u00e9\u65e5\u672c-\ud83d\ude00");
        ObjectNode macs = tree.objectNode();
        for (String field : List.copyOf(
                tree.properties().stream().map(java.util.Map.Entry::getKey).toList())) {
            macs.put(field, key.mac(field + "=" + canonical.writeValueAsString(tree.get(field))));
        }
        macs.put("plan", key.mac(canonical.writeValueAsString(tree)));
        tree.set("mac", macs);
        Files.writeString(file, canonical.writerWithDefaultPrettyPrinter().writeValueAsString(tree));

        assertThat(PlanJson.read(file).toolVersion()).isEqualTo("1.0-\u00e9\u65e5\u672c-\ud83d\ude00");
    }

    @Test
    void aPlanWhoseFormatVersionWasRemovedIsAnEditNamingTheField() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        Files.writeString(file, Files.readString(file).replaceFirst("\"formatVersion\" : 1,", ""));

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("formatVersion (removed)");
    }

    @Test
    void aPlanOfANewerFormatIsRefusedNamingTheFormat() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        Files.writeString(
                file, Files.readString(file).replaceFirst("\"formatVersion\" : 1,", "\"formatVersion\" : 2,"));

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("format 2 by a newer version of apim-upgrade");
    }

    @Test
    void aPlanBeginningWithAByteOrderMarkReadsAsTheSamePlan() throws Exception {
        MigrationPlan plan = plan();
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan);
        Files.writeString(file, "\uFEFF" + Files.readString(file));

        assertThat(PlanJson.read(file)).isEqualTo(plan);
    }

    @Test
    void aByteThatIsNotUtf8FarIntoAPlanReadAsAStreamIsRefusedWithItsLine() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        // 200 KB of blank lines first, so the bad byte is met by the parser well past the reader's first buffer
        byte[] saved = Files.readAllBytes(file);
        byte[] padding = "\n".repeat(200_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = new String(saved, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"steps\"");
        java.io.ByteArrayOutputStream edited = new java.io.ByteArrayOutputStream();
        edited.write(saved, 0, at);
        edited.write(padding);
        edited.write(new byte[] {'"', (byte) 0xFF, '"', ':', '1', ','});
        edited.write(saved, at, saved.length - at);
        Files.write(file, edited.toByteArray());
        long line = new String(saved, 0, at, java.nio.charset.StandardCharsets.UTF_8)
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 200_001;

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not UTF-8 text")
                .satisfies(e -> assertThat(((InputException) e).describe()).startsWith(file + ":" + line + ":"));
    }

    @Test
    void aFileThatIsNotAPlanIsBadInputNamingTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("plan.json"), "{\"verdict\": 1}");

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not a plan.json");
    }

    @Test
    void aPlanWhoseStepWasEditedByHandIsBadInputNamingTheFileAndTheField() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        String json = Files.readString(file);
        String edited = json.replaceFirst("\"target\" : \"", "\"target\" : \"edited/");
        assertThat(edited).isNotEqualTo(json);
        Files.writeString(file, edited);

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("was changed after apim-upgrade made it: steps no longer matches")
                .satisfies(e -> assertThat(((InputException) e).describe()).startsWith(file.toString()));
    }

    @Test
    void aPlanResignedWithAnotherKeyIsRefusedWithTheKeyBesideIt() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        MigrationPlan forged = new MigrationPlan("1.0", "forged", plan().fingerprint(), plan().steps());
        Files.writeString(file, PlanJson.toJson(forged, MacKey.random()));

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rulePackHash")
                .hasMessageContaining("steps");
    }

    @Test
    void aPlanWithoutItsMacIsBadInput() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        Files.writeString(file, PlanJson.toJson(plan()));

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("carries no MAC");
    }

    @Test
    void aPlanOfAnOlderVersionWithOnlyAStepsHashIsRefusedAskingForANewPlan() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        Files.writeString(
                file, PlanJson.toJson(plan()).replaceFirst("\"steps\" :", "\"stepsSha256\" : \"00\",\n  \"steps\" :"));

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("older version")
                .hasMessageContaining("make a new plan");
    }

    @Test
    void aPlanWithoutItsKeyBesideItIsBadInputNamingTheKeyFile() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanJson.save(file, plan());
        Files.delete(tmp.resolve(PlanJson.KEY_FILE));

        assertThatThrownBy(() -> PlanJson.read(file))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).file()).endsWith(PlanJson.KEY_FILE))
                .hasMessageContaining("is missing");
    }
}
