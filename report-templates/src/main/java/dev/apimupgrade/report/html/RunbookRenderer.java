package dev.apimupgrade.report.html;

import dev.apimupgrade.report.RunbookView;
import java.util.Map;

/**
 * Renders the runbook view as a self-contained, printable HTML page (runbook.ftlh, escaped) and as Markdown for a
 * wiki (runbook.md.ftl). Both templates only loop over and format the view.
 */
public final class RunbookRenderer {
    private RunbookRenderer() {}

    public static String html(RunbookView runbook) {
        return HtmlReports.render("runbook.ftlh", Map.of("runbook", runbook));
    }

    public static String markdown(RunbookView runbook) {
        return HtmlReports.render("runbook.md.ftl", Map.of("runbook", runbook));
    }
}
