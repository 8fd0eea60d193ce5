package dev.apimupgrade.report;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.ScriptSource;
import dev.apimupgrade.rule.action.ActionKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The SQL a script step shows inline: the shipped script for the datasource's dialect, placeholders filled, each
 * statement ended as the dialect's SQL client expects, so it can be pasted as it is.
 */
final class RunbookSql {
    /** The statements, or a note saying why none can be shown. */
    record Sql(List<String> statements, String note) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");

    private RunbookSql() {}

    /** How an operator's SQL client ends a statement in this dialect: ';', or a '/' line for Oracle and DB2 blocks. */
    private static String terminator(String folder) {
        return DatabaseProduct.withOwnScripts().stream()
                .filter(d -> d.folder().equals(folder))
                .findFirst()
                .map(d -> d.delimiter() == DatabaseProduct.Delimiter.SLASH_LINE ? "\n/" : ";")
                .orElse(";");
    }

    static Sql of(PlanStep s, ScriptSource scripts) {
        if (!s.is(ActionKind.RUN_SQL_SCRIPT)) {
            return new Sql(List.of(), "");
        }
        String purpose = s.params().getOrDefault("script", "");
        String folder = s.params().get(Planner.DIALECT_FOLDER);
        if (folder == null) {
            return new Sql(
                    List.of(),
                    "The database type of " + s.target() + " is not known from the old" + " deployment.toml: take the "
                            + purpose + " script for your database from the guide.");
        }
        Map<String, String> identifiers = new TreeMap<>();
        s.params().forEach((k, v) -> {
            if (k.startsWith(Planner.IDENTIFIER)) {
                identifiers.put(k.substring(Planner.IDENTIFIER.length()), v);
            }
        });
        try {
            String end = terminator(folder);
            List<String> statements = scripts.statements(purpose, folder, identifiers).stream()
                    .map(q -> q + end)
                    .toList();
            List<String> open = statements.stream()
                    .flatMap(q -> PLACEHOLDER.matcher(q).results().map(m -> m.group()))
                    .distinct()
                    .toList();
            return new Sql(
                    statements,
                    open.isEmpty()
                            ? ""
                            : "Replace " + String.join(", ", open) + " with the name"
                                    + " the database gave it (the scan did not read it); leave that statement out if there is none.");
        } catch (IllegalArgumentException e) {
            return new Sql(
                    List.of(), "This tool ships no " + purpose + " script for " + folder + ": " + e.getMessage());
        }
    }
}
