package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Evidence;
import java.util.List;

/**
 * One catalogue condition as the report shows it: its status and severity, why (the rules' messages and the
 * evidence), what to do, where the guide explains it, and which rules decided it.
 */
@JsonPropertyOrder({
    "id",
    "status",
    "severity",
    "title",
    "guideSection",
    "evidence",
    "remediation",
    "messages",
    "rules",
    "chapter",
    "beyondGuide"
})
public record ConditionView(
        String id,
        String status,
        String severity,
        String title,
        GuideSection guideSection,
        List<EvidenceView> evidence,
        String remediation,
        List<String> messages,
        List<String> rules,
        String chapter,
        boolean beyondGuide) {

    /** The guide step a condition belongs to and a link to its heading. */
    @JsonPropertyOrder({"step", "link"})
    public record GuideSection(String step, String link) {}

    /** One observation behind a conclusion: where ("file:line" or a database object) and what was seen. */
    @JsonPropertyOrder({"source", "observed"})
    public record EvidenceView(String source, String observed) {
        static EvidenceView of(Evidence e) {
            return new EvidenceView(e.source().toString(), e.observed());
        }
    }

    /** The condition, status and evidence of one result, as every report shows it. */
    public static ConditionView of(ConditionResult r) {
        Condition c = r.condition();
        return new ConditionView(
                c.id(),
                r.status().name(),
                r.severity().name(),
                c.title(),
                new GuideSection(c.step(), c.guideLink()),
                r.evidence().stream().map(EvidenceView::of).toList(),
                c.remediation(),
                List.copyOf(r.messages()),
                List.copyOf(r.rules()),
                c.chapter(),
                c.beyondGuide());
    }
}
