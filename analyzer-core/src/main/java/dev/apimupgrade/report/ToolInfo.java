package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Which tool and which compiled rule pack produced a report, so a reader knows exactly what decided it. */
@JsonPropertyOrder({"name", "version", "rulePackHash"})
public record ToolInfo(String name, String version, String rulePackHash) {}
