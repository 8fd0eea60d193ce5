package dev.apimupgrade.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.report.AfterReport.Difference;
import dev.apimupgrade.report.ToolInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * after-report.html formats the after-report and decides nothing: FIN-VERIFY's DB-AM-SCHEMA check shows each
 * difference (unexpected or documented, with its reason) under its row, escaped; a check without differences has no
 * such row.
 */
class AfterReportPageTest {
    private static final ToolInfo TOOL = new ToolInfo("apim-upgrade", "test", "sha256:feedface");

    @Test
    void finVerifyAmSchemaDifferencesAreListedUnderTheirCheckEscapedWithTheDocumentedReason() {
        Difference missing = new Difference(
                "db:apim_db/AM_USER", "missing table", "AM_USER", "present", "absent", Difference.UNEXPECTED, "");
        Difference documented = new Difference(
                "db:apim_db/AM_CERTIFICATE_METADATA.ALIAS",
                "different column",
                "AM_CERTIFICATE_METADATA.ALIAS",
                "VARCHAR(255) NOT NULL",
                "VARCHAR(45) NOT NULL",
                Difference.DOCUMENTED,
                "the script keeps <45> & says so");
        AfterReport report = AfterReport.of(
                TOOL,
                List.of(
                        new Check(
                                "DB-AM-SCHEMA",
                                "state",
                                "The AM_ schema is the 3.1.0 one",
                                AfterReport.FAIL,
                                "1 difference(s) from the 3.1.0 schema: missing table AM_USER",
                                List.of("db:apim_db: H2"),
                                List.of(missing, documented)),
                        new Check("SYNAPSE-PROTECTED", "state", "protected files", AfterReport.PASS, "ok", List.of())));

        String html = HtmlReports.afterReport(report);

        assertThat(html)
                .contains("id=\"check-DB-AM-SCHEMA\"")
                .contains("id=\"differences-DB-AM-SCHEMA\"")
                .doesNotContain("id=\"differences-SYNAPSE-PROTECTED\"")
                .contains("<tr class=\"unexpected\">")
                .contains("missing table (unexpected)")
                .contains("<code>db:<wbr>apim_db/<wbr>AM_USER</code>")
                .contains("<tr class=\"documented\">")
                .contains("different column (documented)")
                .contains("<code>VARCHAR(255) NOT NULL</code>")
                .contains("<code>VARCHAR(45) NOT NULL</code>")
                .contains("the script keeps &lt;45&gt; &amp; says so")
                .doesNotContain("<45>");
    }
}
