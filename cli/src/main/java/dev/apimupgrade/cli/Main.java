package dev.apimupgrade.cli;

import dev.apimupgrade.report.OutputRefusedException;
import dev.apimupgrade.scan.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;

/** The apim-upgrade command: its subcommands, and the mapping of every failure to a one-line message and exit code. */
@Command(
        name = "apim-upgrade",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "Evidence-based upgrade of WSO2 API Manager 3.0.0 to 3.1.0.",
        // the subcommands are added by commandLine(), from SUBCOMMANDS
        footer = {
            "%nExit codes: each command's --help lists its own (2 is always bad usage or unreadable input,"
                    + " 3 an internal error).",
            "%nStart with: apim-upgrade assess --old <3.0.0 home> --new <3.1.0 home> --out assessment"
        })
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    /**
     * The subcommands in the order of the work: collect (on other hosts), assess, plan, migrate, verify, compare,
     * evidence; rollback when needed.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CollectCommand.class,
            AssessCommand.class,
            PlanCommand.class,
            MigrateCommand.class,
            VerifyCommand.class,
            CompareCommand.class,
            EvidenceCommand.class,
            RollbackCommand.class,
            RulesCommand.class,
            CommandLine.HelpCommand.class);

    /** The environment the commands read (database passwords); tests give their own. */
    final Map<String, String> environment;
    /** Colours for a person at a terminal; none when the streams are not the process's own (tests). */
    final Colours colours;

    private Main(Map<String, String> environment, Colours colours) {
        this.environment = Map.copyOf(environment);
        this.colours = colours;
    }

    public static void main(String[] args) {
        // one writer discipline for both streams: on a terminal they share a screen (OrderedConsole)
        OrderedConsole console = new OrderedConsole(System.out, System.err);
        System.exit(run(args, console.out(), console.err(), System.getenv(), Colours.forThisProcess(System.getenv())));
    }

    /** Runs the command line with the given streams and environment; returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, environment, Colours.none());
    }

    private static int run(
            String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment, Colours colours) {
        CommandLine cli = commandLine(environment, colours, args.length == 0 ? "" : args[0]);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("apim-upgrade: " + ex.getMessage());
            err.println("Try 'apim-upgrade "
                    + (ex.getCommandLine().getCommandName().equals("apim-upgrade")
                            ? ""
                            : ex.getCommandLine().getCommandName() + " ")
                    + "--help'.");
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException in) {
                err.println("apim-upgrade: error: " + in.describe());
                return ExitCode.BAD_INPUT;
            }
            if (ex instanceof OutputRefusedException refused) {
                err.println("apim-upgrade: error: " + refused.getMessage());
                return ExitCode.BAD_INPUT;
            }
            err.println("apim-upgrade: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage())));
            return ExitCode.INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line with every subcommand, its converters and settings, as the build-time ReleaseDocs use it. */
    static CommandLine commandLine(Map<String, String> environment, Colours colours) {
        return commandLine(environment, colours, "");
    }

    /**
     * The command line as run() uses it: when {@code first} (the first argument) names a subcommand, only that one is
     * built, since everything after it is that subcommand's; else every subcommand (top-level help, help, a typo
     * answered with the list). picocli reads each subcommand's annotations when it is added, which was the largest
     * part of start-up before any work (ADR 0043).
     */
    static CommandLine commandLine(Map<String, String> environment, Colours colours, String first) {
        CommandLine cli = new CommandLine(new Main(environment, colours));
        List<Class<?>> named = SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class)
                .filter(c -> c.getAnnotation(Command.class).name().equals(first))
                .toList();
        (named.isEmpty() ? SUBCOMMANDS : named).forEach(cli::addSubcommand);
        // every path option is made absolute once, here: a later stage (an H2 URL, a run folder recorded in the
        // journal) must not depend on the directory the tool was started in
        // except "-" (--out -: standard output), which the commands that accept it look for as given
        cli.registerConverter(
                Path.class,
                text -> text.equals(OutputLocation.STDOUT)
                        ? Path.of(text)
                        : Path.of(text).toAbsolutePath().normalize());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionStrategy(parsed -> {
            requireDashOnlyForOut(parsed);
            InvocationLog log;
            try {
                log = InvocationLog.open(
                        parsed.originalArgs(),
                        logOptions(parsed),
                        parsed.commandSpec().commandLine().getErr(),
                        environment);
            } catch (java.io.UncheckedIOException e) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), e.getMessage());
            }
            try (log) {
                try {
                    return new CommandLine.RunLast().execute(parsed);
                } catch (CommandLine.ExecutionException e) {
                    // the cause chain with its stack traces goes to the log files only; the terminal gets one line
                    LOG.debug("the command ended on an exception", e.getCause());
                    throw e;
                }
            }
        });
        CommandHelp.install(cli);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(colours.on() ? Ansi.ON : Ansi.OFF));
        return cli;
    }

    /** The --verbose and --log of the command being run (the last subcommand given), if it has them. */
    private static LogOptions logOptions(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        return last.commandSpec().mixins().values().stream()
                .map(CommandLine.Model.CommandSpec::userObject)
                .filter(LogOptions.class::isInstance)
                .map(LogOptions.class::cast)
                .findFirst()
                .orElse(null);
    }

    /** "-" stays as given only so that --out - can mean standard output; any other path option refuses it. */
    private static void requireDashOnlyForOut(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (CommandLine.Model.OptionSpec o : p.matchedOptions()) {
                if (!o.longestName().equals("--out")
                        && o.getValue() instanceof Path path
                        && OutputLocation.isStdout(path)) {
                    throw new CommandLine.ParameterException(
                            p.commandSpec().commandLine(),
                            "'-' (standard output) is" + " only for --out; " + o.longestName() + " needs a path");
                }
            }
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
