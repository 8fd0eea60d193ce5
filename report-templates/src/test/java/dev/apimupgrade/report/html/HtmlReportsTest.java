package dev.apimupgrade.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.report.AssessmentReport;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportsTest {
    private static final String SCRIPT_EVIDENCE = "<versioning>true</versioning><script>alert(1)</script>";

    private static AssessmentReport report(List<Finding> findings) {
        Facts facts = new Facts(List.of(
                new ProductVersion(
                        Role.OLD, "carbon.xml", "3.0.0", SourceRef.line(Role.OLD, "repository/conf/carbon.xml", 30)),
                new DatasourceConfig(
                        Role.OLD,
                        "apim_db",
                        "mysql",
                        "jdbc:mysql://db:3306/apim?user=****&password=****",
                        "com.mysql.Driver",
                        "SELECT 1",
                        true,
                        SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 12))));
        List<JustifiedAction> actions = List.of(new JustifiedAction(
                "REG-VERSIONING-ENABLED/run-cleanup",
                "REG-VERSIONING-ENABLED",
                "RunSqlScript",
                true,
                "db:shared_db",
                Map.of("dialect", "mysql"),
                List.of(),
                "REG-VERSIONING-ENABLED versioning on"));
        Verdict verdict = Verdict.assemble(ConditionCatalogue.load(), findings, actions, "sha256:feedface");
        return AssessmentReport.from(
                new Installation(Path.of("homes/old"), Optional.empty()),
                facts,
                verdict,
                new ToolInfo("apim-upgrade", "9.9.9-test", "sha256:feedface"));
    }

    private static Finding finding(String id, Status status, Severity severity, String message, String observed) {
        return new Finding(
                id,
                status,
                severity,
                message,
                List.of(new Evidence(SourceRef.line(Role.OLD, "repository/conf/registry.xml", 42), observed)),
                id + " rule");
    }

    private static final List<Finding> FINDINGS = List.of(
            finding("REG-VERSIONING-ENABLED", Status.APPLIES, Severity.WARNING, "versioning is on", SCRIPT_EVIDENCE),
            finding("DB-AM-SYSAPPS-CONSTRAINT", Status.APPLIES, Severity.BLOCKER, "unique key missing", "no UNIQUE"),
            finding("CFG-DB-APIM", Status.APPLIES, Severity.INFO, "apim_db to configure", "[database.apim_db]"),
            finding(
                    "PRE-H2-IN-USE",
                    Status.NOT_APPLICABLE,
                    Severity.WARNING,
                    "every datasource is MySQL",
                    "type=mysql"),
            finding("PRE-PG-SUPERUSER", Status.UNKNOWN, Severity.BLOCKER, "the database was not reached", "--no-db"));

    /** The page without its <wbr> marks (where a long path may wrap), so that values read as written. */
    private final String html = HtmlReports.assessment(report(FINDINGS))
            .replace("<wbr>", "")
            .replace("<span class=\"nb\">", "")
            .replace("</span>", "");

    @Test
    void thePageHasNoExternalReferenceExceptTheGuideLinks() {
        Matcher refs = Pattern.compile("(?i)\\b(href|src)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int guideLinks = 0;
        while (refs.find()) {
            assertThat(refs.group(1)).isEqualToIgnoringCase("href");
            assertThat(refs.group(2))
                    .satisfiesAnyOf(
                            v -> assertThat(v).startsWith("#"),
                            v -> assertThat(v).startsWith(Condition.GUIDE_URL + "#"));
            guideLinks += refs.group(2).startsWith("http") ? 1 : 0;
        }
        assertThat(guideLinks).isEqualTo(ConditionCatalogue.load().all().size());
        assertThat(html)
                .doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img");
    }

    @Test
    void anEvidenceValueHoldingMarkupIsEscaped() {
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void theHeaderShowsTheCoverageFigureOfTheSummary() {
        var coverage = report(FINDINGS).summary().coverage();

        assertThat(coverage.automatic()).isEqualTo(4);
        assertThat(html)
                .contains("<th>Coverage</th><td class=\"coverage\">4 decided automatically, " + coverage.needAnswer()
                        + " need an answer (--answers), " + coverage.open() + " open or manual</td>");
    }

    @Test
    void aMultiLineEvidenceValueSuchAsAUnifiedDiffKeepsItsLinesInAPreBlock() {
        String diff =
                "unified diff against the 3.1.0 home's file:\n--- NEW:main.xml\n+++ OLD:main.xml\n-  <in/>\n+  <in><log/></in>";
        String page = HtmlReports.assessment(report(List.of(finding(
                "CFG-SYNAPSE-PROTECTED-MODIFIED", Status.APPLIES, Severity.WARNING, "main.xml differs", diff))));

        assertThat(page)
                .contains("<pre class=\"observed\">unified diff against the 3.1.0 home&#39;s file:\n--- NEW:main.xml\n"
                        + "+++ OLD:main.xml\n-  &lt;in/&gt;\n+  &lt;in&gt;&lt;log/&gt;&lt;/in&gt;</pre>");
    }

    @Test
    void theSectionsComeInOrderBlockersWarningsStepsUnknownNotApplicable() {
        assertThat(html)
                .containsSubsequence(
                        "NOT READY: 1 blocker",
                        "APPLIES 3, NOT_APPLICABLE 1, UNKNOWN",
                        "id=\"blockers\"",
                        "id=\"DB-AM-SYSAPPS-CONSTRAINT\"",
                        "id=\"warnings\"",
                        "id=\"REG-VERSIONING-ENABLED\"",
                        "id=\"steps\"",
                        "id=\"CFG-DB-APIM\"",
                        "id=\"unknown\"",
                        "id=\"PRE-PG-SUPERUSER\"",
                        "the database was not reached",
                        "id=\"not-applicable\"",
                        "id=\"PRE-H2-IN-USE\"",
                        "every datasource is MySQL",
                        "id=\"actions\"",
                        "id=\"datasources\"");
    }

    @Test
    void theHeaderNamesToolRulePackHomesAndVersions() {
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .containsSubsequence(
                        "apim-upgrade 9.9.9-test", "sha256:feedface", "homes/old", "not given", "carbon.xml", "3.0.0");
    }

    @Test
    void aConditionShowsStatusSeverityRemediationGuideLinkAndRule() {
        Condition c = ConditionCatalogue.load().get("DB-AM-SYSAPPS-CONSTRAINT");

        assertThat(html)
                .containsSubsequence(
                        "id=\"DB-AM-SYSAPPS-CONSTRAINT\"",
                        "APPLIES",
                        "BLOCKER",
                        "unique key missing",
                        "OLD:repository/conf/registry.xml:42",
                        "no UNIQUE",
                        escaped(c.remediation()),
                        c.guideLink(),
                        "DB-AM-SYSAPPS-CONSTRAINT rule");
    }

    @Test
    void theActionsAndMaskedDatasourcesAreTabulated() {
        assertThat(html)
                .containsSubsequence(
                        "REG-VERSIONING-ENABLED/run-cleanup",
                        "RunSqlScript",
                        "db:shared_db",
                        "dialect=mysql",
                        "REG-VERSIONING-ENABLED versioning on")
                .contains("jdbc:mysql://db:3306/apim?user=****&amp;password=****");
    }

    @Test
    void aReadyAssessmentSaysSoAndEmptyGroupsSayTheyAreEmpty() {
        List<Finding> nothingApplies = ConditionCatalogue.load().all().stream()
                .map(c -> new Finding(
                        c.id(), Status.NOT_APPLICABLE, c.severity(), "not here", List.of(), c.id() + " rule"))
                .toList();
        String ready = HtmlReports.assessment(report(nothingApplies));

        assertThat(ready).contains("class=\"verdict ready\"", ">READY<", "No blocker applies.", "No warning applies.");
    }

    @Test
    void anAssessmentWhoseBlockerConditionsNoRuleDecidedIsUndecidedNotReady() {
        String undecided = HtmlReports.assessment(report(List.of()));

        assertThat(undecided)
                .contains("class=\"verdict blocked\"")
                .contains(">UNDECIDED: ")
                .doesNotContain(">READY<");
    }

    @Test
    void renderingTwiceGivesTheSamePage() {
        String first = HtmlReports.assessment(report(FINDINGS));
        assertThat(HtmlReports.assessment(report(FINDINGS))).isEqualTo(first);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Test
    void breakableEscapesAndLetsAPathWrapOnlyAfterItsSeparators() {
        assertThat(HtmlReports.breakable("db:apim_db/AM_USER")).isEqualTo("db:<wbr>apim_db/<wbr>AM_USER");
        assertThat(HtmlReports.breakable("C:\\wso2\\<x>&'\"y.jks"))
                .isEqualTo("C:<wbr>\\<wbr>wso2\\<wbr>&lt;x&gt;&amp;&#39;&quot;y.jks");
        assertThat(HtmlReports.breakable("a=b,c/"))
                .as("nothing after the last character")
                .isEqualTo("a=<wbr>b,<wbr>c/");
        assertThat(HtmlReports.breakable("KEY-X:Copy:a b-c d"))
                .as("a hyphenated word stays on one line")
                .isEqualTo("<span class=\"nb\">KEY-X:</span><wbr>Copy:<wbr>a <span class=\"nb\">b-c</span> d");
    }
}
