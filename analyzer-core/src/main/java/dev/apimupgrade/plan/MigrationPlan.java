package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The reviewed, saved and later executed plan: the justified actions in the guide's order, bound to the fingerprint
 * of what it was made from, so executing a plan made for another state of the installation can be refused. plan.json
 * carries a keyed MAC over every field (PlanJson), so a plan edited by hand after it was made is refused, not executed.
 * {@code inputs} says how it was made (homes, options, answers file, environment variable names) and
 * {@code newHomeBaseline} holds the SHA-256 of every new-home file the scan read, as planned (relative path to
 * digest), for verify to compare what the plan leaves alone with.
 */
@JsonPropertyOrder({"toolVersion", "rulePackHash", "inputs", "fingerprint", "newHomeBaseline", "steps"})
public record MigrationPlan(
        String toolVersion,
        String rulePackHash,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PlanInputs inputs,
        Fingerprint fingerprint,
        Map<String, String> newHomeBaseline,
        List<PlanStep> steps) {
    @JsonCreator
    public MigrationPlan {
        steps = List.copyOf(steps);
        newHomeBaseline =
                Collections.unmodifiableMap(new TreeMap<>(newHomeBaseline == null ? Map.of() : newHomeBaseline));
    }

    /** A new plan, not yet recording how it was made nor the new home as planned. */
    public MigrationPlan(String toolVersion, String rulePackHash, Fingerprint fingerprint, List<PlanStep> steps) {
        this(toolVersion, rulePackHash, null, fingerprint, Map.of(), steps);
    }

    /** The same plan, recording the new home's files as planned (path to SHA-256). */
    public MigrationPlan withNewHomeBaseline(Map<String, String> baseline) {
        return new MigrationPlan(toolVersion, rulePackHash, inputs, fingerprint, baseline, steps);
    }

    /** The same plan, recording how it was made. */
    public MigrationPlan withInputs(PlanInputs made) {
        return new MigrationPlan(toolVersion, rulePackHash, made, fingerprint, newHomeBaseline, steps);
    }
}
