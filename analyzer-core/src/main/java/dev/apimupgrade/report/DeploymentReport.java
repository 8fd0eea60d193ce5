package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.NodeServes;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's assessment as deployment-assessment.json and .html show it: each node with its role and the verdict of
 * its own assessment (written beside, under nodes/), the conditions across nodes, and the deployment's verdict, the
 * worst of them all. Deterministic, like assessment.json.
 */
@JsonPropertyOrder({"tool", "deployment", "verdict", "nodes", "conditions"})
public record DeploymentReport(
        ToolInfo tool,
        String deployment,
        Readiness verdict,
        List<NodeView> nodes,
        List<ConditionView> conditions,
        @JsonIgnore List<ConditionView> applying) {
    /** One node: what it serves, its homes, its own verdict and where its own assessment is (relative to this file). */
    @JsonPropertyOrder({"name", "serves", "roleFrom", "old", "new", "verdict", "blockers", "undecidedBlockers", "report"
    })
    public record NodeView(
            String name,
            List<String> serves,
            String roleFrom,
            String old,
            @JsonProperty("new") @Nullable String newHome,
            Readiness verdict,
            int blockers,
            int undecidedBlockers,
            String report) {}

    /** {@code nodeVerdicts} by node name; {@code across} the facts the deployment rules decided {@code verdict} from. */
    public static DeploymentReport from(
            Deployment deployment, Map<String, Verdict> nodeVerdicts, Facts across, Verdict verdict, ToolInfo tool) {
        List<NodeView> nodes = new ArrayList<>();
        List<Readiness> verdicts = new ArrayList<>(List.of(Readiness.of(verdict)));
        for (Deployment.Node node : deployment.nodes()) {
            // every node of the deployment was assessed before its report is made
            Verdict v = Objects.requireNonNull(nodeVerdicts.get(node.name()), node.name());
            NodeServes serves = across.ofType(NodeServes.class).stream()
                    .filter(s -> s.node().equals(node.name()))
                    .findFirst()
                    .orElseThrow();
            nodes.add(new NodeView(
                    node.name(),
                    serves.serves(),
                    serves.because(),
                    node.oldHome().toString(),
                    node.newHome().map(Object::toString).orElse(null),
                    Readiness.of(v),
                    v.blockers().size(),
                    v.undecidedBlockers().size(),
                    "nodes/" + node.name() + "/assessment.html"));
            verdicts.add(Readiness.of(v));
        }
        List<ConditionView> conditions =
                verdict.results().stream().map(ConditionView::of).toList();
        Readiness worst = Readiness.worst(verdicts);
        return new DeploymentReport(
                tool,
                deployment.name(),
                worst,
                nodes,
                conditions,
                conditions.stream()
                        .filter(c -> c.status().equals(Status.APPLIES.name()))
                        .toList());
    }
}
