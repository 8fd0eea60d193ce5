package dev.apimupgrade.cli;

import dev.apimupgrade.scan.SecretMask;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log of one command (docs/adr/0035-logging-through-slf4j.md). The code logs through SLF4J; its simple backend
 * writes every record to System.err, which this routes for the length of the command, one line at a time under one
 * lock: every line, masked, to the log files (--log, and apim-upgrade.log in a run folder); to the terminal only the
 * tool's own warnings, or with --verbose every record, never a stack trace (those are the file's).
 */
final class InvocationLog implements AutoCloseable {
    static final String RUN_FOLDER_LOG = "apim-upgrade.log";

    /** A record as simplelogger.properties formats it: time, level, logger, message. */
    private static final Pattern RECORD = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT\\S+) (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$", Pattern.DOTALL);

    private static final String OWN_LOGGERS = "dev.apimupgrade.";
    /** Environment values shorter than this are not looked for: "1" or "no" would mask every number or word. */
    private static final int SHORTEST_SECRET = 4;

    private static final Object LOCK = new Object();
    private static InvocationLog current;

    private final PrintWriter terminal;
    private final boolean verbose;
    private final List<String> secrets;
    private final String header;
    /** Every line of this command's log so far, masked, for a run folder whose log starts later. */
    private final List<String> written = new ArrayList<>();

    private final Map<Path, BufferedWriter> files = new LinkedHashMap<>();
    private final Set<Path> waiting = new LinkedHashSet<>();
    private final PrintStream processErr;
    private PrintStream routed;

    private InvocationLog(PrintWriter terminal, boolean verbose, List<String> secrets, String header) {
        this.terminal = terminal;
        this.verbose = verbose;
        this.secrets = secrets;
        this.header = header;
        this.processErr = System.err;
    }

    /**
     * Starts the log of a command: {@code args} as typed (masked in the header), the command's terminal and the
     * environment, whose secret-named variables' values are masked wherever they turn up.
     */
    static InvocationLog open(
            List<String> args, LogOptions options, PrintWriter terminal, Map<String, String> environment) {
        List<String> secrets = environment.entrySet().stream()
                .filter(e -> SecretMask.isSecretKey(e.getKey()))
                .map(Map.Entry::getValue)
                .filter(v -> v != null && v.length() >= SHORTEST_SECRET)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        String header = "==== " + Instant.now() + " " + ToolVersion.NAME + " " + ToolVersion.version() + " (commit "
                + ToolVersion.commit() + "): " + mask(ToolVersion.NAME + " " + String.join(" ", args), secrets);
        InvocationLog log = new InvocationLog(terminal, options != null && options.verbose, secrets, header);
        if (options != null && options.file != null) {
            log.openFile(options.file);
        }
        synchronized (LOCK) {
            current = log;
            log.routed = new PrintStream(new Lines(log), true, StandardCharsets.UTF_8);
            System.setErr(log.routed);
        }
        return log;
    }

    /** The log of the command running now, if one is. */
    static Optional<InvocationLog> current() {
        synchronized (LOCK) {
            return Optional.ofNullable(current);
        }
    }

    /** Appends the log to {@code file} too (header and the lines so far), now or as soon as its folder exists. */
    void alsoTo(Path file) {
        synchronized (LOCK) {
            waiting.add(file.toAbsolutePath().normalize());
            openWaiting();
        }
    }

    private void openWaiting() {
        for (Path file : List.copyOf(waiting)) {
            if (Files.isDirectory(file.getParent())) {
                waiting.remove(file);
                openFile(file);
            }
        }
    }

    private void openFile(Path file) {
        if (files.containsKey(file)) {
            return;
        }
        try {
            BufferedWriter w = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            w.write(header);
            w.newLine();
            for (String line : written) {
                w.write(line);
                w.newLine();
            }
            w.flush();
            files.put(file, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line System.err received: a record, or the continuation of one (a stack trace). */
    private void line(String raw) {
        String line = mask(raw);
        synchronized (LOCK) {
            openWaiting();
            written.add(line);
            for (Map.Entry<Path, BufferedWriter> f : files.entrySet()) {
                try {
                    f.getValue().write(line);
                    f.getValue().newLine();
                    f.getValue().flush();
                } catch (IOException e) {
                    // the log must not end the command; say it once on the terminal and stop writing that file
                    terminal.println(
                            "apim-upgrade: warning: cannot write the log " + f.getKey() + ": " + e.getMessage());
                }
            }
            Matcher m = RECORD.matcher(line);
            if (!m.matches()) {
                return; // a stack trace or a library's own print: the log file's, never the terminal's
            }
            String level = m.group(2);
            String logger = m.group(3);
            boolean own = logger.startsWith(OWN_LOGGERS);
            boolean warning = level.equals("WARN") || level.equals("ERROR");
            if (!verbose && !(own && warning)) {
                return;
            }
            terminal.println(
                    verbose
                            ? level.toLowerCase(Locale.ROOT) + " " + logger.substring(logger.lastIndexOf('.') + 1)
                                    + ": " + m.group(4)
                            : "apim-upgrade: " + (level.equals("WARN") ? "warning" : "error") + ": " + m.group(4));
            terminal.flush();
        }
    }

    /** The text with every JDBC credential, secret-named value and secret from the environment masked. */
    String mask(String text) {
        return mask(text, secrets);
    }

    private static String mask(String text, List<String> secrets) {
        String masked = SecretMask.inText(text);
        for (String secret : secrets) {
            masked = masked.replace(secret, SecretMask.MASK);
        }
        return masked;
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            routed.close(); // hands on a last line without a line feed
            openWaiting();
            System.setErr(processErr);
            current = null;
            for (Map.Entry<Path, BufferedWriter> f : files.entrySet()) {
                try {
                    f.getValue().close();
                } catch (IOException e) {
                    terminal.println(
                            "apim-upgrade: warning: cannot write the log " + f.getKey() + ": " + e.getMessage());
                }
            }
            files.clear();
        }
    }

    /** System.err while a command runs: cuts what it receives into lines for {@link #line(String)}. */
    private static final class Lines extends OutputStream {
        private final InvocationLog log;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Lines(InvocationLog log) {
            this.log = log;
        }

        @Override
        public void write(int b) {
            synchronized (LOCK) {
                if (b == '\n') {
                    String line = pending.toString(StandardCharsets.UTF_8);
                    pending.reset();
                    log.line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                } else {
                    pending.write(b);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (LOCK) {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                if (pending.size() > 0) {
                    String line = pending.toString(StandardCharsets.UTF_8);
                    pending.reset();
                    log.line(line);
                }
            }
        }
    }
}
