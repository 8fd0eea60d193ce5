package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Answer;
import dev.apimupgrade.fact.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented example answers file is one the scanner accepts, and it documents every question there is. */
class AnswersExampleTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void theExampleAnswersFileParsesIntoOneAnswerPerKeyTheScannerAccepts() throws Exception {
        Path example = DOCS.resolve("answers.example.yaml");
        assertThat(example)
                .as("docs/answers.example.yaml (tests run from the analyzer-core module)")
                .isRegularFile();

        List<Observation> facts = new AnswersScanner(example).scan(new Installation(DOCS, Optional.empty()));

        assertThat(facts).allSatisfy(f -> assertThat(f).isInstanceOf(Answer.class));
        assertThat(facts).map(f -> ((Answer) f).key()).containsExactlyElementsOf(AnswersScanner.KEYS);
    }

    @Test
    void theAnswersDocumentationNamesEveryKeyTheScannerAccepts() throws Exception {
        String doc = Files.readString(DOCS.resolve("answers.md"));

        assertThat(AnswersScanner.KEYS).allSatisfy(key -> assertThat(doc).contains("`" + key + "`"));
    }
}
