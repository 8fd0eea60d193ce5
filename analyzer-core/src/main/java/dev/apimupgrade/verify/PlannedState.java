package dev.apimupgrade.verify;

import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.Evidence;
import dev.apimupgrade.rule.action.ActionKind;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the plan migrate ran says the installation was and what its steps change, as verify needs it: the digest of a
 * new-home file as it was when planned, the unified diff of a customisation a step re-applies, the files such steps
 * target and the deployment.toml tables the steps carry. Everything verify compares with "as planned" goes through
 * here, so where the plan records it can change in one place. Without a plan it knows nothing (all empty).
 */
public final class PlannedState {
    /** The condition whose manual step re-applies a 3.0.0 customisation of a protected synapse file. */
    static final String REAPPLY = "CFG-SYNAPSE-PROTECTED-MODIFIED";
    /** How a SynapseDiff observation starts (the rest is the unified diff). */
    static final String DIFF_PREFIX = "unified diff against the 3.1.0 home's file:\n";

    private static final String SHA256 = "sha256 ";

    private final Optional<MigrationPlan> plan;

    public PlannedState(Optional<MigrationPlan> plan) {
        this.plan = plan;
    }

    public boolean given() {
        return plan.isPresent();
    }

    /**
     * The SHA-256 of the new home's file when the plan was made: plan.json's {@code newHomeBaseline}, or, for a plan
     * written before it had one, the fingerprint's file digests ({@code NEW:<path>} "sha256 ...").
     */
    public Optional<String> newFileSha256(String relative) {
        Optional<String> baseline = plan.map(p -> p.newHomeBaseline().get(relative));
        return baseline.isPresent()
                ? baseline
                : entries()
                        .filter(e -> e.source().equals("NEW:" + relative)
                                && e.observed().startsWith(SHA256))
                        .map(e -> e.observed().substring(SHA256.length()).strip())
                        .findFirst();
    }

    /**
     * The recorded unified diff of the old home's file (from the 3.1.0 file, "---", to the 3.0.0 customised one,
     * "+++"): from a step's evidence when it holds it, else from what the plan was made from.
     */
    public Optional<String> oldDiff(String relative) {
        String source = "OLD:" + relative;
        Stream<Evidence> evidence =
                plan.stream().flatMap(p -> p.steps().stream()).flatMap(s -> s.evidence().stream());
        return Stream.concat(
                        evidence.filter(e -> e.source().where().equals(source)).map(Evidence::observed),
                        entries().filter(e -> e.source().equals(source)).map(Fingerprint.Entry::observed))
                .filter(o -> o.startsWith(DIFF_PREFIX))
                .map(o -> o.substring(DIFF_PREFIX.length()))
                .findFirst();
    }

    /** The new-home files a step asks the operator to re-apply a 3.0.0 customisation to. */
    public Set<String> reapplied() {
        Set<String> out = new TreeSet<>();
        steps().filter(s -> s.conditionId().equals(REAPPLY) && s.is(ActionKind.MANUAL_STEP))
                .forEach(s -> out.add(s.target()));
        return out;
    }

    /** The deployment.toml tables a step carries from the old home (SetTomlTable from OLD), with their subtables. */
    public Set<String> carriedTables() {
        Set<String> out = new TreeSet<>();
        steps().filter(s -> s.is(ActionKind.SET_TOML_TABLE)
                        && "OLD".equals(s.params().get("from")))
                .forEach(s -> out.add(s.target()));
        return out;
    }

    /** The full keys ("database.apim_db.driverClassName") the carrying steps leave out: 3.1.0 does not read them. */
    public Set<String> droppedKeys() {
        Set<String> out = new TreeSet<>();
        steps().filter(s -> s.kind().equals("SetTomlTable")
                        && "OLD".equals(s.params().get("from")))
                .forEach(s ->
                        dev.apimupgrade.plan.Planner.dropped(s.params()).forEach(k -> out.add(s.target() + "." + k)));
        return out;
    }

    private Stream<PlanStep> steps() {
        return plan.stream().flatMap(p -> p.steps().stream());
    }

    private Stream<Fingerprint.Entry> entries() {
        return plan.stream().flatMap(p -> p.fingerprint().facts().stream());
    }
}
