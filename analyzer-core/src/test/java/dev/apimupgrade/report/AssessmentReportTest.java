package dev.apimupgrade.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentReportTest {
    private final AssessmentReport report = SampleAssessment.report();

    @Test
    void everyCatalogueConditionAppearsOnceInCatalogueOrder() {
        List<String> catalogue =
                ConditionCatalogue.load().all().stream().map(Condition::id).toList();

        assertThat(report.conditions()).extracting(ConditionView::id).containsExactlyElementsOf(catalogue);
    }

    @Test
    void blockersAreTheApplyingBlockersInCatalogueOrder() {
        assertThat(report.blockers())
                .extracting(ConditionView::id)
                .containsExactly("PRE-SERVER-RUNNING", "DB-AM-SYSAPPS-CONSTRAINT");
    }

    @Test
    void warningsAndStepsAreTheApplyingWarningsAndInfos() {
        assertThat(report.warnings()).extracting(ConditionView::id).containsExactly("REG-VERSIONING-ENABLED");
        assertThat(report.steps()).extracting(ConditionView::id).containsExactly("CFG-DB-APIM");
    }

    @Test
    void notApplicableConditionsCarryTheRulesReasonAndEvidence() {
        assertThat(report.notApplicable())
                .extracting(ConditionView::id, ConditionView::messages)
                .containsExactly(
                        tuple("PRE-H2-IN-USE", List.of("every datasource is MySQL")),
                        tuple("REG-VERSIONING-DISABLED", List.of("versioning is on, so this does not apply")));
        assertThat(report.notApplicable().get(0).evidence())
                .extracting(ConditionView.EvidenceView::source)
                .containsExactly("OLD:repository/conf/deployment.toml:12");
    }

    @Test
    void unknownHoldsEveryUndecidedConditionWithItsReason() {
        int undecided = ConditionCatalogue.load().all().size() - 7;

        assertThat(report.unknown()).hasSize(undecided + 1);
        assertThat(report.unknown())
                .filteredOn(c -> c.id().equals("PRE-PG-SUPERUSER"))
                .singleElement()
                .extracting(ConditionView::messages)
                .isEqualTo(List.of("the database was not reached (--no-db)"));
        assertThat(report.unknown()).allSatisfy(c -> assertThat(c.messages()).isNotEmpty());
    }

    @Test
    void theGroupsPartitionTheConditionsAndTheCountsAgree() {
        int grouped = report.blockers().size()
                + report.warnings().size()
                + report.steps().size()
                + report.unknown().size()
                + report.notApplicable().size();

        assertThat(grouped).isEqualTo(report.conditions().size());
        assertThat(report.summary().counts())
                .containsExactly(
                        entry("APPLIES", 4),
                        entry("NOT_APPLICABLE", 2),
                        entry("UNKNOWN", report.unknown().size()));
        assertThat(report.summary())
                .extracting(Summary::ready, Summary::blockers, Summary::warnings, Summary::verdict)
                .containsExactly(
                        false,
                        2,
                        1,
                        "NOT READY: 2 blockers, " + report.summary().undecided() + " undecided");
    }

    @Test
    void coverageCountsDecidedConditionsThoseAwaitingAnAnswerAndTheOpenRest() {
        int answerable = (int) ConditionCatalogue.load().all().stream()
                .filter(c -> c.needs().equals("answer"))
                .count();

        assertThat(answerable).as("catalogue conditions an answer decides").isGreaterThanOrEqualTo(2);
        assertThat(report.summary().coverage())
                .isEqualTo(new Coverage(6, answerable, report.conditions().size() - 6 - answerable));
    }

    @Test
    void coverageCountsAnUnknownConditionAsNeedingAnAnswerOnlyWhenTheCatalogueSaysAnAnswerDecidesIt() {
        List<Condition> catalogue = List.of(
                condition("A", "files"),
                condition("B", "database"),
                condition("C", "answer"),
                condition("D", "answer"),
                condition("E", "files"));
        List<ConditionView> views = List.of(
                view("A", "APPLIES"),
                view("B", "NOT_APPLICABLE"),
                view("C", "UNKNOWN"),
                view("D", "NOT_APPLICABLE"),
                view("E", "UNKNOWN"));

        assertThat(Coverage.of(views, catalogue)).isEqualTo(new Coverage(3, 1, 1));
        assertThat(Coverage.of(List.of(), catalogue)).isEqualTo(new Coverage(0, 0, 0));
    }

    private static Condition condition(String id, String needs) {
        return new Condition(
                id, "t", "preflight", "Step 1", "a", dev.apimupgrade.rule.Severity.INFO, needs, false, "r");
    }

    private static ConditionView view(String id, String status) {
        return new ConditionView(
                id,
                status,
                "INFO",
                "t",
                new ConditionView.GuideSection("Step 1", "l"),
                List.of(),
                "r",
                List.of(),
                List.of(),
                "preflight",
                false);
    }

    @Test
    void anAssessmentWhoseBlockerConditionsNoRuleDecidedIsUndecidedNotReady() {
        Verdict noFindings = Verdict.assemble(ConditionCatalogue.load(), List.of(), List.of(), "h");
        long blockerConditions = ConditionCatalogue.load().all().stream()
                .filter(c -> c.severity() == dev.apimupgrade.rule.Severity.BLOCKER)
                .count();

        AssessmentReport empty = AssessmentReport.from(
                SampleAssessment.installation(), new Facts(List.of()), noFindings, SampleAssessment.TOOL);

        assertThat(empty.summary())
                .extracting(Summary::ready, Summary::verdict, Summary::blockers, Summary::undecided)
                .containsExactly(
                        false, "UNDECIDED: " + blockerConditions + " blocker conditions could not be decided", 0, (int)
                                blockerConditions);
        assertThat(empty.unknown()).hasSameSizeAs(empty.conditions());
        assertThat(empty.actions()).isEmpty();
        assertThat(empty.installation().datasources()).isEmpty();
    }

    @Test
    void anAssessmentIsReadyOnlyWhenEveryBlockerConditionIsDecidedAndNoneApplies() {
        List<dev.apimupgrade.rule.Finding> decided = ConditionCatalogue.load().all().stream()
                .filter(c -> c.severity() == dev.apimupgrade.rule.Severity.BLOCKER)
                .map(c -> new dev.apimupgrade.rule.Finding(
                        c.id(),
                        dev.apimupgrade.rule.Status.NOT_APPLICABLE,
                        c.severity(),
                        "not here",
                        List.of(),
                        c.id() + " rule"))
                .toList();
        Verdict allDecided = Verdict.assemble(ConditionCatalogue.load(), decided, List.of(), "h");
        List<dev.apimupgrade.rule.Finding> oneOpen = new java.util.ArrayList<>(decided.subList(1, decided.size()));
        Verdict oneUndecided = Verdict.assemble(ConditionCatalogue.load(), oneOpen, List.of(), "h");

        Summary ready = AssessmentReport.from(
                        SampleAssessment.installation(), new Facts(List.of()), allDecided, SampleAssessment.TOOL)
                .summary();
        Summary undecided = AssessmentReport.from(
                        SampleAssessment.installation(), new Facts(List.of()), oneUndecided, SampleAssessment.TOOL)
                .summary();

        assertThat(ready)
                .extracting(Summary::ready, Summary::verdict, Summary::undecided)
                .containsExactly(true, "READY", 0);
        assertThat(undecided)
                .extracting(Summary::ready, Summary::verdict, Summary::undecided)
                .containsExactly(false, "UNDECIDED: 1 blocker condition could not be decided", 1);
    }

    @Test
    void aConditionShowsItsCatalogueEntryGuideLinkEvidenceAndRules() {
        ConditionView c = report.conditions().stream()
                .filter(v -> v.id().equals("DB-AM-SYSAPPS-CONSTRAINT"))
                .findFirst()
                .orElseThrow();
        Condition entry = ConditionCatalogue.load().get("DB-AM-SYSAPPS-CONSTRAINT");

        assertThat(c)
                .extracting(
                        ConditionView::status,
                        ConditionView::severity,
                        ConditionView::title,
                        ConditionView::remediation,
                        ConditionView::chapter,
                        ConditionView::beyondGuide)
                .containsExactly(
                        "APPLIES", "BLOCKER", entry.title(), entry.remediation(), "databases", entry.beyondGuide());
        assertThat(c.guideSection()).isEqualTo(new ConditionView.GuideSection(entry.step(), entry.guideLink()));
        assertThat(c.evidence())
                .containsExactly(
                        new ConditionView.EvidenceView("db:apim_db/AM_SYSTEM_APPS", "no UNIQUE (NAME, TENANT_DOMAIN)"));
        assertThat(c.rules()).containsExactly("DB-AM-SYSAPPS-CONSTRAINT rule");
    }

    @Test
    void actionsAreSortedByIdWithTheirConditionParamsAndJustification() {
        assertThat(report.actions())
                .extracting(ActionView::id, ActionView::conditionId, ActionView::kind)
                .containsExactly(
                        tuple("CFG-DB-APIM/set-apim-db", "CFG-DB-APIM", "SetTomlValue"),
                        tuple("REG-VERSIONING-ENABLED/run-cleanup", "REG-VERSIONING-ENABLED", "RunSqlScript"));
        assertThat(report.actions().get(1).params()).containsOnlyKeys("dialect", "script");
        assertThat(report.actions().get(1))
                .extracting(ActionView::rule, ActionView::evidence)
                .containsExactly(
                        "REG-VERSIONING-ENABLED versioning on",
                        List.of(new ConditionView.EvidenceView(
                                "OLD:repository/conf/registry.xml:42", "versioning on")));
    }

    @Test
    void theInstallationShowsHomesAsGivenVersionsAndMaskedDatasourcesSorted() {
        InstallationView i = report.installation();

        assertThat(i.homes()).isEqualTo(new InstallationView.Homes("homes/wso2am-3.0.0", "homes/wso2am-3.1.0"));
        assertThat(i.versions())
                .extracting(InstallationView.Version::role, InstallationView.Version::version)
                .containsExactly(tuple("OLD", "3.0.0"), tuple("NEW", "3.1.0"));
        assertThat(i.datasources())
                .extracting(InstallationView.Datasource::name)
                .containsExactly("apim_db", "shared_db");
        assertThat(i.datasources().get(1).url())
                .doesNotContain(SampleAssessment.LEAKED_PASSWORD, "wso2")
                .isEqualTo("jdbc:mysql://db.example:3306/shared?user=****&password=****");
    }

    @Test
    void aVerdictMissingACatalogueConditionIsRefused() {
        Verdict full = SampleAssessment.verdict();
        Verdict partial = new Verdict(full.results().subList(1, full.results().size()), full.actions(), "h");

        assertThatThrownBy(() -> AssessmentReport.from(
                        SampleAssessment.installation(), SampleAssessment.facts(), partial, SampleAssessment.TOOL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRE-SOURCE-VERSION");
    }
}
