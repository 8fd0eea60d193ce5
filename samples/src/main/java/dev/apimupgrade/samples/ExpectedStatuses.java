package dev.apimupgrade.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The expected status of every condition per sample or scenario, stated as a baseline plus differences (ADR 0042):
 * {@code expected/baseline.status} holds each condition's usual status (the stock default sample's), and
 * {@code expected/<name>.status} only what differs in that sample or scenario from the baseline, or from the file it
 * names on an {@code extends <name>} line, each difference with its reason after a {@code #}. Resolving a name gives
 * the full status of every condition of the baseline; a difference naming a condition the baseline lacks, or saying
 * what it overrides already says, fails with the file and line.
 */
public final class ExpectedStatuses {
    /** The file every chain ends at; it lists each condition of the catalogue once, in catalogue order. */
    public static final String BASELINE = "baseline";
    /** The reason {@link #update} gives a difference it adds; a test fails until a person writes the real one. */
    public static final String REASON_TO_WRITE = "(golden.update: say why)";

    private static final List<String> STATUSES = List.of("APPLIES", "NOT_APPLICABLE", "UNKNOWN");
    private static final Pattern ID = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final String EXTENDS = "extends ";
    private static final String RESOURCES = "src/main/resources/dev/apimupgrade/samples/expected";

    private final Function<String, Optional<String>> texts;
    private final String where;

    private ExpectedStatuses(Function<String, Optional<String>> texts, String where) {
        this.texts = texts;
        this.where = where;
    }

    /** The files built into the samples module (what the tests of every module compare with). */
    public static ExpectedStatuses onClasspath() {
        return new ExpectedStatuses(ExpectedStatuses::resource, "expected/");
    }

    /** The files of one folder, e.g. {@link #sourceDir()} after {@link #update} wrote there. */
    public static ExpectedStatuses in(Path dir) {
        return new ExpectedStatuses(name -> read(dir.resolve(name + ".status")), dir + "/");
    }

    /** The samples module's source folder of the files, found from the samples, cli or project folder. */
    public static Path sourceDir() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(
                cwd.resolve(RESOURCES),
                cwd.resolve("samples").resolve(RESOURCES),
                cwd.resolveSibling("samples").resolve(RESOURCES))) {
            if (Files.isRegularFile(candidate.resolve(BASELINE + ".status"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no samples/" + RESOURCES + " found from " + cwd);
    }

    /** Condition ID -> expected status of {@code name}, every condition of the baseline, in the baseline's order. */
    public Map<String, String> resolve(String name) {
        return Collections.unmodifiableMap(resolve(name, new HashSet<>()));
    }

    /** The file of {@code name} as written: its header, what it extends and its lines. */
    public StatusFile file(String name) {
        String file = where + name + ".status";
        String text =
                texts.apply(name).orElseThrow(() -> new IllegalStateException(file + " is missing from the build"));
        return StatusFile.parse(file, name.equals(BASELINE), text);
    }

    private Map<String, String> resolve(String name, Set<String> seen) {
        if (!seen.add(name)) {
            throw new IllegalStateException(where + name + ".status extends itself through " + seen);
        }
        StatusFile f = file(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (name.equals(BASELINE)) {
            f.lines().forEach(l -> out.put(l.id(), l.status()));
            return out;
        }
        out.putAll(resolve(f.parent(), seen));
        for (Line l : f.lines()) {
            String inherited = out.get(l.id());
            if (inherited == null) {
                throw new IllegalStateException(f.file() + " line " + l.number() + ": " + l.id()
                        + " is not a condition of " + BASELINE + ".status (is it in the catalogue?)");
            }
            if (inherited.equals(l.status())) {
                throw new IllegalStateException(f.file() + " line " + l.number() + ": " + l.id() + " " + l.status()
                        + " repeats what " + f.parent() + ".status already says; delete the line");
            }
            out.put(l.id(), l.status());
        }
        return out;
    }

    /**
     * Rewrites {@code name}'s file in {@code dir} as the fewest differences that resolve to {@code actual} (condition
     * ID -> status in catalogue order), keeping its header, its parent and the reason of every difference it keeps; a
     * new difference gets {@link #REASON_TO_WRITE}. A condition the baseline lacks is added to it as NOT_APPLICABLE
     * (then the scenarios where it applies state it), one the catalogue no longer has is removed. Files whose text
     * would not change are not written.
     */
    public static void update(Path dir, String name, Map<String, String> actual) {
        ExpectedStatuses source = in(dir);
        updateBaseline(dir, source, actual);
        if (name.equals(BASELINE)) {
            return;
        }
        Path path = dir.resolve(name + ".status");
        StatusFile old = Files.exists(path)
                ? source.file(name)
                : new StatusFile(
                        path.toString(),
                        List.of("# Expected statuses of " + name + ": what differs from the baseline (ADR 0042)."),
                        BASELINE,
                        List.of());
        Map<String, String> parent = source.resolve(old.parent());
        List<Line> lines = new ArrayList<>();
        actual.forEach((id, status) -> {
            if (!status.equals(parent.get(id))) {
                String reason = old.lines().stream()
                        .filter(l -> l.id().equals(id) && l.status().equals(status))
                        .map(Line::reason)
                        .findFirst()
                        .orElse(REASON_TO_WRITE);
                lines.add(new Line(id, status, reason, 0));
            }
        });
        write(path, new StatusFile(old.file(), old.header(), old.parent(), lines).text(false));
    }

    private static void updateBaseline(Path dir, ExpectedStatuses source, Map<String, String> actual) {
        StatusFile baseline = source.file(BASELINE);
        Map<String, Line> known = new LinkedHashMap<>();
        baseline.lines().forEach(l -> known.put(l.id(), l));
        List<Line> lines = new ArrayList<>();
        actual.keySet().forEach(id -> lines.add(known.getOrDefault(id, new Line(id, "NOT_APPLICABLE", "", 0))));
        write(
                dir.resolve(BASELINE + ".status"),
                new StatusFile(baseline.file(), baseline.header(), "", lines).text(true));
    }

    private static void write(Path path, String text) {
        try {
            if (!Files.exists(path) || !Files.readString(path).equals(text)) {
                Files.writeString(path, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = ExpectedStatuses.class.getResourceAsStream("expected/" + name + ".status")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One status line: a condition, its status and why (required in a difference file, optional in the baseline). */
    public record Line(String id, String status, String reason, int number) {}

    /**
     * A status file as written: the comment lines that head it, the file it extends (the baseline unless an
     * {@code extends} line names another; empty for the baseline itself) and its status lines.
     */
    public record StatusFile(String file, List<String> header, String parent, List<Line> lines) {
        static StatusFile parse(String file, boolean baseline, String text) {
            List<String> header = new ArrayList<>();
            String parent = baseline ? "" : BASELINE;
            List<Line> lines = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            List<String> all = text.lines().toList();
            for (int i = 0; i < all.size(); i++) {
                String line = all.get(i).strip();
                String at = file + " line " + (i + 1) + ": ";
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (!lines.isEmpty()) {
                        throw new IllegalStateException(at + "a comment after the first status line; put it in the"
                                + " header or after the status it explains");
                    }
                    header.add(line);
                } else if (line.startsWith(EXTENDS)) {
                    if (baseline || !lines.isEmpty() || !parent.equals(BASELINE)) {
                        throw new IllegalStateException(at + "'extends' must come once, before the status lines, and"
                                + " never in the baseline");
                    }
                    parent = line.substring(EXTENDS.length()).strip();
                } else {
                    Line l = line(at, i + 1, line, baseline);
                    if (!ids.add(l.id())) {
                        throw new IllegalStateException(at + l.id() + " is listed twice");
                    }
                    lines.add(l);
                }
            }
            return new StatusFile(file, List.copyOf(header), parent, List.copyOf(lines));
        }

        private static Line line(String at, int number, String line, boolean baseline) {
            int hash = line.indexOf('#');
            String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
            String[] parts = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
            if (parts.length != 2 || !ID.matcher(parts[0]).matches()) {
                throw new IllegalStateException(at + "not 'CONDITION-ID STATUS # reason': " + line);
            }
            if (!STATUSES.contains(parts[1])) {
                throw new IllegalStateException(at + parts[1] + " is not one of " + STATUSES);
            }
            if (!baseline && reason.isEmpty()) {
                throw new IllegalStateException(
                        at + parts[0] + " " + parts[1] + " says no reason; add '# why' after the status");
            }
            return new Line(parts[0], parts[1], reason, number);
        }

        /** The file's text as {@link ExpectedStatuses#update} writes it. */
        String text(boolean baseline) {
            StringBuilder out = new StringBuilder();
            header.forEach(h -> out.append(h).append('\n'));
            if (!baseline && !parent.equals(BASELINE)) {
                out.append(EXTENDS).append(parent).append('\n');
            }
            for (Line l : lines) {
                out.append(l.id()).append(' ').append(l.status());
                if (!l.reason().isEmpty()) {
                    out.append("  # ").append(l.reason());
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
