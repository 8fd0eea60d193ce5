package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.plan.Fingerprint;
import java.util.List;

/**
 * The result documents of the two checking commands, for {@code --format json}: plan --check (is the plan still the
 * installation's?) and evidence --check (is the bundle the one that was built?). Their schemas are plan-check and
 * evidence-check in docs/schema.
 */
public final class CheckResults {
    private CheckResults() {}

    /** plan --check: CURRENT or STALE, with each change that makes it stale. */
    @JsonPropertyOrder({"plan", "status", "fingerprint", "changes"})
    public record PlanCheck(String plan, String status, String fingerprint, List<Fingerprint.Change> changes) {
        public static final String CURRENT = "CURRENT";
        public static final String STALE = "STALE";
    }

    /** evidence --check: whether every file matches MANIFEST.sha256, and each one that does not. */
    @JsonPropertyOrder({"bundle", "intact", "problems"})
    public record EvidenceCheck(String bundle, boolean intact, List<EvidenceProblem> problems) {}

    public static String json(PlanCheck result) {
        return AssessmentJson.document(result);
    }

    public static String json(EvidenceCheck result) {
        return AssessmentJson.document(result);
    }
}
