package dev.apimupgrade.rule;

/** How much a condition that applies matters: BLOCKER stops a migration, WARNING needs a person, INFO is a plain step. */
public enum Severity {
    BLOCKER,
    WARNING,
    INFO
}
