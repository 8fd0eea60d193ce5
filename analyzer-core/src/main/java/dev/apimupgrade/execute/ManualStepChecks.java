package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.action.ActionKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the tool checks when the operator confirms a step it could not do itself: what the step printed as its check.
 * A step that starts the 3.1.0 server (its command runs wso2server) has the new home's repository/logs/wso2carbon.log
 * read from the size it had when the run paused at the step (or after the last failed check of that log, so a redo that
 * writes a clean start clears an earlier error): it must show the start ({@link #STARTED}) and no ERROR line nor a
 * migration client's known error (migration-client-errors.txt); no log at all is no start. A step with
 * {@code removedAfter} (comma-separated home paths, globs allowed in the file name) has those checked gone. A file the
 * operator placed (CopyFile) must be there, with the same SHA-256 as its source where the tool can read it; a path the
 * operator removed (DeletePath) must be gone. Each check says what it found; problems stop the run.
 */
final class ManualStepChecks {
    static final String LOG = "repository/logs/wso2carbon.log";
    /**
     * The line a 3.1.0 server writes once it has started (carbon-kernel's StartupFinalizerServiceComponent:
     * "WSO2 Carbon started in 42 sec"); the migration clients run before it, so it also ends a migration start.
     */
    static final String STARTED = "WSO2 Carbon started in";

    static final String REMOVED_AFTER = "removedAfter";
    private static final int SHOWN = 5;
    private static final Pattern ERROR_LINE = Pattern.compile("(^|[\\s\\]])ERROR([\\s{:]|$)");
    private static final List<String> KNOWN = known();

    /**
     * What the checks found: lines for the report, the problems (empty when every check passed), and whether the log
     * check failed (the next check then reads only what a redo writes after now).
     */
    record Result(List<String> found, List<String> problems, boolean logFailed) {}

    private ManualStepChecks() {}

    /** Whether the step starts the server, so its log says how the run went. */
    static boolean scansLog(PlanStep step) {
        return step.params().getOrDefault("command", "").contains("wso2server");
    }

    /** The log's size now (its offset for a later scan); 0 when there is no log yet. */
    static long logOffset(Homes homes) throws IOException {
        // not resolved against links: repository/logs is often a link to /var/log, and the log is only read
        Path log = homes.newHome().resolve(LOG);
        return Files.isRegularFile(log) ? Files.size(log) : 0;
    }

    static Result check(PlanStep step, Homes homes, Optional<Long> pausedAt) throws IOException {
        return check(step, homes, pausedAt, SuppliedFiles.NONE);
    }

    static Result check(PlanStep step, Homes homes, Optional<Long> pausedAt, SuppliedFiles supplied)
            throws IOException {
        List<String> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean logFailed = false;
        if (scansLog(step)) {
            int before = problems.size();
            scanLog(homes, pausedAt, found, problems);
            logFailed = problems.size() > before;
        }
        if (step.is(ActionKind.COPY_FILE)) {
            placed(step, homes, supplied, found, problems);
        }
        if (step.is(ActionKind.DELETE_PATH)) {
            List<String> left = present(homes, step.target());
            if (left.isEmpty()) {
                found.add("NEW:" + step.target() + " is removed");
            } else {
                problems.add("still present, the step says to remove it: " + String.join(", ", left));
            }
        }
        String removed = step.params().get(REMOVED_AFTER);
        if (removed != null) {
            for (String rel : removed.split(",")) {
                List<String> left = present(homes, rel.strip());
                if (left.isEmpty()) {
                    found.add("NEW:" + rel.strip() + " is removed");
                } else {
                    problems.add("still present, the step says to remove it: " + String.join(", ", left));
                }
            }
        }
        return new Result(found, problems, logFailed);
    }

    /** A file the operator placed: there, and the same bytes as its source where the tool can read that. */
    private static void placed(
            PlanStep step, Homes homes, SuppliedFiles supplied, List<String> found, List<String> problems) {
        Path target = homes.resolve(Role.NEW, step.target());
        String from = step.params().getOrDefault("from", "");
        if (!Files.isRegularFile(target)) {
            problems.add("NEW:" + step.target() + " is missing: the step places " + from + " there");
            return;
        }
        Optional<Path> source = Homes.isHomeName(from) ? Optional.of(homes.resolve(from)) : supplied.find(from);
        String sha = dev.apimupgrade.scan.FileDigest.sha256(target);
        if (source.isEmpty()) {
            found.add("NEW:" + step.target() + " is there (sha256 " + sha + "; the tool has no copy of " + from
                    + " to compare it with)");
        } else if (sha.equals(dev.apimupgrade.scan.FileDigest.sha256(source.get()))) {
            found.add("NEW:" + step.target() + " is there with the same SHA-256 as " + from);
        } else {
            problems.add("NEW:" + step.target() + " differs from " + from + " (another SHA-256)");
        }
    }

    private static void scanLog(Homes homes, Optional<Long> pausedAt, List<String> found, List<String> problems)
            throws IOException {
        // not resolved against links: repository/logs is often a link to /var/log, and the log is only read
        Path log = homes.newHome().resolve(LOG);
        if (!Files.isRegularFile(log)) {
            problems.add("NEW:" + LOG + " does not exist: the server start this step asks for wrote no log (a 3.1.0"
                    + " start writes it and ends with '" + STARTED + " ...'); start the server as the step says");
            return;
        }
        long size = Files.size(log);
        // a log smaller than at the pause was rotated: all of the new one is after the pause
        long from = pausedAt.filter(o -> o <= size).orElse(0L);
        List<String> bad = new ArrayList<>();
        int count = 0;
        boolean started = false;
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
            ch.position(from);
            InputStream in = Channels.newInputStream(ch);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                started |= line.contains(STARTED);
                if (ERROR_LINE.matcher(line).find() || knownError(line)) {
                    count++;
                    if (bad.size() < SHOWN) {
                        bad.add("  +" + number + ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line));
                    }
                }
            }
        }
        String where = "NEW:" + LOG
                + (pausedAt.isPresent() && from > 0
                        ? " after byte " + from + " (its size when the step started or when its last check failed)"
                        : " (all of it: no size was recorded before the step)");
        if (count > 0) {
            problems.add(where + ": " + count + " ERROR line(s) or known migration error(s), first lines (line"
                    + " numbers counted from there):\n" + String.join("\n", bad));
        } else if (!started) {
            problems.add(where + ": no '" + STARTED + "' line: the server did not (yet) finish a start since the step"
                    + " started; start it as the step says and wait for that line");
        } else {
            found.add(where + ": the start ('" + STARTED + "'), no ERROR line and no known migration error");
        }
    }

    private static boolean knownError(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return KNOWN.stream().anyMatch(lower::contains);
    }

    private static List<String> present(Homes homes, String rel) throws IOException {
        if (Homes.problem(rel).isPresent()) {
            throw new IOException("'" + rel + "' is not a path in the new home: "
                    + Homes.problem(rel).get());
        }
        // only looked at, never written: a dropins folder linked elsewhere (shared jars) is still checked
        Path path = homes.newHome().resolve(rel).normalize();
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.exists(path) ? List.of("NEW:" + rel) : List.of();
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, name)) {
            for (Path p : matches) {
                out.add("NEW:" + homes.newHome().relativize(p).toString().replace('\\', '/'));
            }
        }
        return out;
    }

    private static List<String> known() {
        try (InputStream in = ManualStepChecks.class.getResourceAsStream("migration-client-errors.txt")) {
            if (in == null) {
                throw new IllegalStateException("migration-client-errors.txt is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration-client-errors.txt", e);
        }
    }
}
