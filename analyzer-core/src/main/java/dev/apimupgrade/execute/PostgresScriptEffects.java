package dev.apimupgrade.execute;

import dev.apimupgrade.plan.SqlScripts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each script the engine runs on PostgreSQL deletes or changes, as read-only queries: the rows (or table
 * definitions) exported before it runs, and the query whose zero count says its post-condition holds, so a rerun
 * skips a script that has already committed. These read-only queries live in sql/export/&lt;purpose&gt;/postgres
 * (one file an export, remaining.sql for the count), as the scripts themselves live in sql/.
 */
final class PostgresScriptEffects {
    /** One export: a file name under the step's export folder and the query whose rows it holds. */
    record Export(String file, String query) {
    }

    /** The exports taken before a script runs and the count that is zero once its post-condition holds. */
    record Effect(List<Export> exports, String remaining) {
    }

    /** The exports of each purpose, in the order they are taken: sql/export/&lt;purpose&gt;/postgres/&lt;name&gt;.sql. */
    private static final Map<String, List<String>> EXPORTS = Map.of(
            SqlScripts.SCOPE_BINDING_CLEANUP, List.of("IDN_OAUTH2_SCOPE_BINDING"),
            SqlScripts.REGISTRY_VERSIONING_CLEANUP, List.of("REG_RESOURCE_TAG", "REG_RESOURCE_COMMENT",
                    "REG_RESOURCE_PROPERTY", "REG_RESOURCE_RATING", "REG_TAG", "REG_COMMENT", "REG_PROPERTY",
                    "REG_RATING"),
            SqlScripts.AM_UPGRADE, List.of("table-definitions", "table-constraints"));

    private PostgresScriptEffects() {
    }

    /** The effect of a purpose; empty for scripts this build leaves to the operator on PostgreSQL. */
    static Optional<Effect> of(String purpose) {
        return Optional.ofNullable(EXPORTS.get(purpose)).map(names -> new Effect(names.stream()
                .map(n -> new Export(n + ".jsonl", query(purpose, "postgres", n))).toList(),
                query(purpose, "postgres", "remaining")));
    }

    static List<String> purposes() {
        return EXPORTS.keySet().stream().sorted().toList();
    }

    /** The query of sql/export/&lt;purpose&gt;/&lt;dialect&gt;/&lt;name&gt;.sql on one line, without its comments. */
    static String query(String purpose, String dialect, String name) {
        return SqlScripts.read("sql/export/" + purpose + "/" + dialect + "/" + name + ".sql").lines()
                .filter(l -> !l.strip().startsWith("--")).map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + " " + b).orElseThrow();
    }
}
