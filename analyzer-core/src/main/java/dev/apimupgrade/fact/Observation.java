package dev.apimupgrade.fact;

/**
 * A fact: a record of something a scanner observed, with where it was observed. Rules cite observations as evidence,
 * so {@link #observed()} is a short neutral statement of the value, never a secret.
 */
public interface Observation {
    SourceRef source();

    String observed();
}
