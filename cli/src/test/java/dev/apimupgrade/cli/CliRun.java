package dev.apimupgrade.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * One in-process run of the command line with its exit code and captured output. Every JSON file the run wrote into
 * its --out or --run folder is validated against its published schema (OutputSchemas), so every end-to-end test
 * checks the contracts of what it makes.
 */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    static CliRun withEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<Path, String> before = OutputSchemas.before(args);
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), environment);
        OutputSchemas.requireValid(args, before, code);
        return new CliRun(code, out.toString(), err.toString());
    }
}
