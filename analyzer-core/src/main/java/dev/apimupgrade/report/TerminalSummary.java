package dev.apimupgrade.report;

import java.util.List;

/**
 * The few lines the assess command prints: the verdict, the counts, the coverage, and each blocker and warning in one
 * line.
 */
public final class TerminalSummary {

    private TerminalSummary() {
    }

    public static String render(AssessmentReport report) {
        Summary s = report.summary();
        StringBuilder out = new StringBuilder();
        out.append(s.verdict()).append('\n');
        out.append(String.format("%d conditions: %d apply (%s, %s), %d not applicable, %d unknown\n",
                report.conditions().size(), s.counts().get("APPLIES"), count(s.blockers(), "blocker"),
                count(s.warnings(), "warning"), s.counts().get("NOT_APPLICABLE"), s.counts().get("UNKNOWN")));
        out.append(String.format("coverage: %d decided automatically, %d need an answer (--answers), %d open or manual\n",
                s.coverage().automatic(), s.coverage().needAnswer(), s.coverage().open()));
        list(out, "Blockers", report.blockers());
        list(out, "Warnings", report.warnings());
        return out.toString();
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

    /** The first message of the rules (what they observed), else the title; never more than one line. */
    private static String oneLine(ConditionView c) {
        String text = c.messages().isEmpty() ? c.title() : c.messages().get(0);
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
