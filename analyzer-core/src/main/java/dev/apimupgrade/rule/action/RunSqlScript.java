package dev.apimupgrade.rule.action;

import java.util.Map;
import java.util.Optional;

/**
 * Run one of the shipped scripts (sql/&lt;script&gt;/&lt;folder&gt;) on a datasource ({@code target});
 * {@code dialect} records the jOOQ dialect the database was read through, where a rule matched it.
 */
public record RunSqlScript(String target, String script, Optional<String> dialect) implements Action {
    private static final Map<String, String> RESULTS = Map.of(
            "registry-versioning-cleanup", "no REG_ table of %s holds a versioned row any more",
            "am-3.0.0-to-3.1.0", "%s has every 3.1.0 AM_ object (AM_API_CATEGORIES, AM_USER, ...)",
            "scope-binding-cleanup", "IDN_OAUTH2_SCOPE_BINDING in %s has no row with a NULL or empty SCOPE_BINDING",
            "reg-index", "the reg-index script ran to its end on %s without an error",
            "analytics-lastaccess-pk", "APILASTACCESSSUMMARY in %s has APIVERSION in its primary key");

    public RunSqlScript(String target, String script) {
        this(target, script, Optional.empty());
    }

    public RunSqlScript dialect(String jooqDialect) {
        return new RunSqlScript(target, script, Optional.of(jooqDialect));
    }

    @Override
    public ActionKind kind() {
        return ActionKind.RUN_SQL_SCRIPT;
    }

    @Override
    public Map<String, String> params() {
        return new Params().put("script", script).put("dialect", dialect).map();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return String.format(RESULTS.getOrDefault(script, "the script ran to its end on %s without an error"), target);
    }
}
