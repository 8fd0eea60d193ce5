package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Facts;

/** What an executor works with: the homes, the backup that saves a path before its change, and the fresh facts. */
public record StepContext(Homes homes, Backup backup, Facts facts, RunDirectory run) {
}
