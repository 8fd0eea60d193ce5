package dev.apimupgrade.rules.deployment;

import dev.apimupgrade.fact.NodeFile;
import java.util.List;

/** What the deployment rules call to compare two nodes' files and to name them in messages; pure functions. */
public final class Across {
    private static final int NAMED = 5;

    private Across() {}

    /** True when {@code other} (another node's files) lacks {@code file} or holds it with other content. */
    public static boolean lacks(List<?> other, NodeFile file) {
        return other.stream()
                .map(NodeFile.class::cast)
                .noneMatch(o -> o.name().equals(file.name()) && o.sha256().equals(file.sha256()));
    }

    /** The files of {@code other} that share a name with a file of {@code files}: the other node's side of it. */
    public static List<NodeFile> counterparts(List<?> files, List<?> other) {
        return other.stream()
                .map(NodeFile.class::cast)
                .filter(o -> files.stream()
                        .map(NodeFile.class::cast)
                        .anyMatch(f -> f.name().equals(o.name())))
                .toList();
    }

    /** "a, b, c and 4 more", each file with "(missing)" or "(different)" as the other node has it. */
    public static String names(List<?> files, List<?> other) {
        List<String> each = files.stream()
                .map(NodeFile.class::cast)
                .sorted(java.util.Comparator.comparing(NodeFile::name))
                .map(f -> f.name()
                        + (other.stream()
                                        .map(NodeFile.class::cast)
                                        .anyMatch(o -> o.name().equals(f.name()))
                                ? " (different)"
                                : " (missing)"))
                .toList();
        String shown = String.join(", ", each.subList(0, Math.min(NAMED, each.size())));
        return each.size() > NAMED ? shown + " and " + (each.size() - NAMED) + " more" : shown;
    }
}
