package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.util.Optional;

/**
 * What an executor reads to check a step ({@link StepExecutor#done}, preview, refusal): the homes, the fresh facts,
 * how to reach the old home's datasources (holds passwords: never printed), the files the operator gave that the tool
 * does not ship, and the run folder when there is one. Nothing here writes: a check never changes anything.
 */
public record CheckContext(
        Homes homes, Facts facts, DatasourceSpecs datasources, SuppliedFiles supplied, Optional<RunState> run) {

    /** Without files given by the operator. */
    public CheckContext(Homes homes, Facts facts, DatasourceSpecs datasources, Optional<RunState> run) {
        this(homes, facts, datasources, SuppliedFiles.NONE, run);
    }

    /** The run's journal, when there is a run folder. */
    public Optional<Journal> journal() {
        return run.map(RunState::journal);
    }

    /** Whether the run's journal records the step done; false without a run folder. */
    public boolean completed(String stepId) {
        return run.isPresent() && run.get().journal().completed(stepId);
    }

    /**
     * The run folder, for a check that can only be made from what the run recorded (a script's effects, a backup):
     * callers ask only for steps that need one ({@link PostConditionCheck} tells verify so first).
     */
    public RunState requireRun(String why) {
        return run.orElseThrow(() -> new IllegalStateException("no run folder: " + why));
    }
}
