package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        return Planner.plan(PlannerTest.verdict(PlannerTest.MIXED), PlannerTest.CATALOGUE,
                new Facts(List.of(PlannerTest.SHARED, PlannerTest.APIM, FingerprintTest.TOML)), "1.0");
    }

    @Test
    void aPlanWrittenAndReadBackIsTheSamePlan() throws Exception {
        MigrationPlan plan = plan();
        Path file = Files.writeString(tmp.resolve("plan.json"), PlanJson.toJson(plan));

        assertThat(PlanJson.read(file)).isEqualTo(plan);
    }

    @Test
    void theSamePlanIsWrittenByteIdenticallyWithLineFeeds() {
        String first = PlanJson.toJson(plan());

        assertThat(PlanJson.toJson(plan())).isEqualTo(first);
        assertThat(first).doesNotContain("\r").endsWith("}\n").contains("\"steps\" : [");
    }

    @Test
    void aFileThatIsNotAPlanIsBadInputNamingTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("plan.json"), "{\"verdict\": 1}");

        assertThatThrownBy(() -> PlanJson.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a plan.json");
    }

    @Test
    void aPlanWhoseStepsWereEditedByHandIsBadInputNamingTheFile() throws Exception {
        String json = PlanJson.toJson(plan());
        assertThat(json).contains("\"stepsSha256\" : \"");
        String edited = json.replaceFirst("\"target\" : \"", "\"target\" : \"edited/");
        assertThat(edited).isNotEqualTo(json);
        Path file = Files.writeString(tmp.resolve("plan.json"), edited);

        assertThatThrownBy(() -> PlanJson.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("changed after it was made")
                .satisfies(e -> assertThat(((InputException) e).describe()).startsWith(file.toString()));
    }

    @Test
    void aPlanWithoutAStepsHashIsBadInput() throws Exception {
        String json = PlanJson.toJson(plan()).replaceFirst("\"stepsSha256\" : \"[0-9a-f]+\",", "");
        Path file = Files.writeString(tmp.resolve("plan.json"), json);

        assertThatThrownBy(() -> PlanJson.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("changed after it was made");
    }
}
