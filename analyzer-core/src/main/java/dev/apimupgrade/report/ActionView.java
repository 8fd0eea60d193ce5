package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.report.ConditionView.EvidenceView;
import dev.apimupgrade.rule.JustifiedAction;
import java.util.List;
import java.util.Map;

/**
 * One action the rules justify, as the report shows it: what to do, to what, automated or not, for which condition,
 * and its justification (the rule and the evidence it matched), so nobody has to take an action on trust.
 */
@JsonPropertyOrder({"id", "conditionId", "kind", "automated", "target", "params", "rule", "evidence"})
public record ActionView(
        String id,
        String conditionId,
        String kind,
        boolean automated,
        String target,
        Map<String, String> params,
        String rule,
        List<EvidenceView> evidence) {

    static ActionView of(JustifiedAction a) {
        return new ActionView(
                a.id(),
                a.conditionId(),
                a.kind(),
                a.automated(),
                a.target(),
                a.params(),
                a.ruleName(),
                a.evidence().stream().map(EvidenceView::of).toList());
    }
}
