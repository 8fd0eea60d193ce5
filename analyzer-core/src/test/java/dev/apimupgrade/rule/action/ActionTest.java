package dev.apimupgrade.rule.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionTest {
    private static final List<Action> ONE_OF_EACH_KIND = List.of(
            new CopyFile("repository/components/lib/x.jar", "OLD:repository/components/lib/x.jar").when("first"),
            new CopyTree("repository/tenants/1", "OLD:repository/tenants/1", List.of("a.xml", "b/c.xml")),
            new SetTomlValue("apim.analytics.enable", "true"),
            SetTomlTable.fromOld("database.apim_db", true),
            DeletePath.of("solr").after("Backup solr"),
            new Backup("solr"),
            new RunSqlScript("apim_db", "am-3.0.0-to-3.1.0").dialect("POSTGRES"),
            new AdaptSqlStatement("apim_db", "am-3.0.0-to-3.1.0", "NAME", "UQ_NAME"),
            ManualStep.of("new-home", "run the migration client")
                    .command("sh wso2server.sh")
                    .removedAfter("repository/components/dropins/x.jar", "migration-resources"));

    @Test
    void everyActionKindHasAnExampleHere() {
        assertThat(ONE_OF_EACH_KIND.stream().map(Action::kind)).containsExactlyInAnyOrder(ActionKind.values());
    }

    @Test
    void anActionReadBackFromItsPlanJsonKindAndParamsIsTheSameTypedAction() {
        for (Action a : ONE_OF_EACH_KIND) {
            assertThat(Action.of(a.kind().label(), a.target(), a.params()))
                    .as(a.kind().label())
                    .contains(a);
        }
    }

    @Test
    void planJsonKeepsTheParameterNamesAndCommaListsOfEarlierPlans() {
        assertThat(ONE_OF_EACH_KIND.get(1).params())
                .isEqualTo(Map.of("from", "OLD:repository/tenants/1", "exclude", "a.xml,b/c.xml"));
        assertThat(ONE_OF_EACH_KIND.get(3).params()).isEqualTo(Map.of("from", "OLD", "relativeH2", "true"));
        assertThat(ONE_OF_EACH_KIND.get(8).params())
                .isEqualTo(Map.of(
                        "step",
                        "run the migration client",
                        "command",
                        "sh wso2server.sh",
                        "removedAfter",
                        "repository/components/dropins/x.jar,migration-resources"));
        assertThat(SetTomlTable.fromOld("truststore").params()).isEqualTo(Map.of("from", "OLD"));
    }

    @Test
    void parametersThePlannerAddedAreIgnoredWhenAPlanStepIsReadAsATypedAction() {
        assertThat(Action.of(
                        "RunSqlScript",
                        "apim_db",
                        Map.of("script", "reg-index", "dialectFolder", "postgres", "identifier.X", "Y")))
                .contains(new RunSqlScript("apim_db", "reg-index"));
    }

    @Test
    void aKindThisBuildDoesNotKnowIsNoTypedAction() {
        assertThat(Action.of("FormatDisk", "/", Map.of())).isEmpty();
        assertThat(Arrays.stream(ActionKind.values()).map(ActionKind::label)).contains("RunSqlScript", "ManualStep");
    }

    @Test
    void onlyAManualStepIsLeftToTheOperator() {
        assertThat(ONE_OF_EACH_KIND.stream().filter(a -> !a.automated()).map(Action::kind))
                .containsExactly(ActionKind.MANUAL_STEP);
    }

    @Test
    void aManualStepThatStartsTheServerIsDoneWhenTheLogShowsTheStartAndTheRemovedPathsAreGone() {
        assertThat(ONE_OF_EACH_KIND.get(8).postCondition(Map.of()))
                .isEqualTo("you did it by hand; the 3.1.0 home's"
                        + " repository/logs/wso2carbon.log shows that start finished (a line 'WSO2 Carbon started in ...') and"
                        + " no ERROR line from it; repository/components/dropins/x.jar, migration-resources no longer in the"
                        + " 3.1.0 home");
    }
}
