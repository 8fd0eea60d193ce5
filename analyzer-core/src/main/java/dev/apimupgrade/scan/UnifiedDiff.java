package dev.apimupgrade.scan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts made with java-diff-utils, cut to a line limit so a report stays readable. */
public final class UnifiedDiff {
    /** Lines of context around each change, as diff -u uses. */
    static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The unified diff from {@code original} to {@code revised}, "" when they have the same lines. */
    public static String of(String originalName, String original, String revisedName, String revised, int maxLines) {
        List<String> from = original.lines().toList();
        List<String> to = revised.lines().toList();
        Patch<String> patch = DiffUtils.diff(from, to);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(originalName, revisedName, from, patch, CONTEXT);
        List<String> kept = new ArrayList<>(lines.subList(0, Math.min(maxLines, lines.size())));
        if (lines.size() > maxLines) {
            kept.add("... (" + (lines.size() - maxLines) + " more diff lines cut)");
        }
        return String.join("\n", kept);
    }
}
