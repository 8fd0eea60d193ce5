package dev.apimupgrade.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The decision stage's output: one result for every catalogue condition and the actions the rules justify.
 * A condition no rule concluded on is UNKNOWN, so a missing rule can never pass for "not applicable".
 * Precedence when rules disagree: APPLIES over UNKNOWN over NOT_APPLICABLE.
 */
public record Verdict(
        List<ConditionResult> results,
        List<JustifiedAction> actions,
        String rulePackHash,
        Set<String> keptDatasources) {
    public Verdict {
        keptDatasources = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(keptDatasources));
    }

    /** A verdict in which the node keeps no datasource as its 3.1.0 pack ships it. */
    public Verdict(List<ConditionResult> results, List<JustifiedAction> actions, String rulePackHash) {
        this(results, actions, rulePackHash, Set.of());
    }

    public static Verdict assemble(
            ConditionCatalogue catalogue, List<Finding> findings, List<JustifiedAction> actions, String rulePackHash) {
        return assemble(catalogue, findings, actions, List.of(), rulePackHash);
    }

    /**
     * As above, with the steps that do not belong on the node assessed: each such condition is NOT_APPLICABLE with the
     * reason and the node's evidence, and its actions are dropped, whatever the other rules found. The datasources
     * such a conclusion keeps as the 3.1.0 pack ships them become {@link #keptDatasources()}.
     */
    public static Verdict assemble(
            ConditionCatalogue catalogue,
            List<Finding> findings,
            List<JustifiedAction> actions,
            List<OffNode> offNode,
            String rulePackHash) {
        Map<String, List<OffNode>> off = offNode.stream().collect(Collectors.groupingBy(OffNode::conditionId));
        findings =
                findings.stream().filter(f -> !off.containsKey(f.conditionId())).collect(Collectors.toList());
        for (OffNode o : offNode) {
            findings.add(new Finding(
                    o.conditionId(),
                    Status.NOT_APPLICABLE,
                    catalogue.find(o.conditionId()).map(Condition::severity).orElse(Severity.INFO),
                    o.message(),
                    o.evidence(),
                    o.ruleName()));
        }
        actions =
                actions.stream().filter(a -> !off.containsKey(a.conditionId())).toList();
        Map<String, List<Finding>> byId = findings.stream().collect(Collectors.groupingBy(Finding::conditionId));
        for (String id : byId.keySet()) {
            if (!catalogue.contains(id)) {
                throw new IllegalStateException("a rule concluded on " + id + ", which the catalogue lacks");
            }
        }
        List<ConditionResult> results = new ArrayList<>();
        for (Condition c : catalogue.all()) {
            results.add(resultFor(c, byId.getOrDefault(c.id(), List.of())));
        }
        Set<String> kept = offNode.stream()
                .map(OffNode::keptDatasource)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return new Verdict(List.copyOf(results), oneActionPerId(actions), rulePackHash, kept);
    }

    /**
     * One action per id, sorted by id. A rule that fires once per matching fact (each analytics datasource with the
     * same driver, say) justifies the same action several times with different evidence: that is one thing to do,
     * with all the evidence. Actions that share an id but differ in what they do are kept apart, the later ones
     * numbered (id#2, id#3 in the order of their parameters), so a step id names exactly one step.
     */
    static List<JustifiedAction> oneActionPerId(List<JustifiedAction> actions) {
        Map<String, List<JustifiedAction>> byId = actions.stream()
                .distinct()
                .collect(Collectors.groupingBy(JustifiedAction::id, java.util.TreeMap::new, Collectors.toList()));
        List<JustifiedAction> out = new ArrayList<>();
        byId.forEach((id, same) -> {
            Map<String, List<JustifiedAction>> byWhat = same.stream()
                    .collect(Collectors.groupingBy(
                            a -> a.kind() + "|" + a.automated() + "|" + a.target() + "|" + a.params(),
                            java.util.TreeMap::new,
                            Collectors.toList()));
            int n = 0;
            for (List<JustifiedAction> group : byWhat.values()) {
                JustifiedAction first = group.stream()
                        .min(Comparator.comparing(JustifiedAction::ruleName))
                        .orElseThrow();
                List<Evidence> evidence =
                        group.stream().flatMap(a -> a.evidence().stream()).toList();
                n++;
                out.add(new JustifiedAction(
                        n == 1 ? id : id + "#" + n,
                        first.conditionId(),
                        first.kind(),
                        first.automated(),
                        first.target(),
                        first.params(),
                        evidence,
                        first.ruleName()));
            }
        });
        return List.copyOf(out);
    }

    private static ConditionResult resultFor(Condition c, List<Finding> findings) {
        if (findings.isEmpty()) {
            return new ConditionResult(
                    c,
                    Status.UNKNOWN,
                    c.severity(),
                    List.of("No rule reached a conclusion on this condition: the evidence it needs was not gathered."),
                    List.of(),
                    List.of());
        }
        Status status = findings.stream().anyMatch(f -> f.status() == Status.APPLIES)
                ? Status.APPLIES
                : findings.stream().anyMatch(f -> f.status() == Status.UNKNOWN)
                        ? Status.UNKNOWN
                        : Status.NOT_APPLICABLE;
        List<Finding> chosen = findings.stream()
                .filter(f -> f.status() == status)
                .sorted(Comparator.comparing(Finding::ruleName).thenComparing(Finding::message))
                .toList();
        Severity severity = chosen.stream()
                .map(Finding::severity)
                .min(Comparator.naturalOrder())
                .orElse(c.severity());
        List<String> messages = chosen.stream().map(Finding::message).distinct().toList();
        List<Evidence> evidence = new ArrayList<>(new TreeSet<>(
                chosen.stream().flatMap(f -> f.evidence().stream()).toList()));
        List<String> rules =
                chosen.stream().map(Finding::ruleName).distinct().sorted().toList();
        return new ConditionResult(c, status, severity, messages, evidence, rules);
    }

    public ConditionResult result(String conditionId) {
        return results.stream()
                .filter(r -> r.condition().id().equals(conditionId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + conditionId));
    }

    public Status status(String conditionId) {
        return result(conditionId).status();
    }

    public List<ConditionResult> blockers() {
        return results.stream()
                .filter(r -> r.status() == Status.APPLIES && r.severity() == Severity.BLOCKER)
                .toList();
    }

    /**
     * The blocker conditions no rule could decide (UNKNOWN with BLOCKER severity): while one is open, nobody can say
     * that no blocker applies, so the installation is not READY either.
     */
    public List<ConditionResult> undecidedBlockers() {
        return results.stream()
                .filter(r -> r.status() == Status.UNKNOWN && r.severity() == Severity.BLOCKER)
                .toList();
    }
}
