package dev.apimupgrade.execute;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a migrate run (or a dry run) did: each step's line for the operator, and, when it stopped before the end,
 * the step it stopped at, what to do to go on and what the run waits for from the operator. The journal holds the
 * full record.
 */
public record RunOutcome(
        boolean completed,
        List<String> lines,
        @Nullable String stoppedAt,
        @Nullable String toContinue,
        Awaits awaits) {
    /** What a stopped run needs from the operator before it can go on. */
    public enum Awaits {
        /** Nothing: the run completed. */
        NOTHING,
        /** The operator's word that the step at {@code stoppedAt} is done (--confirm). */
        CONFIRMATION,
        /** Where the full backup of the database the next script changes is (--database-backup). */
        DATABASE_BACKUP
    }

    public RunOutcome {
        lines = List.copyOf(lines);
    }

    static RunOutcome completed(List<String> lines) {
        return new RunOutcome(true, lines, null, null, Awaits.NOTHING);
    }
}
