package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The reviewed, saved and later executed plan: the justified actions in the guide's order, bound to the fingerprint
 * of what it was made from, so executing a plan made for another state of the installation can be refused. plan.json
 * carries a keyed MAC over every field (PlanJson), so a plan edited by hand after it was made is refused, not executed.
 */
@JsonPropertyOrder({"toolVersion", "rulePackHash", "fingerprint", "steps"})
public record MigrationPlan(String toolVersion, String rulePackHash, Fingerprint fingerprint, List<PlanStep> steps) {
    @JsonCreator
    public MigrationPlan {
        steps = List.copyOf(steps);
    }
}
