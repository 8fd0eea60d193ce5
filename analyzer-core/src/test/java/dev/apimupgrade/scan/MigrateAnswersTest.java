package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateAnswersTest {
    @TempDir
    Path tmp;

    private Path answers(String yaml) throws Exception {
        return Files.writeString(tmp.resolve("answers.yaml"), yaml);
    }

    @Test
    void theMigrateSectionConfirmsStepsWithTheirLineAndSaysWhereTheBackupIs() throws Exception {
        Path file = answers("distributed: no\nmigrate:\n  confirmed:\n    - restart\n    - identity-run\n"
                + "  database_backup: /backups/2026-11-25/am.dump\n");

        MigrateAnswers read = MigrateAnswers.read(file);

        assertThat(read.confirmed()).containsEntry("restart", file + ":4").containsEntry("identity-run", file + ":5");
        assertThat(read.databaseBackup()).contains("/backups/2026-11-25/am.dump");
        // the assessment reads the same file: the section is no question and makes no fact
        assertThat(new AnswersScanner(file).scan(null))
                .singleElement()
                .satisfies(o -> assertThat(((Answer) o).key()).isEqualTo("distributed"));
    }

    @Test
    void aFileWithoutTheSectionConfirmsNothing() throws Exception {
        assertThat(MigrateAnswers.read(answers("distributed: no\n"))).isEqualTo(MigrateAnswers.none());
        assertThat(MigrateAnswers.none().databaseBackup()).isEqualTo(Optional.empty());
    }

    @Test
    void aBackupLocationWithACredentialIsRefusedNamingTheLine() throws Exception {
        for (String location :
                new String[] {"s3://backup:Secr3t@bucket/am.dump", "host=db password=wso2carbon", "pwd: x"}) {
            Path file = answers("migrate:\n  database_backup: \"" + location + "\"\n");
            assertThatThrownBy(() -> MigrateAnswers.read(file))
                    .as(location)
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("credential")
                    .satisfies(e -> assertThat(((InputException) e).describe()).startsWith(file + ":2:"));
        }
    }

    @Test
    void anUnknownKeyInTheSectionIsATypoNamedInAssessToo() throws Exception {
        Path file = answers("migrate:\n  confirm:\n    - restart\n");

        assertThatThrownBy(() -> MigrateAnswers.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown key 'confirm'");
        assertThatThrownBy(() -> new AnswersScanner(file).scan(null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown key 'confirm'");
    }
}
