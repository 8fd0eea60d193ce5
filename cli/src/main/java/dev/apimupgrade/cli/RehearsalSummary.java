package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Rehearsal;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of {@code migrate --dry-run}: the counts of what the tool would do and of the stops, and a migrate: block
 * of the answers file (docs/answers.md) listing every stop's id with what it expects, ready to paste once each step
 * is really done, so an unattended run goes through.
 */
final class RehearsalSummary {
    private RehearsalSummary() {}

    static List<String> lines(Rehearsal r) {
        List<String> out = new ArrayList<>();
        int stops = r.stops().size() + (r.needsDatabaseBackup() ? 1 : 0);
        out.add("Rehearsal: " + r.automated() + " automated step(s) to carry out, " + r.alreadyDone()
                + " already done, " + stops + " stop(s) for the operator"
                + (r.needsDatabaseBackup() ? " (one is the location of the full database backup)" : "") + ".");
        if (stops == 0) {
            out.add("Nothing to confirm: the run goes through unattended.");
            return out;
        }
        out.add("For an unattended run, do each step, then add this to the --answers file (keep only what is done):");
        out.add("migrate:");
        if (!r.stops().isEmpty()) {
            out.add("  confirmed:");
            for (Rehearsal.Stop stop : r.stops()) {
                out.add("    # " + oneLine(stop.what()) + "; done when: " + oneLine(stop.check()));
                out.add("    - \"" + stop.stepId() + "\"");
            }
        }
        if (r.needsDatabaseBackup()) {
            out.add("  # PRE-BACKUP: where your full backup of the databases is, before " + r.backupFor()
                    + " (no password)");
            out.add("  database_backup: \"<where your full database backup is>\"");
        }
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
