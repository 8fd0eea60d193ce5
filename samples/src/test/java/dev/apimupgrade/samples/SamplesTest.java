package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(Samples.DIR_PROPERTY);
    }

    @Test
    void theSystemPropertyNamesTheSamplesFolderWhenSet(@TempDir Path dir) {
        System.setProperty(Samples.DIR_PROPERTY, dir.toString());
        assertThat(Samples.dir()).isEqualTo(dir);
    }

    @Test
    void aSamplesFolderThatDoesNotExistFailsWithAHintToBuildTheSamples(@TempDir Path dir) {
        System.setProperty(Samples.DIR_PROPERTY, dir.resolve("absent").toString());
        assertThatThrownBy(Samples::dir)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build the samples");
    }

    @Test
    void withoutThePropertyTheBuildsOwnSamplesAreFoundFromTheWorkingDirectory() {
        assertThat(Samples.dir().resolve(Samples.TARGET)).isDirectory();
        assertThat(Samples.home(Samples.CUSTOM)).isDirectory();
    }

    @Test
    void anUnknownPlantedSecretNameIsAnError() {
        assertThatThrownBy(() -> Samples.plantedSecret("no.such.secret")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTemplatePlaceholderWithoutAValueIsABuildErrorNotOutput() {
        assertThat(Template.fillText("t", "a=@@x@@ b=${keep}", Map.of("x", "1")))
                .isEqualTo("a=1 b=${keep}");
        assertThatThrownBy(() -> Template.fillText("t", "a=@@y@@", Map.of("x", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@@y@@");
    }

    @Test
    void scriptsSplitIntoStatementsAtLineEndSemicolonsWithoutCommentLines() {
        assertThat(H2Databases.statements("-- note\nCREATE TABLE T (\n  A INT\n);\n\n INSERT INTO T VALUES (1);\n"))
                .containsExactly("CREATE TABLE T (\n  A INT\n)", "INSERT INTO T VALUES (1)");
        assertThatThrownBy(() -> H2Databases.statements("SELECT 1")).isInstanceOf(IllegalStateException.class);
    }
}
