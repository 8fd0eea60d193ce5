package dev.apimupgrade.execute;

/**
 * A run folder as a step sees it: where it is, its journal (what the run did) and its backups (what the run saved
 * before changing it). Migrate always has one; verify has one only when it is given {@code --run}.
 */
public record RunState(RunDirectory folder, Journal journal, Backup backup) {
    /** The run folder's state with its backup of {@code homes}. */
    public static RunState of(RunDirectory folder, Journal journal, Homes homes) {
        return new RunState(folder, journal, new Backup(folder, journal, homes));
    }
}
