package dev.apimupgrade.cli;

import dev.apimupgrade.execute.JournalListener;
import dev.apimupgrade.execute.JournalRecord;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Test-only: with {@value #VARIABLE}=n in its environment, a child migrate or rollback holds still when it is about to
 * write its record n + 1 (after all the work done since record n) and says so on stderr, so a test can SIGKILL it at
 * that exact point. Registered through META-INF/services on the test classpath only; without the variable it does
 * nothing.
 */
public final class FreezeAfterListener implements JournalListener {
    static final String VARIABLE = "APIM_UPGRADE_TEST_FREEZE_AFTER";
    static final String FROZEN = "apim-upgrade: frozen after";
    private final long after = parse(System.getenv(VARIABLE));

    private static long parse(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
    }

    @Override
    public void beforeAppend(Path journal, int writtenBefore, JournalRecord next) {
        if (after > 0 && writtenBefore >= after) {
            // the process's own stderr, not System.err: while a command runs, InvocationLog routes System.err into
            // the log, where a line that is not a log record never reaches the terminal the test reads
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            err.println(FROZEN + " " + writtenBefore + " journal records (test hook)");
            err.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
