package dev.apimupgrade.report;

import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.plan.NodeRole;
import dev.apimupgrade.plan.PlanStep;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * On which node a runbook step runs, in words: nothing for a standalone server, the guide's node roles for a
 * distributed setup, and, when the old home's role is known, this node named among them ("once, from this Key
 * Manager node, against the shared databases").
 */
final class RunbookNodes {
    private RunbookNodes() {}

    static String of(PlanStep step, boolean distributed, Optional<NodeRoleConfig> node) {
        if (!distributed) {
            return "";
        }
        if (node.isEmpty()) {
            return step.nodes().stream().map(NodeRole::label).collect(Collectors.joining(", "));
        }
        String self = node.get().label();
        List<NodeRole> roles = step.nodes();
        if (roles.contains(NodeRole.ONE_NODE)) {
            return "once, from this " + self + " node, against the shared databases; not again on the other nodes";
        }
        if (roles.contains(NodeRole.ANALYTICS)) {
            return NodeRole.ANALYTICS.label();
        }
        if (roles.contains(NodeRole.ALL)) {
            return "every node, this " + self + " node included";
        }
        return roles.stream().map(r -> r.label() + " nodes").collect(Collectors.joining(" and ")) + ", this " + self
                + " node included";
    }
}
