package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookJourneyTest {
    private static final PlanInputs MADE = new PlanInputs(
            "/opt/wso2 am/3.0.0",
            "/opt/wso2am-3.1.0",
            null,
            null,
            new PlanInputs.AnswersFile("/srv/answers.yaml", "ab12"),
            true,
            List.of("/drivers/ojdbc8.jar"),
            null,
            List.of("APIM_UPGRADE_DB_PASSWORD_APIM_DB"),
            null,
            null);

    @Test
    void theCommandsCarryThePlansOptionsAndQuoteAPathHoldingASpace() {
        RunbookJourney j = RunbookJourney.of(MADE, "/work/night/plan");

        assertThat(j.verify())
                .isEqualTo("apim-upgrade verify --old \"/opt/wso2 am/3.0.0\" --new /opt/wso2am-3.1.0"
                        + " --answers /srv/answers.yaml --no-db --jdbc-driver /drivers/ojdbc8.jar --run /work/night/migrate-run"
                        + " --out /work/night/after");
        assertThat(j.planCheck()).isEqualTo("apim-upgrade plan --check /work/night/plan/plan.json");
        assertThat(j.migrate())
                .isEqualTo("apim-upgrade migrate --plan /work/night/plan/plan.json --run" + " /work/night/migrate-run");
        assertThat(j.environment()).containsExactly("APIM_UPGRADE_DB_PASSWORD_APIM_DB");
    }

    @Test
    void theOutputsGoBesideThePlanFolderNeverIntoItSinceEvidenceCopiesThePlanFolderWhole() {
        RunbookJourney j = RunbookJourney.of(MADE, "/work/night/plan");

        for (String command : List.of(j.assess(), j.beforeInventory(), j.verify(), j.compare(), j.evidence())) {
            assertThat(command.substring(command.indexOf(" --out "))).doesNotContain("/work/night/plan/");
        }
        assertThat(j.runFolder()).isEqualTo("/work/night/migrate-run");
    }

    @Test
    void aPlanWithoutANewHomeStillGivesEveryCommandWithAPlaceholderToFillIn() {
        PlanInputs oldOnly =
                new PlanInputs("/opt/a", null, null, null, null, false, List.of(), null, List.of(), null, null);

        RunbookJourney j = RunbookJourney.of(oldOnly, "/w/plan");

        assertThat(j.verify()).contains("--new \"<the 3.1.0 home>\"");
        assertThat(j.compare()).contains("--new \"<the 3.1.0 home>\"");
    }
}
