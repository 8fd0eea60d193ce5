package dev.apimupgrade.execute;

import dev.apimupgrade.plan.SqlScripts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each script the engine runs on PostgreSQL deletes or changes, as read-only queries: the rows (or table
 * definitions) exported before it runs, and the query whose zero count says its post-condition holds, so a rerun
 * skips a script that has already committed. These queries only read; the scripts themselves stay in sql/.
 */
final class PostgresScriptEffects {
    /** One export: a file name under the step's export folder and the query whose rows it holds. */
    record Export(String file, String query) {
    }

    /** The exports taken before a script runs and the count that is zero once its post-condition holds. */
    record Effect(List<Export> exports, String remaining) {
    }

    private static final List<String> REG_TABLES = List.of("REG_RESOURCE_TAG", "REG_RESOURCE_COMMENT",
            "REG_RESOURCE_PROPERTY", "REG_RESOURCE_RATING");
    /** Each shared registry table with the REG_RESOURCE_* table and column that refer to it. */
    private static final List<List<String>> REG_REFERRED = List.of(List.of("REG_TAG", "REG_RESOURCE_TAG", "REG_TAG_ID"),
            List.of("REG_COMMENT", "REG_RESOURCE_COMMENT", "REG_COMMENT_ID"),
            List.of("REG_PROPERTY", "REG_RESOURCE_PROPERTY", "REG_PROPERTY_ID"),
            List.of("REG_RATING", "REG_RESOURCE_RATING", "REG_RATING_ID"));

    /**
     * The rows of a shared table the clean-up deletes as unreferenced: those no REG_RESOURCE_* row refers to once the
     * script has run, i.e. none with a path that keeps it, or versioned and matching a current resource version.
     */
    private static Export unreferenced(List<String> t) {
        return new Export(t.get(0) + ".jsonl", "SELECT * FROM " + t.get(0) + " T WHERE NOT EXISTS (SELECT 1 FROM "
                + t.get(1) + " X WHERE X." + t.get(2) + " = T.REG_ID AND X.REG_TENANT_ID = T.REG_TENANT_ID AND"
                + " ((X.REG_VERSION IS NULL AND X.REG_PATH_ID IS NOT NULL) OR EXISTS (SELECT 1 FROM REG_RESOURCE R"
                + " WHERE R.REG_VERSION = X.REG_VERSION AND R.REG_TENANT_ID = X.REG_TENANT_ID)))");
    }

    private static final Map<String, Effect> EFFECTS = Map.of(
            SqlScripts.SCOPE_BINDING_CLEANUP, new Effect(
                    List.of(new Export("IDN_OAUTH2_SCOPE_BINDING.jsonl", "SELECT * FROM IDN_OAUTH2_SCOPE_BINDING"
                            + " WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = '' ORDER BY SCOPE_ID")),
                    "SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''"),
            SqlScripts.REGISTRY_VERSIONING_CLEANUP, new Effect(
                    Stream.concat(REG_TABLES.stream().map(t -> new Export(t + ".jsonl",
                            "SELECT * FROM " + t + " WHERE REG_PATH_ID IS NULL")),
                            REG_REFERRED.stream().map(PostgresScriptEffects::unreferenced)).toList(),
                    "SELECT (SELECT COUNT(*) FROM REG_RESOURCE_TAG WHERE REG_PATH_ID IS NULL)"
                            + " + (SELECT COUNT(*) FROM REG_RESOURCE_COMMENT WHERE REG_PATH_ID IS NULL)"
                            + " + (SELECT COUNT(*) FROM REG_RESOURCE_PROPERTY WHERE REG_PATH_ID IS NULL)"
                            + " + (SELECT COUNT(*) FROM REG_RESOURCE_RATING WHERE REG_PATH_ID IS NULL)"),
            SqlScripts.AM_UPGRADE, new Effect(
                    List.of(new Export("table-definitions.jsonl", "SELECT table_name, ordinal_position, column_name,"
                            + " data_type, character_maximum_length, is_nullable, column_default"
                            + " FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND table_name IN ('am_system_apps', 'am_api_categories', 'am_user',"
                            + " 'am_security_audit_uuid_mapping') ORDER BY table_name, ordinal_position"),
                            new Export("table-constraints.jsonl", "SELECT table_name, constraint_name,"
                                    + " constraint_type FROM information_schema.table_constraints"
                                    + " WHERE table_schema = current_schema() AND table_name = 'am_system_apps'"
                                    + " ORDER BY constraint_name")),
                    "SELECT CASE WHEN to_regclass('am_api_categories') IS NOT NULL AND EXISTS (SELECT 1"
                            + " FROM information_schema.columns WHERE table_schema = current_schema()"
                            + " AND table_name = 'am_system_apps' AND column_name = 'tenant_domain') THEN 0 ELSE 1 END"));

    private PostgresScriptEffects() {
    }

    /** The effect of a purpose; empty for scripts this build leaves to the operator on PostgreSQL. */
    static Optional<Effect> of(String purpose) {
        return Optional.ofNullable(EFFECTS.get(purpose));
    }

    static List<String> purposes() {
        return EFFECTS.keySet().stream().sorted().toList();
    }
}
