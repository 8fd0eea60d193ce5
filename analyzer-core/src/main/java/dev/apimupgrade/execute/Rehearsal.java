package dev.apimupgrade.execute;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a dry run found, step by step, and in sum: how many steps the tool would carry out, how many are done
 * already, and each stop for the operator (a manual step with what it expects, or the location of the full database
 * backup a script needs first), so the operator can rehearse the night and prepare the answers file's migrate: block.
 */
public record Rehearsal(
        List<String> lines,
        int automated,
        int alreadyDone,
        List<Stop> stops,
        boolean needsDatabaseBackup,
        @Nullable String backupFor) {
    public Rehearsal {
        lines = List.copyOf(lines);
        stops = List.copyOf(stops);
    }

    /** A step the run stops at until the operator confirms it: its id, what to do and how it is checked. */
    public record Stop(String stepId, String what, String check) {}
}
