package dev.apimupgrade.rule;

import dev.apimupgrade.rule.action.Action;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An action the rules justify (copy, edit, run a script, a manual step), with the condition and evidence behind it.
 * It exists only while its justification holds (inserted logically). {@code id} is stable for the same input. The
 * action is kept as plan.json has it (kind, target, params); {@link #action()} is its typed form.
 */
public record JustifiedAction(
        String id,
        String conditionId,
        String kind,
        boolean automated,
        String target,
        Map<String, String> params,
        List<Evidence> evidence,
        String ruleName) {
    public JustifiedAction {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        evidence = evidence.stream().sorted().distinct().toList();
    }

    /** A typed action justified by a rule. */
    public static JustifiedAction of(
            String id, String conditionId, Action action, List<Evidence> evidence, String ruleName) {
        return new JustifiedAction(
                id,
                conditionId,
                action.kind().label(),
                action.automated(),
                action.target(),
                action.params(),
                evidence,
                ruleName);
    }

    /** The typed action; empty only for a kind this build does not know. */
    public Optional<Action> action() {
        return Action.of(kind, target, params);
    }
}
