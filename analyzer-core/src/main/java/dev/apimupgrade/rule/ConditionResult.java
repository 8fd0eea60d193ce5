package dev.apimupgrade.rule;

import java.util.List;

/**
 * The verdict on one catalogue condition: its status, the severity it carries, why (messages and evidence), and the
 * rules that concluded it. {@code reason} explains UNKNOWN and NOT_APPLICABLE as well as APPLIES.
 */
public record ConditionResult(
        Condition condition,
        Status status,
        Severity severity,
        List<String> messages,
        List<Evidence> evidence,
        List<String> rules) {}
