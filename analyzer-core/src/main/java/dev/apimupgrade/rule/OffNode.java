package dev.apimupgrade.rule;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule's conclusion that a condition's step does not belong on the node assessed ("not on a Gateway node"). It
 * settles the condition NOT_APPLICABLE whatever else the rules found, and drops its actions: on this node there is
 * nothing to do for it. {@code keptDatasource} names the datasource the node keeps as its 3.1.0 pack ships it instead
 * of carrying it (ADR 0038), null otherwise: verify reads it from the conclusion, not from the rule's name.
 */
public record OffNode(
        String conditionId,
        String message,
        List<Evidence> evidence,
        String ruleName,
        @Nullable String keptDatasource) {
    public OffNode {
        evidence = evidence.stream().sorted().distinct().toList();
    }

    /** A step off the node that keeps no datasource of its own. */
    public OffNode(String conditionId, String message, List<Evidence> evidence, String ruleName) {
        this(conditionId, message, evidence, ruleName, null);
    }
}
