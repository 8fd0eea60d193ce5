package dev.apimupgrade.rule.action;

import java.util.Map;

/** Make a shipped script drop a constraint by the name the database gave it rather than the name the script expects. */
public record AdaptSqlStatement(String target, String script, String expectedName, String actualName)
        implements Action {
    @Override
    public ActionKind kind() {
        return ActionKind.ADAPT_SQL_STATEMENT;
    }

    @Override
    public Map<String, String> params() {
        return new Params()
                .put("script", script)
                .put("expectedName", expectedName)
                .put("actualName", actualName)
                .map();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return "the " + script + " statement drops " + actualName + ", the name the database gave the constraint";
    }
}
