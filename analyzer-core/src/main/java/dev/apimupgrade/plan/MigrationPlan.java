package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reviewed, saved and later executed plan: the justified actions in the guide's order, bound to the fingerprint
 * of what it was made from, so executing a plan made for another state of the installation can be refused. The steps
 * are bound to {@code stepsSha256} (the SHA-256 of their canonical JSON), so a plan.json edited by hand after it was
 * made (a step added, removed, reordered, or a parameter changed) is refused instead of executed. {@code inputs} says
 * how it was made (homes, options, answers file, environment variable names) and {@code newHomeBaseline} holds the
 * SHA-256 of every new-home file the scan read, as planned (relative path to digest), for verify to compare what the
 * plan leaves alone with.
 */
@JsonPropertyOrder({"toolVersion", "rulePackHash", "inputs", "fingerprint", "newHomeBaseline", "stepsSha256", "steps"})
public record MigrationPlan(String toolVersion, String rulePackHash,
                            @JsonInclude(JsonInclude.Include.NON_NULL) PlanInputs inputs, Fingerprint fingerprint,
                            Map<String, String> newHomeBaseline, String stepsSha256, List<PlanStep> steps) {
    @JsonCreator
    public MigrationPlan {
        steps = List.copyOf(steps);
        newHomeBaseline = Collections.unmodifiableMap(new TreeMap<>(newHomeBaseline == null ? Map.of()
                : newHomeBaseline));
    }

    /** A new plan: its steps hash is computed from the steps. */
    public MigrationPlan(String toolVersion, String rulePackHash, Fingerprint fingerprint, List<PlanStep> steps) {
        this(toolVersion, rulePackHash, null, fingerprint, Map.of(), PlanJson.stepsSha256(steps), steps);
    }

    /** The same plan, recording the new home's files as planned (path to SHA-256). */
    public MigrationPlan withNewHomeBaseline(Map<String, String> baseline) {
        return new MigrationPlan(toolVersion, rulePackHash, inputs, fingerprint, baseline, stepsSha256, steps);
    }

    /** The same plan, recording how it was made. */
    public MigrationPlan withInputs(PlanInputs made) {
        return new MigrationPlan(toolVersion, rulePackHash, made, fingerprint, newHomeBaseline, stepsSha256, steps);
    }

    /** Whether the steps are still the ones the plan was made with. */
    public boolean stepsIntact() {
        return stepsSha256 != null && stepsSha256.equals(PlanJson.stepsSha256(steps));
    }
}
