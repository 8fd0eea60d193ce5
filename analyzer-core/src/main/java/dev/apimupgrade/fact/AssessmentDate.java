package dev.apimupgrade.fact;

import java.time.LocalDate;

/** The day the assessment ran, as a fact, so rules about expiry stay pure and tests can fix the date. */
public record AssessmentDate(long epochDay, SourceRef source) implements Observation {
    public static AssessmentDate of(LocalDate day) {
        return new AssessmentDate(day.toEpochDay(), new SourceRef("clock", 0));
    }

    public String observed() {
        return "assessed on " + LocalDate.ofEpochDay(epochDay);
    }
}
