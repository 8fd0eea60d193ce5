package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.apimupgrade.rule.Verdict;
import java.util.Collection;

/**
 * The one decision every report leads with, derived from a verdict: READY (no blocker applies and none is undecided),
 * NOT READY (a blocker applies) or UNDECIDED (none applies, but a blocker condition could not be decided, so READY
 * would be a guess). Summary and the deployment's report both say it with these words.
 */
public enum Readiness {
    READY("READY"),
    NOT_READY("NOT READY"),
    UNDECIDED("UNDECIDED");

    private final String label;

    Readiness(String label) {
        this.label = label;
    }

    /** The word reports and JSON use ("NOT READY"). */
    @JsonValue
    public String label() {
        return label;
    }

    /** The CSS class a page marks it with (no space). */
    public String cssClass() {
        return name();
    }

    public static Readiness of(int blockers, int undecided) {
        return blockers > 0 ? NOT_READY : undecided > 0 ? UNDECIDED : READY;
    }

    public static Readiness of(Verdict v) {
        return of(v.blockers().size(), v.undecidedBlockers().size());
    }

    /** The worst of several: NOT READY over UNDECIDED over READY. */
    public static Readiness worst(Collection<Readiness> all) {
        return all.contains(NOT_READY) ? NOT_READY : all.contains(UNDECIDED) ? UNDECIDED : READY;
    }
}
