package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict in figures: how many conditions have each status, how many blockers and warnings apply, whether the
 * installation is ready (no blocker), and how much of the catalogue was decided automatically ({@link Coverage}).
 * {@code verdict} is the one line every report leads with.
 */
@JsonPropertyOrder({"verdict", "ready", "blockers", "warnings", "counts", "coverage"})
public record Summary(String verdict, boolean ready, int blockers, int warnings, Map<String, Integer> counts,
                      Coverage coverage) {

    static Summary of(List<ConditionView> conditions, List<Condition> catalogue) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s.name(), (int) conditions.stream().filter(c -> c.status().equals(s.name())).count());
        }
        int blockers = applying(conditions, Severity.BLOCKER);
        int warnings = applying(conditions, Severity.WARNING);
        String verdict = blockers == 0 ? "READY" : "NOT READY: " + blockers + (blockers == 1 ? " blocker" : " blockers");
        return new Summary(verdict, blockers == 0, blockers, warnings, Collections.unmodifiableMap(counts),
                Coverage.of(conditions, catalogue));
    }

    private static int applying(List<ConditionView> conditions, Severity severity) {
        return (int) conditions.stream().filter(c -> c.status().equals(Status.APPLIES.name())
                && c.severity().equals(severity.name())).count();
    }
}
