package dev.apimupgrade.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The locks a migrate or rollback run holds: its run folder's, and one in each home
 * ({@value #HOME_LOCK}), so a second run on the same installation is refused before it changes anything, whatever
 * run folder it was given. Taken run folder first, then the new home, then the old home; released in reverse.
 */
final class RunLocks implements AutoCloseable {
    /** The lock file in the root of each home: no scanner reads a home's root, so it never shows as a change. */
    static final String HOME_LOCK = ".apim-upgrade.lock";

    private final List<RunLock> held;

    private RunLocks(List<RunLock> held) {
        this.held = held;
    }

    static RunLocks acquire(RunDirectory run, Homes homes, boolean breakLock) throws IOException, RunRefusedException {
        List<RunLock> held = new ArrayList<>();
        try {
            held.add(RunLock.acquire(run.lock(), "the run folder " + run.root(), breakLock));
            for (Path home : List.of(homes.newHome(), homes.oldHome())) {
                if (Files.isDirectory(home)) {
                    held.add(RunLock.acquire(home.resolve(HOME_LOCK), "the home " + home, breakLock));
                }
            }
            return new RunLocks(held);
        } catch (IOException | RunRefusedException | RuntimeException e) {
            new RunLocks(held).close();
            throw e;
        }
    }

    /** Journals each lock taken over from a run whose process is gone, or broken with --break-lock. */
    void record(Journal journal) {
        for (RunLock lock : held) {
            lock.takenOver()
                    .ifPresent(what -> journal.append(JournalRecord.note(
                            lock.broken() ? JournalRecord.Event.LOCK_BROKEN : JournalRecord.Event.LOCK_TAKEN_OVER,
                            (lock.broken() ? "--break-lock removed " : "taken over: ") + what)));
        }
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (int i = held.size() - 1; i >= 0; i--) {
            try {
                held.get(i).close();
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        held.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
