package dev.apimupgrade.rule;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An action the rules justify (copy, edit, run a script, a manual step), with the condition and evidence behind it.
 * It exists only while its justification holds (inserted logically). {@code id} is stable for the same input.
 */
public record JustifiedAction(String id, String conditionId, String kind, boolean automated, String target,
                             Map<String, String> params, List<Evidence> evidence, String ruleName) {
    public JustifiedAction {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        evidence = evidence.stream().sorted().distinct().toList();
    }
}
