package dev.apimupgrade.rule;

import java.util.List;

/**
 * A rule's conclusion about one catalogue condition: its status, the message (what was observed, neutrally), and the
 * evidence with the rule that matched it. Value equality lets Drools merge identical logical insertions.
 */
public record Finding(
        String conditionId,
        Status status,
        Severity severity,
        String message,
        List<Evidence> evidence,
        String ruleName) {
    public Finding {
        evidence = evidence.stream().sorted().distinct().toList();
    }
}
