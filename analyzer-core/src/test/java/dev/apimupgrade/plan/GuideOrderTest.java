package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuideOrderTest {

    @Test
    void stepsRunBeforeYouBeginThenPreparingThenByNumberThenAfterStep4() {
        List<String> shuffled = new ArrayList<>(List.of(
                "After Step 4",
                "Step 2.10",
                "Step 3.2.2-3",
                "Step 1",
                "Preparing for migration",
                "Step 2.5.6-7",
                "Step 4",
                "Step 1.3",
                "Before you begin",
                "Step 2.5",
                "Step 1.1 / 2.2",
                "Step 2.7.1"));

        shuffled.sort(GuideOrder.BY_GUIDE);

        assertThat(shuffled)
                .containsExactly(
                        "Before you begin",
                        "Preparing for migration",
                        "Step 1",
                        "Step 1.1 / 2.2",
                        "Step 1.3",
                        "Step 2.5",
                        "Step 2.5.6-7",
                        "Step 2.7.1",
                        "Step 2.10",
                        "Step 3.2.2-3",
                        "Step 4",
                        "After Step 4");
    }

    @Test
    void everyCatalogueStepLabelHasAPlaceInTheOrder() {
        for (Condition c : ConditionCatalogue.load().all()) {
            List<Integer> key = GuideOrder.key(c.step());
            boolean numbered = key.get(0) == 2 || key.get(0) == 3;
            assertThat(numbered ? key.size() > 1 : key.size() == 1)
                    .as("%s: %s", c.id(), c.step())
                    .isTrue();
        }
    }
}
