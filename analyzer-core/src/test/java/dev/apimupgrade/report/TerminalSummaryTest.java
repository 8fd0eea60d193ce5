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

        assertThat(text).isEqualTo("""
                NOT READY: 2 blockers
                %d conditions: 4 apply (2 blockers, 1 warning), 2 not applicable, %d unknown
                coverage: 6 decided automatically, %d need an answer (--answers), %d open or manual
                Blockers:
                  PRE-SERVER-RUNNING  A server of the old home is running
                  DB-AM-SYSAPPS-CONSTRAINT  AM_SYSTEM_APPS lacks its unique key
                Warnings:
                  REG-VERSIONING-ENABLED  versioning is on in registry.xml
                """.formatted(report.conditions().size(), unknown, report.summary().coverage().needAnswer(),
                unknown - report.summary().coverage().needAnswer()));
    }

    @Test
    void aMultiLineMessageIsCutToItsFirstLine() {
        Finding twoLines = new Finding("PRE-BACKUP", Status.APPLIES, Severity.BLOCKER, "no backup location given\nsee --backup",
                List.of(), "PRE-BACKUP rule");
        Verdict verdict = Verdict.assemble(ConditionCatalogue.load(), List.of(twoLines), List.of(), "h");
        AssessmentReport report = AssessmentReport.from(SampleAssessment.installation(), new Facts(List.of()), verdict,
                SampleAssessment.TOOL);

        assertThat(TerminalSummary.render(report)).startsWith("NOT READY: 1 blocker\n")
                .contains("  PRE-BACKUP  no backup location given\n").doesNotContain("see --backup");
    }

    @Test
    void aReadyAssessmentSaysReadyAndListsNothing() {
        Verdict nothing = Verdict.assemble(ConditionCatalogue.load(), List.of(), List.of(), "h");
        AssessmentReport report = AssessmentReport.from(SampleAssessment.installation(), new Facts(List.of()), nothing,
                SampleAssessment.TOOL);

        String text = TerminalSummary.render(report);

        assertThat(text).startsWith("READY\n").doesNotContain("Blockers:", "Warnings:").endsWith("open or manual\n");
    }
}
