package dev.apimupgrade.rule.action;

import dev.apimupgrade.fact.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An action the rules can justify, with typed fields: what plan.json holds as a kind and a map of parameters, and what
 * the action's post-condition is. Adding a kind is a new record here and a constant of {@link ActionKind}; the
 * compiler then lists each switch that must handle it (docs/adr/0019-typed-action-and-database-vocabulary.md).
 */
public sealed interface Action
        permits CopyFile,
                CopyTree,
                SetTomlValue,
                SetTomlTable,
                DeletePath,
                Backup,
                RunSqlScript,
                AdaptSqlStatement,
                ManualStep {
    /** The parameter a planned SetTomlTable step lists the carried subtables in (comma-separated). */
    String SUBTABLES = "subtables";

    ActionKind kind();

    /** What the action changes: a home-relative path, a TOML key or table, a datasource, or a node. */
    String target();

    /** Whether migrate carries it out; false for the steps only the operator can do. */
    default boolean automated() {
        return true;
    }

    /** The parameters as plan.json holds them (the keys and values of earlier versions, unchanged). */
    Map<String, String> params();

    /**
     * What "done" looks like once the step ran: the state a re-scan (or the operator) checks. {@code planned}: the
     * step's parameters as the plan holds them, with what the planner added (subtables, dialect folder).
     */
    String postCondition(Map<String, String> planned);

    /**
     * The typed action plan.json's kind, target and parameters describe; parameters the planner added are ignored.
     * Empty for a kind this build does not know.
     */
    static Optional<Action> of(String kind, String target, Map<String, String> params) {
        return ActionKind.of(kind).map(k -> switch (k) {
            case COPY_FILE -> new CopyFile(target, params.getOrDefault("from", ""), opt(params, "when"));
            case COPY_TREE -> new CopyTree(target, params.getOrDefault("from", ""), list(params.get("exclude")));
            case SET_TOML_VALUE -> new SetTomlValue(target, params.getOrDefault("value", ""));
            case SET_TOML_TABLE ->
                new SetTomlTable(
                        target,
                        Role.valueOf(params.getOrDefault("from", "OLD")),
                        list(params.get("drop")),
                        opt(params, "relativeH2").map(Boolean::parseBoolean));
            case DELETE_PATH ->
                new DeletePath(target, opt(params, "when"), opt(params, "after"), opt(params, "guideStep"));
            case BACKUP -> new Backup(target);
            case RUN_SQL_SCRIPT -> new RunSqlScript(target, params.getOrDefault("script", ""), opt(params, "dialect"));
            case ADAPT_SQL_STATEMENT ->
                new AdaptSqlStatement(
                        target,
                        params.getOrDefault("script", ""),
                        params.getOrDefault("expectedName", ""),
                        params.getOrDefault("actualName", ""));
            case MANUAL_STEP ->
                new ManualStep(
                        target,
                        params.getOrDefault("step", target),
                        opt(params, "command"),
                        opt(params, "doneWhen"),
                        list(params.get("removedAfter")),
                        opt(params, "jdbcUrl"),
                        opt(params, "config"),
                        opt(params, "guideStep"));
        });
    }

    private static Optional<String> opt(Map<String, String> params, String key) {
        return Optional.ofNullable(params.get(key));
    }

    private static List<String> list(@Nullable String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty()
                ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }

    /** "the old home's x" for OLD:x, else the source as written. */
    static String home(String from) {
        return from.startsWith("OLD:") ? "the old home's " + from.substring(4) : from;
    }
}
