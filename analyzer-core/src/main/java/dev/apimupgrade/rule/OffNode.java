package dev.apimupgrade.rule;

import java.util.List;

/**
 * A rule's conclusion that a condition's step does not belong on the node assessed ("not on a Gateway node"). It
 * settles the condition NOT_APPLICABLE whatever else the rules found, and drops its actions: on this node there is
 * nothing to do for it.
 */
public record OffNode(String conditionId, String message, List<Evidence> evidence, String ruleName) {
    public OffNode {
        evidence = evidence.stream().sorted().distinct().toList();
    }
}
