package dev.apimupgrade.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output and standard error of the process, written under one lock so that on a terminal, where both end up
 * on one screen, they never interleave out of order (issue 18): every write reaches its stream and is flushed before
 * the other stream is written, and a progress line still open on standard error ("\rstep: 3/10 files", no line
 * feed yet) is ended before anything else is written after it, a result or a log line.
 */
final class OrderedConsole {
    private final Object lock = new Object();
    private final PrintStream out;
    private final PrintStream err;
    /** Standard error's last line is a progress line not ended yet. */
    private boolean progressOpen;

    OrderedConsole(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Standard output: results. */
    PrintWriter out() {
        return new PrintWriter(new Side(true), true);
    }

    /** Standard error: progress, log lines and messages for a person. */
    PrintWriter err() {
        return new PrintWriter(new Side(false), true);
    }

    private void write(boolean toOut, String text) {
        if (text.isEmpty()) {
            return;
        }
        synchronized (lock) {
            boolean rewrite = text.startsWith("\r");
            boolean ending = text.startsWith("\n") || text.startsWith(System.lineSeparator());
            if (progressOpen && (toOut || !(rewrite || ending))) {
                err.print(System.lineSeparator());
                err.flush();
                progressOpen = false;
            }
            PrintStream to = toOut ? out : err;
            to.print(text);
            to.flush();
            if (!toOut) {
                progressOpen = rewrite ? !text.endsWith("\n") : progressOpen && !text.contains("\n");
            }
        }
    }

    private final class Side extends Writer {
        private final boolean toOut;

        Side(boolean toOut) {
            this.toOut = toOut;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            OrderedConsole.this.write(toOut, new String(buffer, offset, length));
        }

        @Override
        public void flush() {
            synchronized (lock) {
                (toOut ? out : err).flush();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
