package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the catalogue the assessment settled: conditions decided from evidence (APPLIES or NOT_APPLICABLE),
 * conditions waiting for an operator's answer (UNKNOWN, and the catalogue says an answer decides them), and the rest
 * of the UNKNOWN ones, which stay open until their evidence is gathered or a person checks them.
 */
@JsonPropertyOrder({"automatic", "needAnswer", "open"})
public record Coverage(int automatic, int needAnswer, int open) {
    static final String ANSWER = "answer";

    static Coverage of(List<ConditionView> conditions, List<Condition> catalogue) {
        Map<String, String> needs = new HashMap<>();
        catalogue.forEach(c -> needs.put(c.id(), c.needs()));
        int automatic = 0;
        int needAnswer = 0;
        int open = 0;
        for (ConditionView c : conditions) {
            if (!c.status().equals(Status.UNKNOWN.name())) {
                automatic++;
            } else if (ANSWER.equals(needs.get(c.id()))) {
                needAnswer++;
            } else {
                open++;
            }
        }
        return new Coverage(automatic, needAnswer, open);
    }
}
