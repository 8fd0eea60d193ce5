package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.Installation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The readiness assessment as every output shows it: one entry per catalogue condition in catalogue order, the
 * justified actions, the installation, and the groups the HTML lays out (blockers, warnings, steps, unknown, not
 * applicable). Templates and writers only format this; every choice about what goes where is made and tested here.
 */
@JsonPropertyOrder({"tool", "installation", "summary", "conditions", "actions"})
public record AssessmentReport(
        ToolInfo tool,
        InstallationView installation,
        Summary summary,
        List<ConditionView> conditions,
        List<ActionView> actions,
        @JsonIgnore List<ConditionView> blockers,
        @JsonIgnore List<ConditionView> warnings,
        @JsonIgnore List<ConditionView> steps,
        @JsonIgnore List<ConditionView> unknown,
        @JsonIgnore List<ConditionView> notApplicable) {

    public static AssessmentReport from(Installation installation, Facts facts, Verdict verdict, ToolInfo tool) {
        Map<String, ConditionResult> byId = verdict.results().stream()
                .collect(Collectors.toMap(r -> r.condition().id(), Function.identity()));
        List<Condition> catalogue = ConditionCatalogue.load().all();
        List<ConditionView> conditions = catalogue.stream()
                .map(c -> {
                    ConditionResult r = byId.get(c.id());
                    if (r == null) {
                        throw new IllegalArgumentException(
                                "the verdict has no result for catalogue condition " + c.id());
                    }
                    return ConditionView.of(r);
                })
                .toList();
        List<ActionView> actions = verdict.actions().stream()
                .map(ActionView::of)
                .sorted(Comparator.comparing(ActionView::id))
                .toList();
        return new AssessmentReport(
                tool,
                InstallationView.of(installation, facts),
                Summary.of(conditions, catalogue),
                conditions,
                actions,
                where(conditions, applying(Severity.BLOCKER)),
                where(conditions, applying(Severity.WARNING)),
                where(conditions, applying(Severity.INFO)),
                where(conditions, c -> c.status().equals(Status.UNKNOWN.name())),
                where(conditions, c -> c.status().equals(Status.NOT_APPLICABLE.name())));
    }

    private static Predicate<ConditionView> applying(Severity severity) {
        return c -> c.status().equals(Status.APPLIES.name()) && c.severity().equals(severity.name());
    }

    private static List<ConditionView> where(List<ConditionView> conditions, Predicate<ConditionView> test) {
        return conditions.stream().filter(test).toList();
    }
}
