package dev.apimupgrade.report;

import dev.apimupgrade.rule.Settlement;
import dev.apimupgrade.rule.Severity;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The few lines the assess command prints: the verdict, the counts, the coverage, each blocker and warning in one
 * line, every UNKNOWN condition (blockers first) with what settles it, and the next command to run.
 */
public final class TerminalSummary {

    private TerminalSummary() {}

    /** Without a next command (the caller prints its own). */
    public static String render(AssessmentReport report) {
        return render(report, null);
    }

    /** {@code next}: the command line to run after this verdict, as the operator would type it; null for none. */
    public static String render(AssessmentReport report, @Nullable String next) {
        Summary s = report.summary();
        StringBuilder out = new StringBuilder();
        out.append(s.verdict()).append('\n');
        out.append(String.format(
                "%d conditions: %d apply (%s, %s), %d not applicable, %d unknown\n",
                report.conditions().size(),
                s.counts().get("APPLIES"),
                count(s.blockers(), "blocker"),
                count(s.warnings(), "warning"),
                s.counts().get("NOT_APPLICABLE"),
                s.counts().get("UNKNOWN")));
        out.append(String.format(
                "coverage: %d decided automatically, %d need an answer (--answers), %d open or manual\n",
                s.coverage().automatic(),
                s.coverage().needAnswer(),
                s.coverage().open()));
        list(out, "Blockers", report.blockers());
        list(out, "Warnings", report.warnings());
        unknown(out, report.unknown());
        if (next != null) {
            out.append("Next: ").append(next).append('\n');
        }
        return out.toString();
    }

    /** Every UNKNOWN condition, blockers first (then by severity, in catalogue order), each with what settles it. */
    private static void unknown(StringBuilder out, List<ConditionView> unknown) {
        if (unknown.isEmpty()) {
            return;
        }
        out.append("Unknown (").append(unknown.size()).append("):\n");
        unknown.stream()
                .sorted(Comparator.comparing(c -> Severity.valueOf(c.severity())))
                .forEach(c -> out.append("  ")
                        .append(c.id())
                        .append("  ")
                        .append(c.severity())
                        .append(": ")
                        .append(Settlement.line(c.messages()))
                        .append('\n'));
    }

    private static void list(StringBuilder out, String heading, List<ConditionView> conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        out.append(heading).append(":\n");
        for (ConditionView c : conditions) {
            out.append("  ").append(c.id()).append("  ").append(oneLine(c)).append('\n');
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The first message of the rules (what they observed, the rules ranking the one that matters most first), else
     * the title; never more than one line, and "(+N more)" when the report holds more messages.
     */
    private static String oneLine(ConditionView c) {
        String text = c.messages().isEmpty() ? c.title() : c.messages().get(0);
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        return c.messages().size() > 1 ? line + " (+" + (c.messages().size() - 1) + " more)" : line;
    }
}
