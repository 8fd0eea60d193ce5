package dev.apimupgrade.rule;

/** The status of a catalogue condition for one installation. */
public enum Status {
    APPLIES,
    NOT_APPLICABLE,
    UNKNOWN
}
