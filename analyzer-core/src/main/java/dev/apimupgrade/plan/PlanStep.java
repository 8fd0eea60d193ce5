package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.action.Action;
import dev.apimupgrade.rule.action.ActionKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One action of the plan, as the engine will execute it and the runbook shows it: what to do (kind, target, params),
 * whether the tool automates it, the node it runs on, the guide step it belongs to, how "done" is checked, and why
 * (the condition's messages and the evidence the rule matched).
 */
@JsonPropertyOrder({
    "id",
    "conditionId",
    "kind",
    "target",
    "params",
    "automated",
    "nodes",
    "guideStep",
    "guideLink",
    "postCondition",
    "why",
    "evidence"
})
public record PlanStep(
        String id,
        String conditionId,
        String kind,
        String target,
        Map<String, String> params,
        boolean automated,
        List<NodeRole> nodes,
        String guideStep,
        String guideLink,
        String postCondition,
        List<String> why,
        List<Evidence> evidence) {
    public PlanStep {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        nodes = List.copyOf(nodes);
        why = List.copyOf(why);
        evidence = List.copyOf(evidence);
    }

    /** The typed action (the planner's added parameters ignored); empty for a kind this build does not know. */
    @JsonIgnore
    public Optional<Action> action() {
        return Action.of(kind, target, params);
    }

    /** The step's kind, or empty for a kind this build does not know (left to the operator). */
    @JsonIgnore
    public Optional<ActionKind> actionKind() {
        return ActionKind.of(kind);
    }

    /**
     * A parameter the step's kind always carries; a plan.json without it is refused naming the step and the key,
     * rather than failing later with a NullPointerException.
     */
    public String param(String key) {
        String value = params.get(key);
        if (value == null) {
            throw new IllegalStateException("step " + id + " (" + kind + ") has no parameter '" + key + "'");
        }
        return value;
    }

    /** Whether the step is of this kind. */
    public boolean is(ActionKind k) {
        return k.label().equals(kind);
    }
}
