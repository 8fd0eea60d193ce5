package dev.apimupgrade.report;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.HasRunQuery;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanInputs;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.ScriptSource;
import dev.apimupgrade.report.ConditionView.EvidenceView;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runbook an operator follows: the shell set-up (absolute homes, the environment variables to set), the backup
 * into APIM_BACKUP, the apim-upgrade commands at their place in the journey ({@link RunbookJourney}), the conditions
 * that apply without a step of their own (take a backup, know a risk), then the plan's steps numbered in the guide's
 * order, each with everything needed to do and check it, then the conditions left out (not applicable, and why) and
 * those that could not be decided. The HTML and Markdown templates only format this view.
 */
public record RunbookView(
        ToolInfo tool,
        String planSha256,
        String oldHome,
        String newHome,
        boolean distributed,
        RunbookJourney journey,
        List<String> backupLinux,
        List<String> backupWindows,
        List<LeftOut> alsoApplies,
        List<RunbookStep> steps,
        List<LeftOut> leftOut,
        List<LeftOut> undecided) {

    /** A condition without steps in this runbook, with the reason the rules gave (and what to do, if it applies). */
    public record LeftOut(String conditionId, String title, String guideStep, String severity, String reason) {
        public static LeftOut of(ConditionResult r) {
            return new LeftOut(
                    r.condition().id(),
                    r.condition().title(),
                    r.condition().step(),
                    r.severity().name(),
                    String.join(" ", r.messages()));
        }

        /** An applying condition with no step of its own (a backup to take, a risk to know): seen, and what to do. */
        static LeftOut toHeed(ConditionResult r) {
            return new LeftOut(
                    r.condition().id(),
                    r.condition().title(),
                    r.condition().step(),
                    r.severity().name(),
                    String.join(" ", r.messages()) + " What to do: "
                            + r.condition().remediation());
        }
    }

    /** A runbook without the plan's folder and the datasources (tests of the steps): placeholders stand for them. */
    public static RunbookView of(
            MigrationPlan plan, Verdict verdict, ToolInfo tool, String oldHome, String newHome, ScriptSource scripts) {
        return of(plan, verdict, tool, oldHome, newHome, scripts, "<plan dir>", List.of());
    }

    /**
     * The runbook of a plan written to {@code planDir} (absolute), with the backup of the old home's
     * {@code datasources}; the commands use the homes and options plan.json records (else the homes given).
     */
    public static RunbookView of(
            MigrationPlan plan,
            Verdict verdict,
            ToolInfo tool,
            String oldHome,
            String newHome,
            ScriptSource scripts,
            String planDir,
            List<DatasourceConfig> datasources) {
        return of(plan, verdict, tool, oldHome, newHome, scripts, planDir, datasources, List.of());
    }

    /** As above, naming the old home's node ({@code node}: its role, when read) where each step runs. */
    public static RunbookView of(
            MigrationPlan plan,
            Verdict verdict,
            ToolInfo tool,
            String oldHome,
            String newHome,
            ScriptSource scripts,
            String planDir,
            List<DatasourceConfig> datasources,
            List<NodeRoleConfig> node) {
        Optional<NodeRoleConfig> self =
                node.stream().filter(n -> n.role() == Role.OLD).findFirst();
        boolean distributed = verdict.status("PRE-DISTRIBUTED") == Status.APPLIES;
        List<RunbookStep> steps = new ArrayList<>();
        for (PlanStep s : plan.steps()) {
            steps.add(step(
                    steps.size() + 1,
                    s,
                    verdict.result(s.conditionId()),
                    RunbookNodes.of(s, distributed, self),
                    scripts,
                    oldHome));
        }
        Set<String> withSteps = plan.steps().stream().map(PlanStep::conditionId).collect(Collectors.toSet());
        List<LeftOut> alsoApplies = verdict.results().stream()
                .filter(r -> r.status() == Status.APPLIES
                        && !withSteps.contains(r.condition().id()))
                .map(LeftOut::toHeed)
                .toList();
        PlanInputs inputs = plan.inputs() != null
                ? plan.inputs()
                : new PlanInputs(oldHome, newHome, null, null, null, false, List.of(), null, List.of(), null, null);
        RunbookCommands.Commands backup = RunbookBackup.of(datasources, oldHome);
        return new RunbookView(
                tool,
                plan.fingerprint().sha256(),
                oldHome,
                newHome,
                distributed,
                RunbookJourney.of(inputs, planDir),
                backup.linux(),
                backup.windows(),
                alsoApplies,
                steps,
                where(verdict, Status.NOT_APPLICABLE),
                where(verdict, Status.UNKNOWN));
    }

    /** For a script step, the query that tells whether it has run ("" when the dialect or its query is not known). */
    private static String hasRun(PlanStep s) {
        if (!s.kind().equals("RunSqlScript") || !s.params().containsKey(Planner.DIALECT_FOLDER)) {
            return "";
        }
        return HasRunQuery.of(s.params().getOrDefault("script", ""), s.params().get(Planner.DIALECT_FOLDER))
                .map(q -> "; it has run when this query returns 0: " + q)
                .orElse("");
    }

    private static List<LeftOut> where(Verdict verdict, Status status) {
        return verdict.results().stream()
                .filter(r -> r.status() == status)
                .map(LeftOut::of)
                .toList();
    }

    private static RunbookStep step(
            int number, PlanStep s, ConditionResult result, String node, ScriptSource scripts, String oldHome) {
        RunbookCommands.Commands commands = RunbookCommands.of(s);
        RunbookSql.Sql sql = RunbookSql.of(s, scripts);
        return new RunbookStep(
                number,
                s.id(),
                s.conditionId(),
                result.condition().title(),
                s.guideStep(),
                s.guideLink(),
                s.kind(),
                s.automated(),
                node,
                RunbookText.what(s),
                s.why(),
                s.evidence().stream()
                        .map(e -> new EvidenceView(e.source().toString(), e.observed()))
                        .toList(),
                commands.linux(),
                commands.windows(),
                commands.same(),
                RunbookText.snippet(s, oldHome),
                RunbookText.snippetLanguage(s),
                sql.statements(),
                sql.note(),
                s.postCondition() + hasRun(s));
    }
}
