package dev.apimupgrade.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format}: text for a person (the default), or json for a pipeline: the command's result document (the one
 * its schema in docs/schema describes) alone on standard output, and every line meant for a person on standard error.
 */
final class ResultFormat {
    enum Format {
        TEXT,
        JSON
    }

    @Option(
            names = "--format",
            paramLabel = "<text|json>",
            defaultValue = "text",
            description = "text (default), or json: the result document alone on standard output (schema in"
                    + " docs/schema), every other line on standard error.")
    Format format = Format.TEXT;

    boolean json() {
        return format == Format.JSON;
    }

    /** Where the lines for a person go: standard output, or standard error when standard output carries JSON. */
    PrintWriter human(CommandSpec spec) {
        return json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }

    /** Prints the result document on standard output when it was asked for (--format json, or --out -). */
    void document(CommandSpec spec, String json, boolean asked) {
        if (json() || asked) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        }
    }
}
