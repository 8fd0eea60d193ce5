package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Progress;
import java.io.PrintWriter;

/**
 * The progress line of a long step on stderr ("synapse-copy: 1200/4000 files"), rewritten in place at most every
 * 200 ms and ended with a line feed. Only for a person at a terminal: when the output is not one (a pipe, a file, CI)
 * or with --quiet, nothing is shown, so logs and captured output stay clean.
 */
final class ConsoleProgress implements Progress {
    private static final long EVERY_NANOS = 200_000_000L;
    private final PrintWriter err;
    private long last;
    private boolean shown;

    private ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    /** A display on err when the process has a terminal and --quiet was not given; else {@link Progress#NONE}. */
    static Progress of(boolean terminal, boolean quiet, PrintWriter err) {
        return terminal && !quiet ? new ConsoleProgress(err) : Progress.NONE;
    }

    @Override
    public void update(String stepId, long done, long total, String unit) {
        long now = System.nanoTime();
        if (shown && done < total && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        err.print("\r" + stepId + ": " + done + "/" + total + " " + unit);
        err.flush();
    }

    @Override
    public void finish(String stepId) {
        if (shown) {
            err.println();
            err.flush();
            shown = false;
        }
    }
}
