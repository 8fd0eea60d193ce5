package dev.apimupgrade.rules;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.OffNode;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.StepPlacement;
import dev.apimupgrade.rule.action.Action;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What rule consequences call to build their conclusions. The condition ID comes from the rule's @id, its severity
 * from the catalogue entry of that ID (or the rule's own @severity where it overrides it, ADR 0041), and the evidence
 * from the facts the rule matched, so nothing is typed twice.
 */
public final class Conclude {
    /** The session environment entry under which {@link DroolsRuleEngine} hands every session its catalogue. */
    static final String CATALOGUE = "dev.apimupgrade.catalogue";

    private Conclude() {}

    public static Finding applies(RuleContext kcontext, String message, Object... matched) {
        return finding(kcontext, Status.APPLIES, message, matched);
    }

    public static Finding notApplicable(RuleContext kcontext, String message, Object... matched) {
        return finding(kcontext, Status.NOT_APPLICABLE, message, matched);
    }

    public static Finding unknown(RuleContext kcontext, String message, Object... matched) {
        return finding(kcontext, Status.UNKNOWN, message, matched);
    }

    /**
     * This rule's condition does not belong on the node assessed: "not on a Gateway node", with where the guide runs
     * it and the node's evidence.
     */
    public static OffNode offNode(RuleContext kcontext, NodeRoleConfig node, StepPlacement placement) {
        Rule rule = kcontext.getRule();
        return new OffNode(
                meta(rule, "id"),
                "not on a " + node.label() + " node: the guide runs this step " + Placement.where(placement) + ".",
                evidence(node),
                rule.getName());
    }

    /**
     * The analytics step does not belong on this node: the deployment names the analytics pack on another node (ADR
     * 0040), where the guide runs it.
     */
    public static OffNode offNode(
            RuleContext kcontext, dev.apimupgrade.fact.AnalyticsPackElsewhere elsewhere, StepPlacement placement) {
        Rule rule = kcontext.getRule();
        return new OffNode(
                meta(rule, "id"),
                "not on this node: the guide runs this step " + Placement.where(placement)
                        + ", which the deployment names on node " + String.join(", ", elsewhere.nodes()) + ".",
                evidence(elsewhere),
                rule.getName());
    }

    /**
     * This rule's condition carries a datasource the node keeps only for itself: a node whose profile removes the
     * identity components (it cannot be the node that migrates the deployment's data, ADR 0020) with its datasource on
     * a node-local H2 file. Its 3.1.0 home keeps the database the 3.1.0 pack ships (ADR 0038); the node and the
     * datasource (its url, written or defaulted) are the evidence; the conclusion names the datasource kept, which
     * verify reads in the new home.
     */
    public static OffNode nodeLocalDatabase(RuleContext kcontext, NodeRoleConfig node, DatasourceConfig datasource) {
        Rule rule = kcontext.getRule();
        return new OffNode(
                meta(rule, "id"),
                "not on a " + node.profile() + " node: its " + datasource.name()
                        + " is a node-local H2 database; the 3.1.0 pack's own is kept.",
                evidence(node, datasource),
                rule.getName(),
                datasource.name());
    }

    /** A typed action justified by this rule ({@code new RunSqlScript(...)}, {@code ManualStep.of(...)}). */
    public static JustifiedAction action(RuleContext kcontext, Action action, List<?> matched) {
        Rule rule = kcontext.getRule();
        String id = meta(rule, "id");
        return JustifiedAction.of(
                id + ":" + action.kind().label() + ":" + action.target(),
                id,
                action,
                evidence(matched.toArray()),
                rule.getName());
    }

    private static Finding finding(RuleContext kcontext, Status status, String message, Object... matched) {
        Rule rule = kcontext.getRule();
        return new Finding(
                meta(rule, "id"),
                status,
                severity(rule, catalogue(kcontext)),
                message,
                evidence(matched),
                rule.getName());
    }

    /** The rule's own @severity where it overrides its condition's, else the catalogue's severity of its @id. */
    static Severity severity(Rule rule, ConditionCatalogue catalogue) {
        Object stated = rule.getMetaData().get("severity");
        return stated != null
                ? Severity.valueOf(stated.toString())
                : catalogue.get(meta(rule, "id")).severity();
    }

    private static ConditionCatalogue catalogue(RuleContext kcontext) {
        Object catalogue = kcontext.getKieRuntime().getEnvironment().get(CATALOGUE);
        if (catalogue == null) {
            throw new IllegalStateException("the session of rule '"
                    + kcontext.getRule().getName() + "' was not given the condition catalogue (DroolsRuleEngine does)");
        }
        return (ConditionCatalogue) catalogue;
    }

    static String meta(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        if (v == null) {
            throw new IllegalStateException("rule '" + rule.getName() + "' lacks @" + key);
        }
        return v.toString();
    }

    private static List<Evidence> evidence(Object... matched) {
        List<Evidence> out = new ArrayList<>();
        for (Object o : matched) {
            if (o instanceof Observation obs) {
                out.add(Evidence.of(obs));
            } else if (o instanceof Finding f) {
                out.addAll(f.evidence());
            } else if (o instanceof Collection<?> many) {
                out.addAll(evidence(many.toArray()));
            }
        }
        return out;
    }
}
