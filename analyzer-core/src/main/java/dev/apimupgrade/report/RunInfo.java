package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** When, where and as what command a run happened; kept out of assessment.json so that file stays reproducible. */
@JsonPropertyOrder({"startedAt", "finishedAt", "host", "command"})
public record RunInfo(String startedAt, String finishedAt, String host, String command) {}
