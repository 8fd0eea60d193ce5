package dev.apimupgrade.fact;

/**
 * An observation about an old-home file made by comparing it with a file of the new home (a stock comparison, a
 * diff): a function of both homes, so a plan binds its two inputs (each file's digest) rather than the comparison,
 * and a step that changes the new file as planned (a re-applied customisation) does not make the plan stale.
 */
public interface ComparedWithNewHome extends Observation {}
