package dev.apimupgrade.rule.action;

import dev.apimupgrade.fact.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Replace a table of the 3.1.0 deployment.toml with the keys of the same table in a home's deployment.toml;
 * {@code drop} names the table's keys (relative: "driverClassName") that 3.1.0 does not read, left out and named in
 * the runbook; {@code relativeH2} says whether the table's H2 url is relative to the home reading it (then it is
 * anchored at the old home), and is absent for tables without a url.
 */
public record SetTomlTable(String target, Role from, List<String> drop, Optional<Boolean> relativeH2)
        implements Action {
    public SetTomlTable {
        drop = List.copyOf(drop);
    }

    /** A table carried from the old home, with whether its H2 url is home-relative. */
    public static SetTomlTable fromOld(String table, boolean relativeH2) {
        return new SetTomlTable(table, Role.OLD, List.of(), Optional.of(relativeH2));
    }

    /**
     * A table carried from the old home without the keys 3.1.0 does not read ({@code dropped} comma-separated, as
     * the rules' Datasources.unreadKeys gives them), with whether its H2 url is home-relative.
     */
    public static SetTomlTable fromOld(String table, String dropped, boolean relativeH2) {
        return new SetTomlTable(
                table, Role.OLD, dropped.isEmpty() ? List.of() : List.of(dropped.split(",")), Optional.of(relativeH2));
    }

    /** A table carried from the old home that has no url. */
    public static SetTomlTable fromOld(String table) {
        return new SetTomlTable(table, Role.OLD, List.of(), Optional.empty());
    }

    @Override
    public ActionKind kind() {
        return ActionKind.SET_TOML_TABLE;
    }

    @Override
    public Map<String, String> params() {
        return new Params()
                .put("from", from.name())
                .put("drop", drop)
                .put("relativeH2", relativeH2.map(String::valueOf))
                .map();
    }

    @Override
    public String postCondition(Map<String, String> planned) {
        return "the 3.1.0 deployment.toml has [" + target + "]"
                + (planned.containsKey(SUBTABLES)
                        ? " and "
                                + Arrays.stream(planned.get(SUBTABLES).split(","))
                                        .map(sub -> "[" + target + "." + sub + "]")
                                        .collect(Collectors.joining(", "))
                        : "")
                + " with the old home's values and still parses";
    }
}
