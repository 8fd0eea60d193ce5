package dev.apimupgrade.rules;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Verdict;
import java.util.List;

/** One compiled rule base shared by the rule tests: deciding is cheap, building the KieBase is not. */
final class RuleHarness {
    static final ConditionCatalogue CATALOGUE = ConditionCatalogue.load();
    static final DroolsRuleEngine ENGINE = new DroolsRuleEngine(CATALOGUE);

    private RuleHarness() {}

    static Verdict decide(Observation... facts) {
        return ENGINE.decide(new Facts(List.of(facts)));
    }

    /** The actions justified by one condition, in the verdict's (stable) order. */
    static List<JustifiedAction> actions(Verdict verdict, String conditionId) {
        return verdict.actions().stream()
                .filter(a -> a.conditionId().equals(conditionId))
                .toList();
    }

    /** The messages of one condition's result, joined, for assertions on what a rule says. */
    static String said(Verdict verdict, String conditionId) {
        return String.join(" | ", verdict.result(conditionId).messages());
    }
}
