package dev.apimupgrade.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --verbose} and {@code --log}, on every command: the tool's log (through SLF4J) on standard error and in a file.
 * Main opens the {@link InvocationLog} around the command from these; a command with a run folder adds the run
 * folder's own log with {@link #runFolder(Path)}.
 */
final class LogOptions {
    @Option(
            names = "--verbose",
            description = "Show the log's detail on standard error as the command works (stages, counts, times)."
                    + " Secrets are masked.")
    boolean verbose;

    @Option(
            names = "--log",
            paramLabel = "<file>",
            description = "Append the whole log (debug detail, failures with their causes) to this file."
                    + " Secrets are masked.")
    Path file;

    /** Also appends this invocation's log to {@code apim-upgrade.log} in the run folder, once the folder exists. */
    void runFolder(Path folder) {
        InvocationLog.current().ifPresent(log -> log.alsoTo(folder.resolve(InvocationLog.RUN_FOLDER_LOG)));
    }
}
