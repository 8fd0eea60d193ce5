package dev.apimupgrade.report;

import dev.apimupgrade.report.ConditionView.EvidenceView;
import java.util.List;

/**
 * One numbered step of the runbook as the templates print it: what to do, why (condition, messages, evidence),
 * the commands for Linux and Windows (one list when they are the same), the configuration snippet or SQL to apply,
 * (with the language its code block is labelled with) the node it runs on, and what "done" looks like. Empty strings and lists mean "not shown".
 */
public record RunbookStep(
        int number,
        String id,
        String conditionId,
        String conditionTitle,
        String guideStep,
        String guideLink,
        String kind,
        boolean automated,
        String node,
        String what,
        List<String> why,
        List<EvidenceView> evidence,
        List<String> linux,
        List<String> windows,
        boolean sameOnBoth,
        String snippet,
        String snippetLanguage,
        List<String> sql,
        String sqlNote,
        String done) {}
