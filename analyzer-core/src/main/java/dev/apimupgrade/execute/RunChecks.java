package dev.apimupgrade.execute;

import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Settlement;
import dev.apimupgrade.rule.Status;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The refusals checked just before a run executes anything: a running server, a plan made from another state of the
 * installation, an open blocker (one that applies, or an UNKNOWN one: the snapshot holds both). On a resumed run, changes to paths this run saved before changing them (and, once the
 * operator confirmed a manual step, anything in the new home) are the run's own doing and do not make the plan stale;
 * so are changes to the database of a script step the operator ran by hand at the run's request and confirms (now, or
 * in an earlier run), since the run stopped there precisely so that its database would change.
 */
final class RunChecks {
    private static final int SHOWN = 10;
    private final Set<String> touched = new TreeSet<>();
    private final boolean operatorWorkedInNewHome;

    RunChecks(Journal journal) {
        this(journal, List.of(), Set.of());
    }

    /** With the plan's steps and the steps the operator confirms in this run (--confirm, or the answers file). */
    RunChecks(Journal journal, List<PlanStep> steps, Set<String> confirmedNow) {
        boolean confirmed = false;
        Set<String> confirmedScripts = new TreeSet<>(confirmedNow);
        for (JournalRecord r : journal.records()) {
            if (JournalRecord.CONFIRMED.equals(r.status())) {
                confirmedScripts.add(r.step());
            }
            if (r.type().equals("backup")) {
                touched.add(r.path());
            }
            if (r.type().equals("intent") && r.detail() != null && r.detail().startsWith("RunSqlScript ")) {
                touched.add("db:" + r.detail().substring("RunSqlScript ".length()) + "/");
            }
            confirmed |= JournalRecord.CONFIRMED.equals(r.status());
        }
        this.operatorWorkedInNewHome = confirmed;
        for (PlanStep step : steps) {
            if (step.kind().equals("RunSqlScript") && confirmedScripts.contains(step.id())) {
                touched.add("db:" + step.target() + "/");
            }
        }
    }

    void refuseRunningServers(Preflight.Snapshot now) throws RunRefusedException {
        for (ServerProcess p : now.facts().ofType(ServerProcess.class)) {
            if (p.alive()) {
                throw new RunRefusedException("the " + p.role() + " server is running (" + p.observed() + "); stop it"
                        + " before migrating. Nothing was changed.");
            }
        }
    }

    void refuseStalePlan(MigrationPlan plan, Preflight.Snapshot now) throws RunRefusedException {
        List<Fingerprint.Change> changes = Fingerprint.compare(plan.fingerprint(), now.fingerprint()).stream()
                .filter(c -> !excused(c.source())).toList();
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder("the plan is stale: the installation changed since it was made ("
                + changes.size() + " change(s)):");
        changes.stream().limit(SHOWN).forEach(c -> msg.append("\n  ").append(c));
        if (changes.size() > SHOWN) {
            msg.append("\n  ...");
        }
        throw new RunRefusedException(msg.append("\nMake a new plan with apim-upgrade plan. Nothing was changed.")
                .toString());
    }

    void refuseOpenBlockers(Preflight.Snapshot now) throws RunRefusedException {
        List<ConditionResult> open = now.blockers().stream()
                .filter(b -> b.evidence().isEmpty() || !b.evidence().stream().map(Evidence::source)
                        .allMatch(s -> excused(s.toString())))
                .toList();
        if (!open.isEmpty()) {
            StringBuilder msg = new StringBuilder(open.size() + " blocker(s) are open:");
            open.forEach(b -> msg.append("\n  ").append(b.condition().id()).append(b.status() == Status.UNKNOWN
                    ? " (UNDECIDED: no rule could decide it; " + Settlement.line(b.messages()) + "): "
                    : ": ").append(String.join(" ", b.messages())));
            throw new RunRefusedException(msg.append("\nResolve or settle them, then assess again and make a new plan."
                    + " Nothing was changed.").toString());
        }
    }

    private boolean excused(String source) {
        if (operatorWorkedInNewHome && source.startsWith("NEW:")) {
            return true;
        }
        for (String path : touched) {
            if (source.equals(path) || source.startsWith(path.endsWith("/") ? path : path + "/")
                    || source.startsWith(path + ":")) {
                return true;
            }
        }
        return false;
    }
}
