package dev.apimupgrade.rule;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;

/** One observation a conclusion rests on: where it was made and what was seen there. */
public record Evidence(SourceRef source, String observed) implements Comparable<Evidence> {
    public static Evidence of(Observation o) {
        return new Evidence(o.source(), o.observed());
    }

    @Override
    public int compareTo(Evidence o) {
        int c = source.compareTo(o.source);
        return c != 0 ? c : observed.compareTo(o.observed);
    }
}
