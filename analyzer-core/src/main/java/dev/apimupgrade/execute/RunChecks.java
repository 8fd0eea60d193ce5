package dev.apimupgrade.execute;

import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.StepTargets;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.Settlement;
import dev.apimupgrade.rule.Status;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The refusals checked just before a run executes anything: a running server, a plan made from another state of the
 * installation, an open blocker (one that applies, or an UNKNOWN one: the snapshot holds both). What the plan's own
 * steps change or ask the operator to change is not drift (see {@link StepTargets}): the targets of every step from
 * the start, the broad ones (a script's database, the whole new home for a server start) once the run reached that
 * step, and every path this run saved before changing it. Drift anywhere else (the old home, the databases before
 * their step, the new home outside the steps) still refuses.
 */
public final class RunChecks {
    private static final int SHOWN = 10;
    private final Set<String> touched = new TreeSet<>();

    RunChecks(Journal journal) {
        this(journal, List.of(), Set.of());
    }

    /**
     * What a run folder and a plan account for, read-only: for plan --check and a plan made mid-run, which changes
     * since the plan are the run's and its steps' own doing.
     */
    public static RunChecks of(RunDirectory run, List<PlanStep> steps)
            throws java.io.IOException, dev.apimupgrade.scan.InputException {
        return new RunChecks(run.exists() ? Journal.open(run.journal()) : null, steps, Set.of());
    }

    /** With the plan's steps and the steps the operator confirms in this run (--confirm, or the answers file). */
    RunChecks(@Nullable Journal journal, List<PlanStep> steps, Set<String> confirmedNow) {
        // a step is reached once it ran (intent) or the operator confirmed it (now, or in an earlier run): a stop alone
        // is not enough, the change it asks for is not there yet
        Set<String> reached = new TreeSet<>(confirmedNow);
        for (JournalRecord r : journal == null ? List.<JournalRecord>of() : journal.records()) {
            if (r instanceof JournalRecord.Intent i) {
                reached.add(i.step());
                i.scriptDatabase().ifPresent(database -> touched.add("db:" + database + "/"));
            } else if (r instanceof JournalRecord.Outcome o) {
                reached.add(o.step());
            } else if (r instanceof JournalRecord.Backup b) {
                touched.add(b.path());
            }
        }
        for (PlanStep step : steps) {
            StepTargets targets = StepTargets.of(step);
            touched.addAll(targets.always());
            if (reached.contains(step.id())) {
                touched.addAll(targets.onceReached());
            }
        }
    }

    /** The same checks, also excusing changes under these targets (what another part of a deployment's run did). */
    RunChecks alsoExcusing(Set<String> targets) {
        touched.addAll(targets);
        return this;
    }

    /**
     * What a run and a dry run refuse before their first step, in this order: a running server, a stale plan, an open
     * blocker.
     */
    void refuseToStart(MigrationPlan plan, Preflight.Snapshot now, RunDirectory run) throws RunRefusedException {
        refuseRunningServers(now);
        refuseStalePlan(plan, now, run);
        refuseOpenBlockers(now);
    }

    void refuseRunningServers(Preflight.Snapshot now) throws RunRefusedException {
        for (ServerProcess p : now.facts().ofType(ServerProcess.class)) {
            if (p.alive()) {
                throw new RunRefusedException("the " + p.role() + " server is running (" + p.observed() + "); stop it"
                        + " before migrating. Nothing was changed.");
            }
        }
    }

    /** The changes from the plan's fingerprint to {@code now} that neither the steps nor the run explain. */
    public List<Fingerprint.Change> drift(Fingerprint planned, Fingerprint now) {
        return Fingerprint.compare(planned, now).stream()
                .filter(c -> !excused(c.source()))
                .toList();
    }

    void refuseStalePlan(MigrationPlan plan, Preflight.Snapshot now, RunDirectory run) throws RunRefusedException {
        List<Fingerprint.Change> changes = drift(plan.fingerprint(), now.fingerprint());
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder(
                "the plan is stale: the installation changed since it was made (" + changes.size() + " change(s)):");
        changes.stream().limit(SHOWN).forEach(c -> msg.append("\n  ").append(c));
        if (changes.size() > SHOWN) {
            msg.append("\n  ...");
        }
        String replan = run.exists()
                ? "Make a new plan that continues this run with apim-upgrade plan --run " + run.root() + " --out <new"
                        + " dir>, then run apim-upgrade migrate --plan <new dir>/plan.json: this run folder adopts it and"
                        + " keeps what is done."
                : "Make a new plan with apim-upgrade plan.";
        throw new RunRefusedException(
                msg.append("\n").append(replan).append(" Nothing was changed.").toString());
    }

    /** The blockers whose every piece of evidence lies where the steps or the run made changes. */
    public boolean accountsFor(ConditionResult blocker) {
        return !blocker.evidence().isEmpty()
                && blocker.evidence().stream().map(Evidence::source).allMatch(s -> excused(s.toString()));
    }

    void refuseOpenBlockers(Preflight.Snapshot now) throws RunRefusedException {
        List<ConditionResult> open =
                now.blockers().stream().filter(b -> !accountsFor(b)).toList();
        if (!open.isEmpty()) {
            StringBuilder msg = new StringBuilder(open.size() + " blocker(s) are open:");
            open.forEach(b -> msg.append("\n  ")
                    .append(b.condition().id())
                    .append(
                            b.status() == Status.UNKNOWN
                                    ? " (UNDECIDED: no rule could decide it; " + Settlement.line(b.messages()) + "): "
                                    : ": ")
                    .append(String.join(" ", b.messages())));
            throw new RunRefusedException(msg.append("\nResolve or settle them, then assess again and make a new plan."
                            + " Nothing was changed.")
                    .toString());
        }
    }

    /** Whether a change at this source is the doing of the plan's steps or of this run. */
    public boolean excused(String source) {
        return touched.stream().anyMatch(target -> StepTargets.covers(target, source));
    }
}
