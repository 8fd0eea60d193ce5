package dev.apimupgrade.rule;

import dev.apimupgrade.fact.Facts;
import java.util.List;

/** The port to the rule base: facts in, verdict out. The rules module implements it with Drools. */
public interface RuleEngine {
    Verdict decide(Facts facts);

    /** Every rule with its metadata, so reports and docs are generated from the rules themselves. */
    List<RuleInfo> rules();

    /** A hash of the compiled rule pack, so a report says exactly which rules decided it. */
    String rulePackHash();
}
