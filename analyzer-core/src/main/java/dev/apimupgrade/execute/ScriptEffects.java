package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each script the engine runs on H2, PostgreSQL or MariaDB/MySQL deletes or changes, as read-only queries: the rows
 * (or table definitions) exported before it runs, and the query whose zero count says its post-condition holds, so a
 * rerun skips a script that has already committed. These queries live in sql/export/&lt;purpose&gt;/&lt;dialect&gt;
 * (one file an export, remaining.sql for the count), as the scripts themselves live in sql/. A MariaDB/MySQL script of
 * DDL has no remaining.sql: the metadata checks its statements run behind say when it is done.
 */
final class ScriptEffects {
    /** One export: a file name under the step's export folder and the query whose rows it holds. */
    record Export(String file, String query) {}

    /**
     * The exports taken before a script runs, the count that is zero once its post-condition holds, and whether the
     * journal's record that the step completed settles it (see {@link #JOURNAL_SETTLES}).
     */
    record Effect(List<Export> exports, Optional<String> remaining, boolean journalSettles) {}

    /** The exports of each purpose per dialect, in the order taken: sql/export/&lt;purpose&gt;/&lt;dialect&gt;/&lt;name&gt;.sql. */
    private static final Map<DatabaseProduct, Map<String, List<String>>> EXPORTS = Map.of(
            // H2: the rows a row script deletes or changes, for compare to explain (the run's snapshot of the
            // database file, not these, is what rollback restores and a redo starts from)
            DatabaseProduct.H2,
                    Map.of(
                            SqlScripts.SCOPE_BINDING_CLEANUP, List.of("IDN_OAUTH2_SCOPE_BINDING"),
                            SqlScripts.REGISTRY_VERSIONING_CLEANUP, registryTables(),
                            SqlScripts.REG_INDEX, List.of("REG_LOG")),
            DatabaseProduct.POSTGRESQL,
                    Map.of(
                            SqlScripts.SCOPE_BINDING_CLEANUP, List.of("IDN_OAUTH2_SCOPE_BINDING"),
                            SqlScripts.REGISTRY_VERSIONING_CLEANUP, registryTables(),
                            SqlScripts.AM_UPGRADE, List.of("table-definitions", "table-constraints"),
                            SqlScripts.REG_INDEX, List.of("REG_LOG"),
                            SqlScripts.ANALYTICS_LASTACCESS_PK, List.of("table-definitions", "table-constraints")),
            DatabaseProduct.MYSQL,
                    Map.of(
                            SqlScripts.AM_UPGRADE, List.of("table-definitions", "table-indexes"),
                            SqlScripts.SCOPE_BINDING_CLEANUP, List.of("IDN_OAUTH2_SCOPE_BINDING"),
                            SqlScripts.REGISTRY_VERSIONING_CLEANUP, registryTables(),
                            SqlScripts.REG_INDEX, List.of("REG_LOG"),
                            SqlScripts.ANALYTICS_LASTACCESS_PK, List.of("table-definitions", "table-indexes")));

    /**
     * Purposes whose post-condition the 3.1.0 server undoes in its normal work: it writes REG_LOG rows again from its
     * first start. Once the journal records that the step completed, that record says it is done (the step's
     * post-condition is "ran to its end"), so a run resumed after the re-indexing start does not trim REG_LOG again.
     */
    private static final Set<String> JOURNAL_SETTLES = Set.of(SqlScripts.REG_INDEX);

    private ScriptEffects() {}

    private static List<String> registryTables() {
        return List.of(
                "REG_RESOURCE_TAG",
                "REG_RESOURCE_COMMENT",
                "REG_RESOURCE_PROPERTY",
                "REG_RESOURCE_RATING",
                "REG_TAG",
                "REG_COMMENT",
                "REG_PROPERTY",
                "REG_RATING");
    }

    /** The effect of a purpose on a dialect; empty for scripts this build leaves to the operator there. */
    static Optional<Effect> of(String purpose, DatabaseProduct dialect) {
        return Optional.ofNullable(
                        EXPORTS.getOrDefault(dialect.scripts(), Map.of()).get(purpose))
                .map(names -> new Effect(
                        names.stream()
                                .map(n -> new Export(n + ".jsonl", query(purpose, dialect, n)))
                                .toList(),
                        exists(purpose, dialect, "remaining")
                                ? Optional.of(query(purpose, dialect, "remaining"))
                                : Optional.empty(),
                        JOURNAL_SETTLES.contains(purpose)));
    }

    /**
     * Whether the step is done by its journal alone: a purpose the server undoes in normal work (JOURNAL_SETTLES)
     * whose step this run's journal records as completed. Otherwise the remaining count or the guards decide.
     */
    static boolean settledByJournal(Effect effect, PlanStep step, CheckContext ctx) {
        return effect.journalSettles() && ctx.completed(step.id());
    }

    static List<String> purposes(DatabaseProduct dialect) {
        return EXPORTS.getOrDefault(dialect.scripts(), Map.of()).keySet().stream()
                .sorted()
                .toList();
    }

    /** The query of sql/export/&lt;purpose&gt;/&lt;dialect&gt;/&lt;name&gt;.sql on one line, without its comments. */
    static String query(String purpose, DatabaseProduct dialect, String name) {
        return SqlScripts.read(resource(purpose, dialect, name))
                .lines()
                .filter(l -> !l.strip().startsWith("--"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + " " + b)
                .orElseThrow();
    }

    private static boolean exists(String purpose, DatabaseProduct dialect, String name) {
        return ScriptEffects.class.getClassLoader().getResource(resource(purpose, dialect, name)) != null;
    }

    private static String resource(String purpose, DatabaseProduct dialect, String name) {
        return "sql/export/" + purpose + "/" + dialect.folder() + "/" + name + ".sql";
    }
}
