package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.scan.db.DatasourceSpecs;

/**
 * What an executor works with: the homes, the backup that saves a path before its change, the fresh facts, how to
 * reach the old home's datasources (holds passwords: never printed), the run folder and its journal, where a long
 * step reports how far it is, and the files the operator gave that the tool does not ship.
 */
public record StepContext(
        Homes homes,
        Backup backup,
        Facts facts,
        DatasourceSpecs datasources,
        RunDirectory run,
        Journal journal,
        Progress progress,
        SuppliedFiles supplied) {
    /** Without files given by the operator. */
    public StepContext(
            Homes homes,
            Backup backup,
            Facts facts,
            DatasourceSpecs datasources,
            RunDirectory run,
            Journal journal,
            Progress progress) {
        this(homes, backup, facts, datasources, run, journal, progress, SuppliedFiles.NONE);
    }

    /** Without a progress display. */
    public StepContext(
            Homes homes, Backup backup, Facts facts, DatasourceSpecs datasources, RunDirectory run, Journal journal) {
        this(homes, backup, facts, datasources, run, journal, Progress.NONE);
    }
}
