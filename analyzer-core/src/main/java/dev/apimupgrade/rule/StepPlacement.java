package dev.apimupgrade.rule;

import java.util.List;

/**
 * Where the guide runs one condition's step in a distributed setup, as the catalogue says ({@link Condition#nodes()}),
 * given to the rules beside the facts so a rule can tell whether the step belongs on the node assessed.
 */
public record StepPlacement(String conditionId, List<String> nodes) {
    public StepPlacement {
        nodes = List.copyOf(nodes);
    }
}
