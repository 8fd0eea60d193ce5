package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.rule.JustifiedAction;
import java.util.Map;

/** One action the rules justify, as the report shows it: what to do, to what, automated or not, and for which condition. */
@JsonPropertyOrder({"id", "conditionId", "kind", "automated", "target", "params"})
public record ActionView(String id, String conditionId, String kind, boolean automated, String target,
                         Map<String, String> params) {

    static ActionView of(JustifiedAction a) {
        return new ActionView(a.id(), a.conditionId(), a.kind(), a.automated(), a.target(), a.params());
    }
}
