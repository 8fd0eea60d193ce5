package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a plan was made: the homes (absolute), the options, the answers file (absolute path and the SHA-256 of its
 * content then) and the names of the environment variables the scan read (never their values), so
 * {@code plan --check plan.json} and {@code migrate --plan plan.json} need nothing else and a differing option given
 * again is caught. {@code run} names the run folder a plan made mid-run continues (its backups are the new home as
 * first planned). {@code oldSnapshot} says, for a plan made on a workstation from a snapshot collect made on the node,
 * which snapshot and which host: {@code oldHome} is then the home on that node, where migrate runs (ADR 0044). Absent
 * values are left out of plan.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "oldHome",
    "newHome",
    "oldAnalytics",
    "newAnalytics",
    "answers",
    "noDb",
    "jdbcDrivers",
    "today",
    "environment",
    "run",
    "oldSnapshot"
})
public record PlanInputs(
        String oldHome,
        @Nullable String newHome,
        @Nullable String oldAnalytics,
        @Nullable String newAnalytics,
        @Nullable AnswersFile answers,
        boolean noDb,
        List<String> jdbcDrivers,
        @Nullable String today,
        List<String> environment,
        @Nullable String run,
        @Nullable SnapshotSource oldSnapshot) {
    public PlanInputs {
        jdbcDrivers = jdbcDrivers == null ? List.of() : List.copyOf(jdbcDrivers);
        environment = environment == null ? List.of() : List.copyOf(environment);
    }

    /** The answers file a plan was made with: where it was and what it held (the answers themselves are facts). */
    @JsonPropertyOrder({"path", "sha256"})
    public record AnswersFile(String path, String sha256) {}

    /** The snapshot a plan read the old home from: the file, the node's host, and when collect made it. */
    @JsonPropertyOrder({"file", "host", "collectedAt"})
    public record SnapshotSource(String file, String host, String collectedAt) {}
}
