package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Answer;
import dev.apimupgrade.fact.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswersScannerTest {
    @TempDir
    Path tmp;

    private List<Observation> scan(String yaml) throws Exception {
        Path file = Files.writeString(tmp.resolve("answers.yaml"), yaml);
        return new AnswersScanner(file).scan(new Installation(tmp, Optional.empty()));
    }

    private void assertInputError(String yaml, int line, String message) {
        assertThatThrownBy(() -> scan(yaml)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.file()).endsWith("answers.yaml");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void yesAndNoInAnySpellingBecomeAnswersForRegKeepVersioningAndIdnIsKeyManager() throws Exception {
        List<Observation> facts = scan("""
                # answers for the assessment
                keep_registry_versioning: yes
                is_key_manager: "No"
                distributed: false
                unique_id_user_store: 'yes'
                """);

        assertThat(facts)
                .map(Answer.class::cast)
                .extracting(Answer::key, Answer::value, a -> a.source().where())
                .containsExactly(
                        tuple("keep_registry_versioning", "yes", "answers:answers.yaml#keep_registry_versioning"),
                        tuple("is_key_manager", "no", "answers:answers.yaml#is_key_manager"),
                        tuple("distributed", "no", "answers:answers.yaml#distributed"),
                        tuple("unique_id_user_store", "yes", "answers:answers.yaml#unique_id_user_store"));
    }

    @Test
    void anEmptyFileAnswersNothing() throws Exception {
        assertThat(scan("# nothing answered yet\n")).isEmpty();
    }

    @Test
    void anUnknownKeyIsAnInputErrorAtItsLine() {
        assertInputError("distributed: no\nis_keymanager: yes\n", 2, "unknown question 'is_keymanager'");
    }

    @Test
    void aValueOtherThanYesOrNoIsAnInputErrorAtItsLine() {
        assertInputError("distributed: no\n\nis_key_manager: maybe\n", 3, "must be yes or no");
    }

    @Test
    void malformedYamlIsAnInputErrorWithTheParsersLine() {
        assertInputError("distributed: no\nis_key_manager: [yes\n", 3, "malformed YAML");
    }

    @Test
    void aMissingAnswersFileIsAnInputError() {
        assertThatThrownBy(() ->
                        new AnswersScanner(tmp.resolve("absent.yaml")).scan(new Installation(tmp, Optional.empty())))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.describe()).contains("absent.yaml"));
    }
}
