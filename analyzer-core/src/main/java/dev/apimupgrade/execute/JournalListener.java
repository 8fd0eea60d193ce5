package dev.apimupgrade.execute;

import java.nio.file.Path;

/**
 * Observes a journal just before each record is written (found with {@link java.util.ServiceLoader}; the product
 * registers none). The kill tests register one on their classpath that holds a run still at an exact record so the
 * SIGKILL lands there; the shipped jar has no such hook.
 */
public interface JournalListener {
    /**
     * @param journal the journal file
     * @param writtenBefore how many records this process appended to it so far
     * @param next the record about to be written
     */
    void beforeAppend(Path journal, int writtenBefore, JournalRecord next);
}
