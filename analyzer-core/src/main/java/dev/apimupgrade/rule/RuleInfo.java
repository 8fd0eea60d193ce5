package dev.apimupgrade.rule;

/** The metadata a rule carries (@id, @severity, @guide) and its name, read from the compiled rule base. */
public record RuleInfo(String ruleName, String conditionId, Severity severity, String guideAnchor, String chapter) {}
