package dev.apimupgrade.rules;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Verdict;
import java.util.List;

/** One compiled rule base shared by the rule tests: deciding is cheap, building the KieBase is not. */
final class RuleHarness {
    static final ConditionCatalogue CATALOGUE = ConditionCatalogue.load();
    static final DroolsRuleEngine ENGINE = new DroolsRuleEngine(CATALOGUE);

    private RuleHarness() {
    }

    static Verdict decide(Observation... facts) {
        return ENGINE.decide(new Facts(List.of(facts)));
    }
}
