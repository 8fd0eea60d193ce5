package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTargetsTest {
    private static PlanStep step(String kind, String target) {
        return new PlanStep(
                "id", "TEST", kind, target, Map.of(), true, List.of(), "Step 1", "", "holds", List.of(), List.of());
    }

    private static boolean coveredAlways(PlanStep step, String source) {
        return StepTargets.of(step).always().stream().anyMatch(t -> StepTargets.covers(t, source));
    }

    @Test
    void aManualStepThatEditsOneFileCoversThatFileOfTheNewHomeAndNothingElse() {
        PlanStep main = step("ManualStep", "repository/deployment/server/synapse-configs/default/sequences/main.xml");

        assertThat(coveredAlways(main, "NEW:repository/deployment/server/synapse-configs/default/sequences/main.xml"))
                .isTrue();
        assertThat(coveredAlways(main, "OLD:repository/deployment/server/synapse-configs/default/sequences/main.xml"))
                .isFalse();
        assertThat(coveredAlways(main, "NEW:repository/deployment/server/synapse-configs/default/sequences/main.xml2"))
                .isFalse();
    }

    @Test
    void aDeploymentTomlEditCoversEveryLineOfTheNewDeploymentTomlOnly() {
        PlanStep toml = step("SetTomlValue", "indexing.re_indexing");

        assertThat(coveredAlways(toml, "NEW:repository/conf/deployment.toml:42"))
                .isTrue();
        assertThat(coveredAlways(toml, "OLD:repository/conf/deployment.toml:42"))
                .isFalse();
    }

    @Test
    void aServerStartCoversTheWholeNewHomeAndTheDatabasesOnlyOnceTheRunReachedIt() {
        StepTargets start = StepTargets.of(step("ManualStep", "new-home"));

        assertThat(start.always()).isEmpty();
        assertThat(start.onceReached())
                .anyMatch(t -> StepTargets.covers(t, "NEW:repository/logs/wso2carbon.log"))
                .anyMatch(t -> StepTargets.covers(t, "db:apim_db/AM_API"))
                .noneMatch(t -> StepTargets.covers(t, "OLD:repository/conf/deployment.toml"));
    }

    @Test
    void aServerStartCoversTheOldHomesH2DatabaseFilesTheCarriedUrlsPointAtAndNoOtherOldFile() {
        // the identity migration (IDN-RUN) on an H2 sample changes WSO2AM_DB and WSO2SHARED_DB in the old home
        StepTargets start = StepTargets.of(step("ManualStep", "new-home"));

        assertThat(start.onceReached())
                .anyMatch(t -> StepTargets.covers(t, "OLD:repository/database/WSO2SHARED_DB.mv.db"))
                .noneMatch(t -> StepTargets.covers(
                        t,
                        "OLD:repository/deployment/server/synapse-configs/default/api"
                                + "/admin--PizzaShackAPI_v1.0.0.xml"));
        assertThat(StepTargets.of(step("ManualStep", "migration-resources")).onceReached())
                .isEmpty();
    }

    @Test
    void aScriptCoversItsDatabaseOnlyOnceTheRunReachedIt() {
        StepTargets script = StepTargets.of(step("RunSqlScript", "shared_db"));

        assertThat(script.always()).isEmpty();
        assertThat(script.onceReached()).containsExactly("db:shared_db/");
        assertThat(StepTargets.covers("db:shared_db/", "db:shared_db_2/REG_LOG"))
                .isFalse();
    }
}
