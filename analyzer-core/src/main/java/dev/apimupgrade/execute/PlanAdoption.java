package dev.apimupgrade.execute;

import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run folder taking over a new plan, made after real drift stopped the run: the steps done under the earlier plan
 * that the new one holds unchanged (same id, kind, target and parameters) stay done, with their journal and exports;
 * a done step the new plan holds with other parameters is marked superseded and done again. The journal notes the new
 * plan, where its copy is, and the drift between the two plans' fingerprints that the steps do not explain.
 */
final class PlanAdoption {
    static final String ADOPTED = "plan-adopted";
    private static final int SHOWN = 10;

    private PlanAdoption() {}

    /** Adopts {@code plan} in place of {@code earlier}; returns the lines the run reports. */
    static List<String> adopt(
            RunDirectory run, Journal journal, MigrationPlan earlier, MigrationPlan plan, Set<String> confirmedNow)
            throws IOException, InputException {
        Map<String, PlanStep> before =
                earlier.steps().stream().collect(Collectors.toMap(PlanStep::id, Function.identity(), (a, b) -> a));
        List<String> lines = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            PlanStep old = before.get(step.id());
            if (old != null && !sameAction(old, step) && journal.completed(step.id())) {
                journal.append(JournalRecord.outcome(
                        step.id(),
                        JournalRecord.Status.SUPERSEDED,
                        "the adopted plan changes this step; it is done again"));
                lines.add(step.id() + ": done under the earlier plan with other parameters; done again");
            }
        }
        String kept = RunRecord.adopt(run, plan, journal);
        RunChecks steps = new RunChecks(
                journal,
                Stream.concat(earlier.steps().stream(), plan.steps().stream()).toList(),
                confirmedNow);
        List<String> drift = changedSources(steps.drift(earlier.fingerprint(), plan.fingerprint()));
        String why = drift.isEmpty()
                ? "no change outside the steps' targets"
                : drift.size() + " change(s) outside the steps' targets: "
                        + drift.stream().limit(SHOWN).collect(Collectors.joining("; "))
                        + (drift.size() > SHOWN ? "; ..." : "");
        journal.append(JournalRecord.note(
                JournalRecord.Event.PLAN_ADOPTED,
                "plan " + plan.fingerprint().sha256() + " (" + kept + ") replaces plan "
                        + earlier.fingerprint().sha256() + "; drift: " + why));
        lines.add(0, "adopted the new plan (" + kept + "); drift since the earlier plan: " + why);
        return lines;
    }

    /** One line per changed source: "changed", "added" or "removed", then where. */
    private static List<String> changedSources(List<Fingerprint.Change> changes) {
        Map<String, Set<String>> whats = new java.util.TreeMap<>();
        changes.forEach(c -> whats.computeIfAbsent(c.source(), k -> new java.util.TreeSet<>())
                .add(c.what()));
        return whats.entrySet().stream()
                .map(e -> (e.getValue().size() > 1
                                ? "changed"
                                : e.getValue().iterator().next()) + " " + e.getKey())
                .toList();
    }

    private static boolean sameAction(PlanStep a, PlanStep b) {
        return a.kind().equals(b.kind())
                && a.target().equals(b.target())
                && a.params().equals(b.params())
                && a.automated() == b.automated()
                && Objects.equals(a.postCondition(), b.postCondition());
    }
}
