package dev.apimupgrade.verify;

import dev.apimupgrade.scan.SecretMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A recorded unified diff of a customisation: from the 3.1.0 file ("---") to the old home's customised file ("+++"),
 * each hunk with its context lines. A file is "the 3.1.0 file with the customisation re-applied" exactly when each
 * hunk's new side is in it where the diff puts it and taking the hunks back off gives the 3.1.0 file: {@link #takeOff}
 * does the first and returns the second, for the caller to compare with the file as planned.
 */
final class CustomisationDiff {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");
    /** What UnifiedDiff appends when it cuts a long diff: the rest of the hunks are not recorded. */
    private static final String CUT = "... (";

    /** One hunk: where its new side starts (1-based), its old side (context and removed) and new side (context and added). */
    record Hunk(int newStart, List<String> oldSide, List<String> newSide) {}

    private final @Nullable String baseline;
    private final List<Hunk> hunks;

    private CustomisationDiff(@Nullable String baseline, List<Hunk> hunks) {
        this.baseline = baseline;
        this.hunks = List.copyOf(hunks);
    }

    /** The diff, or empty when it was cut short or is not a unified diff (it cannot then tell the file apart). */
    static Optional<CustomisationDiff> parse(String text) {
        String baseline = null;
        List<Hunk> hunks = new ArrayList<>();
        List<String> oldSide = null;
        // read only once a hunk header set oldSide, which sets this too
        List<String> newSide = new ArrayList<>();
        int newStart = 0;
        for (String line : text.split("\n", -1)) {
            Matcher h = HUNK.matcher(line);
            if (line.startsWith("--- ") && oldSide == null) {
                baseline = line.substring(4).strip();
            } else if (line.startsWith("+++ ") && oldSide == null) {
                continue;
            } else if (h.find()) {
                if (oldSide != null) {
                    hunks.add(new Hunk(newStart, oldSide, newSide));
                }
                oldSide = new ArrayList<>();
                newSide = new ArrayList<>();
                newStart = Integer.parseInt(h.group(3));
            } else if (line.startsWith(CUT)) {
                return Optional.empty();
            } else if (oldSide != null && !line.isEmpty() && line.charAt(0) != '\\') {
                char kind = line.charAt(0);
                String content = line.substring(1);
                if (kind == ' ' || kind == '-') {
                    oldSide.add(content);
                }
                if (kind == ' ' || kind == '+') {
                    newSide.add(content);
                }
                if (kind != ' ' && kind != '-' && kind != '+') {
                    return Optional.empty();
                }
            }
        }
        if (oldSide != null) {
            hunks.add(new Hunk(newStart, oldSide, newSide));
        }
        return hunks.isEmpty() ? Optional.empty() : Optional.of(new CustomisationDiff(baseline, hunks));
    }

    /** The file the diff was made against, as the diff names it ("NEW:repository/.../main.xml"), if it does. */
    Optional<String> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** Whether a line the customisation replaces was masked (a secret), so the 3.1.0 lines cannot be put back. */
    boolean masksTheBaseline() {
        return hunks.stream().flatMap(h -> h.oldSide().stream()).anyMatch(l -> l.contains(SecretMask.MASK));
    }

    /**
     * The file's lines with the customisation taken back off, when every hunk's new side is in {@code lines} where the
     * diff puts it; empty when one is not (the customisation is missing or was changed). A masked value in the diff
     * matches any value there.
     */
    Optional<List<String>> takeOff(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = hunks.size() - 1; i >= 0; i--) {
            Hunk h = hunks.get(i);
            int at = h.newSide().isEmpty() ? h.newStart() : h.newStart() - 1;
            if (at < 0 || at + h.newSide().size() > out.size()) {
                return Optional.empty();
            }
            for (int k = 0; k < h.newSide().size(); k++) {
                if (!same(h.newSide().get(k), out.get(at + k))) {
                    return Optional.empty();
                }
            }
            out.subList(at, at + h.newSide().size()).clear();
            out.addAll(at, h.oldSide());
        }
        return Optional.of(out);
    }

    private static boolean same(String recorded, String actual) {
        if (recorded.equals(actual)) {
            return true;
        }
        if (!recorded.contains(SecretMask.MASK)) {
            return false;
        }
        List<String> parts = new ArrayList<>();
        for (String part : recorded.split(Pattern.quote(SecretMask.MASK), -1)) {
            parts.add(Pattern.quote(part));
        }
        return actual.matches(String.join(".*", parts));
    }
}
