package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalSummaryTest {

    @Test
    void aNotReadyAssessmentLeadsWithTheBlockerCountAndListsBlockersThenWarnings() {
        AssessmentReport report = SampleAssessment.report();
        int unknown = report.unknown().size();

        String text = TerminalSummary.render(report);

        assertThat(text).startsWith("""
                NOT READY: 2 blockers, %d undecided
                %d conditions: 4 apply (2 blockers, 1 warning), 2 not applicable, %d unknown
                coverage: 6 decided automatically, %d need an answer (--answers), %d open or manual
                Blockers:
                  PRE-SERVER-RUNNING  A server of the old home is running
                  DB-AM-SYSAPPS-CONSTRAINT  AM_SYSTEM_APPS lacks its unique key
                Warnings:
                  REG-VERSIONING-ENABLED  versioning is on in registry.xml
                Unknown (%d):
                """.formatted(
                        report.summary().undecided(),
                        report.conditions().size(),
                        unknown,
                        report.summary().coverage().needAnswer(),
                        unknown - report.summary().coverage().needAnswer(),
                        unknown));
    }

    @Test
    void aMultiLineMessageIsCutToItsFirstLine() {
        Finding twoLines = new Finding(
                "PRE-BACKUP",
                Status.APPLIES,
                Severity.BLOCKER,
                "no backup location given\nsee --backup",
                List.of(),
                "PRE-BACKUP rule");
        Verdict verdict = Verdict.assemble(ConditionCatalogue.load(), List.of(twoLines), List.of(), "h");
        AssessmentReport report = AssessmentReport.from(
                SampleAssessment.installation(), new Facts(List.of()), verdict, SampleAssessment.TOOL);

        assertThat(TerminalSummary.render(report))
                .startsWith("NOT READY: 1 blocker, ")
                .contains("  PRE-BACKUP  no backup location given\n")
                .doesNotContain("see --backup");
    }

    @Test
    void aConditionWithSeveralMessagesShowsTheFirstAndHowManyMoreTheReportHolds() {
        List<Finding> three = List.of(
                new Finding(
                        "KEY-CERT-EXPIRY",
                        Status.APPLIES,
                        Severity.WARNING,
                        "The server's own key: expired",
                        List.of(),
                        "KEY-CERT-EXPIRY a key entry"),
                new Finding(
                        "KEY-CERT-EXPIRY",
                        Status.APPLIES,
                        Severity.WARNING,
                        "A trusted certificate: expired",
                        List.of(),
                        "KEY-CERT-EXPIRY an old trusted certificate"),
                new Finding(
                        "KEY-CERT-EXPIRY",
                        Status.APPLIES,
                        Severity.WARNING,
                        "15 stock CA certificates",
                        List.of(),
                        "KEY-CERT-EXPIRY stock CA certificates"));
        Verdict verdict = Verdict.assemble(ConditionCatalogue.load(), three, List.of(), "h");
        AssessmentReport report = AssessmentReport.from(
                SampleAssessment.installation(), new Facts(List.of()), verdict, SampleAssessment.TOOL);

        assertThat(TerminalSummary.render(report))
                .contains("  KEY-CERT-EXPIRY  The server's own key: expired (+2 more)\n");
    }

    @Test
    void anAssessmentNoRuleDecidedIsUndecidedAndListsEveryUnknownBlockersFirstThenTheNextCommand() {
        Verdict nothing = Verdict.assemble(ConditionCatalogue.load(), List.of(), List.of(), "h");
        AssessmentReport report = AssessmentReport.from(
                SampleAssessment.installation(), new Facts(List.of()), nothing, SampleAssessment.TOOL);

        String text = TerminalSummary.render(report, "apim-upgrade assess --old o --out a");

        assertThat(text)
                .startsWith("UNDECIDED: ")
                .doesNotStartWith("READY")
                .doesNotContain("Blockers:", "Warnings:")
                .contains("Unknown (" + report.conditions().size() + "):\n")
                .endsWith("Next: apim-upgrade assess --old o --out a\n");
        List<String> unknown = text.lines().filter(l -> l.startsWith("  ")).toList();
        int lastBlocker = 0;
        int firstOther = unknown.size();
        for (int i = 0; i < unknown.size(); i++) {
            if (unknown.get(i).contains("  BLOCKER: ")) {
                lastBlocker = i;
            } else {
                firstOther = Math.min(firstOther, i);
            }
        }
        assertThat(lastBlocker).as("blockers first").isLessThan(firstOther);
    }

    @Test
    void anUnknownBlockerWithNoBlockerApplyingIsUndecidedAndSaysWhatSettlesIt() {
        // ANA-PK-KEY-LENGTH and ANA-PK-DUPLICATES as assess sees them on the custom sample without --old-analytics
        String why = "The analytics database is not configured (give the 3.0.0 analytics home with --old-analytics,"
                + " whose worker deployment.yaml names APIM_ANALYTICS_DB) or was not read.";
        List<Finding> findings = new java.util.ArrayList<>(ConditionCatalogue.load().all().stream()
                .filter(c -> !c.id().startsWith("ANA-PK-"))
                .map(c ->
                        new Finding(c.id(), Status.NOT_APPLICABLE, c.severity(), "not here", List.of(), c.id() + " r"))
                .toList());
        findings.add(new Finding(
                "ANA-PK-KEY-LENGTH", Status.UNKNOWN, Severity.BLOCKER, why, List.of(), "ANA-PK-KEY-LENGTH r"));
        findings.add(new Finding(
                "ANA-PK-DUPLICATES", Status.UNKNOWN, Severity.BLOCKER, why, List.of(), "ANA-PK-DUPLICATES r"));
        Verdict verdict = Verdict.assemble(ConditionCatalogue.load(), findings, List.of(), "h");
        AssessmentReport report = AssessmentReport.from(
                SampleAssessment.installation(), new Facts(List.of()), verdict, SampleAssessment.TOOL);

        String text = TerminalSummary.render(report, "settle each UNKNOWN BLOCKER above");

        assertThat(text)
                .startsWith("UNDECIDED: 2 blocker conditions could not be decided\n")
                .contains("Unknown (2):\n  ANA-PK-KEY-LENGTH  BLOCKER: settled by --old-analytics\n"
                        + "  ANA-PK-DUPLICATES  BLOCKER: settled by --old-analytics\n")
                .endsWith("Next: settle each UNKNOWN BLOCKER above\n");
        assertThat(report.summary().ready()).isFalse();
    }

    @Test
    void aReadyAssessmentSaysReadyListsNothingAndEndsWithTheNextCommand() {
        List<Finding> decided = ConditionCatalogue.load().all().stream()
                .map(c ->
                        new Finding(c.id(), Status.NOT_APPLICABLE, c.severity(), "not here", List.of(), c.id() + " r"))
                .toList();
        AssessmentReport report = AssessmentReport.from(
                SampleAssessment.installation(),
                new Facts(List.of()),
                Verdict.assemble(ConditionCatalogue.load(), decided, List.of(), "h"),
                SampleAssessment.TOOL);

        String text = TerminalSummary.render(report, "apim-upgrade plan --old o --new n --out plan");

        assertThat(text)
                .startsWith("READY\n")
                .doesNotContain("Blockers:", "Warnings:", "Unknown")
                .endsWith("open or manual\nNext: apim-upgrade plan --old o --new n --out plan\n");
    }
}
