package dev.apimupgrade.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.report.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;

/** comparison.html and the section the after-report embeds: every row with its result, text escaped. */
class ComparisonPageTest {
    private static final Comparison COMPARISON = new Comparison(
            "/old",
            "/new",
            "/run",
            List.of(
                    new Comparison.Row("carbon.super", "apis", 2L, 2L, "a", "a", Comparison.Status.SAME, ""),
                    new Comparison.Row(
                            "north.example",
                            "subscriptions",
                            1L,
                            null,
                            "b",
                            "",
                            Comparison.Status.UNEXPLAINED,
                            "1 fewer after the upgrade <script>")),
            List.of("after: apim_db (db): read failed"));

    @Test
    void theSectionListsEveryRowWithItsResultAndTheUnreadDatasource() {
        String html = HtmlReports.comparisonSection(COMPARISON);

        assertThat(html)
                .startsWith("<section id=\"comparison\"")
                .contains(
                        "1 same",
                        "2 unexplained",
                        "<tr class=\"unexplained\">",
                        "north.example",
                        "subscriptions",
                        "<td title=\"sha256 \">none</td>",
                        "after: apim_db (db): read failed",
                        "&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void thePageEmbedsTheSameSection() {
        assertThat(HtmlReports.comparison(COMPARISON))
                .contains(
                        "<!DOCTYPE html>",
                        HtmlReports.comparisonSection(COMPARISON).strip());
    }
}
