package dev.apimupgrade.execute;

import java.util.List;

/**
 * What a migrate run (or a dry run) did: each step's line for the operator, and, when it stopped before the end,
 * the step it stopped at and what to do to go on. The journal holds the full record.
 */
public record RunOutcome(boolean completed, List<String> lines, String stoppedAt, String toContinue) {
    public RunOutcome {
        lines = List.copyOf(lines);
    }
}
