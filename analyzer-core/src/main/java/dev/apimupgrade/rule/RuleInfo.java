package dev.apimupgrade.rule;

/**
 * A rule of the compiled rule base: its name, its @id, and the severity and guide anchor it concludes with (its
 * condition's in the catalogue, or its own @severity where it overrides the catalogue's).
 */
public record RuleInfo(String ruleName, String conditionId, Severity severity, String guideAnchor, String chapter) {}
