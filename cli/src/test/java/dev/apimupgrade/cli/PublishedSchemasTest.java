package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas of docs/schema are the ones in the jar, are themselves valid JSON Schema (2020-12), and reject what the
 * tool does not write: the check every end-to-end run makes through CliRun can fail.
 */
class PublishedSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everySchemaInDocsIsInTheJarAndIsValidJsonSchema() throws Exception {
        Path docs = Path.of("..", "docs", "schema");
        try (Stream<Path> files = Files.list(docs)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".schema.json", "")))
                    .containsExactlyInAnyOrderElementsOf(OutputSchemas.NAMES);
        }
        var meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String name : OutputSchemas.NAMES) {
            byte[] published = Files.readAllBytes(docs.resolve(name + ".schema.json"));
            try (var inJar = PublishedSchemasTest.class.getResourceAsStream("/schema/" + name + ".schema.json")) {
                assertThat(inJar).as(name).isNotNull();
                assertThat(inJar.readAllBytes()).as(name).isEqualTo(published);
            }
            assertThat(meta.validate(JSON.readTree(published))).as(name).isEmpty();
            assertThat(JSON.readTree(published).path("properties").has("formatVersion") || name.equals("row-export"))
                    .as(name + " has formatVersion")
                    .isTrue();
        }
    }

    @Test
    void anAssessmentWithoutFormatVersionOrWithAFieldTheToolDoesNotWriteFailsItsSchema() throws Exception {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(
                "assess",
                "--old",
                Samples.home(Samples.DEFAULT).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--no-db",
                "--out",
                out.toString());
        assertThat(run.code()).as(run.err()).isIn(ExitCode.READY, ExitCode.BLOCKERS, ExitCode.UNDECIDED);
        Path assessment = out.resolve("assessment.json");
        assertThat(OutputSchemas.problems(assessment)).isEmpty();
        assertThat(OutputSchemas.problems(out.resolve("run.json"))).isEmpty();

        ObjectNode tree = (ObjectNode) JSON.readTree(assessment.toFile());
        tree.remove("formatVersion");
        Files.writeString(assessment, JSON.writeValueAsString(tree));
        assertThat(OutputSchemas.problems(assessment))
                .singleElement()
                .asString()
                .contains("formatVersion");

        tree.put("formatVersion", 1);
        ((ObjectNode) tree.path("summary")).put("score", 3);
        Files.writeString(assessment, JSON.writeValueAsString(tree));
        assertThat(OutputSchemas.problems(assessment))
                .singleElement()
                .asString()
                .contains("score");

        Path stray = Files.writeString(out.resolve("notes.json"), "{}");
        assertThat(OutputSchemas.problems(stray)).singleElement().asString().contains("no published schema");
    }
}
