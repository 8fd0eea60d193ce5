package dev.apimupgrade.rule.action;

import java.util.Map;

/** Set one key of the 3.1.0 deployment.toml ({@code target} is the dotted key) to a value. */
public record SetTomlValue(String target, String value) implements Action {
    @Override
    public ActionKind kind() {
        return ActionKind.SET_TOML_VALUE;
    }

    @Override
    public Map<String, String> params() {
        return new Params().put("value", value).map();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return "the 3.1.0 deployment.toml sets " + target + " = " + value + " and still parses";
    }
}
