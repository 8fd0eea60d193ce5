package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.util.Optional;

/**
 * What an executor works with to apply a step: what a check reads, plus the run folder it writes to (always present),
 * the backup that saves a path before its change, the journal it appends to, and where a long step reports how far it
 * is.
 */
public record ApplyContext(CheckContext check, RunState run, Progress progress) {
    public ApplyContext {
        if (check.run().isEmpty() || check.run().get() != run) {
            throw new IllegalArgumentException("a step is applied in the run folder its checks read");
        }
    }

    /** For a run: checks and applies read and write the same run folder. */
    public static ApplyContext of(
            Homes homes,
            Facts facts,
            DatasourceSpecs datasources,
            SuppliedFiles supplied,
            RunState run,
            Progress progress) {
        return new ApplyContext(new CheckContext(homes, facts, datasources, supplied, Optional.of(run)), run, progress);
    }

    public Homes homes() {
        return check.homes();
    }

    public Facts facts() {
        return check.facts();
    }

    public DatasourceSpecs datasources() {
        return check.datasources();
    }

    public SuppliedFiles supplied() {
        return check.supplied();
    }

    public Backup backup() {
        return run.backup();
    }

    public Journal journal() {
        return run.journal();
    }

    public RunDirectory folder() {
        return run.folder();
    }
}
