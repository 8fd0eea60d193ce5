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
 * The verdict in figures: how many conditions have each status, how many blockers and warnings apply, how many
 * blocker conditions are UNKNOWN ({@code undecided}), whether the installation is ready (no blocker applies and none
 * is undecided), and how much of the catalogue was decided automatically ({@link Coverage}). {@code verdict} is the
 * one line every report leads with: READY, NOT READY (a blocker applies) or UNDECIDED (none applies, but a blocker
 * condition could not be decided, so READY would be a guess).
 */
@JsonPropertyOrder({"verdict", "ready", "blockers", "undecided", "warnings", "counts", "coverage"})
public record Summary(
        String verdict,
        boolean ready,
        int blockers,
        int undecided,
        int warnings,
        Map<String, Integer> counts,
        Coverage coverage) {
    public static final String READY = Readiness.READY.label();
    public static final String NOT_READY = Readiness.NOT_READY.label();
    public static final String UNDECIDED = Readiness.UNDECIDED.label();

    static Summary of(List<ConditionView> conditions, List<Condition> catalogue) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s.name(), (int)
                    conditions.stream().filter(c -> c.status().equals(s.name())).count());
        }
        int blockers = applying(conditions, Severity.BLOCKER);
        int warnings = applying(conditions, Severity.WARNING);
        int undecided = (int) conditions.stream()
                .filter(c ->
                        c.status().equals(Status.UNKNOWN.name()) && c.severity().equals(Severity.BLOCKER.name()))
                .count();
        Readiness readiness = Readiness.of(blockers, undecided);
        String verdict = readiness == Readiness.NOT_READY
                ? NOT_READY + ": " + count(blockers, "blocker") + (undecided > 0 ? ", " + undecided + " undecided" : "")
                : readiness == Readiness.UNDECIDED
                        ? UNDECIDED + ": " + count(undecided, "blocker condition") + " could not be decided"
                        : READY;
        return new Summary(
                verdict,
                readiness == Readiness.READY,
                blockers,
                undecided,
                warnings,
                Collections.unmodifiableMap(counts),
                Coverage.of(conditions, catalogue));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int applying(List<ConditionView> conditions, Severity severity) {
        return (int) conditions.stream()
                .filter(c ->
                        c.status().equals(Status.APPLIES.name()) && c.severity().equals(severity.name()))
                .count();
    }
}
