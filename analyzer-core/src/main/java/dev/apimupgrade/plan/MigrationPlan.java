package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The reviewed, saved and later executed plan: the justified actions in the guide's order, bound to the fingerprint
 * of what it was made from, so executing a plan made for another state of the installation can be refused. The steps
 * are bound to {@code stepsSha256} (the SHA-256 of their canonical JSON), so a plan.json edited by hand after it was
 * made (a step added, removed, reordered, or a parameter changed) is refused instead of executed.
 */
@JsonPropertyOrder({"toolVersion", "rulePackHash", "fingerprint", "stepsSha256", "steps"})
public record MigrationPlan(String toolVersion, String rulePackHash, Fingerprint fingerprint, String stepsSha256,
                            List<PlanStep> steps) {
    @JsonCreator
    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** A new plan: its steps hash is computed from the steps. */
    public MigrationPlan(String toolVersion, String rulePackHash, Fingerprint fingerprint, List<PlanStep> steps) {
        this(toolVersion, rulePackHash, fingerprint, PlanJson.stepsSha256(steps), steps);
    }

    /** Whether the steps are still the ones the plan was made with. */
    public boolean stepsIntact() {
        return stepsSha256 != null && stepsSha256.equals(PlanJson.stepsSha256(steps));
    }
}
