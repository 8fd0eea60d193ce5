package dev.apimupgrade.rules;

import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.action.Action;
import dev.apimupgrade.rule.action.ManualStep;
import dev.apimupgrade.rule.action.SetTomlTable;
import dev.apimupgrade.rule.action.SetTomlValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CFG-NODE-ROLE: what makes a node of a distributed deployment the node it is, as its 3.0.0 deployment.toml writes
 * it, and the actions that carry it into the 3.1.0 deployment.toml: the server_role (SetTomlValue), the
 * [apim.key_manager] and [apim.throttling] tables (SetTomlTable, their keys as written), and the arrays of tables the
 * tool does not edit ([[apim.throttling.url_group]], [[apim.gateway.environment]]) as a manual step naming their keys.
 */
public final class NodeRoleSettings {
    static final String DEFAULT_ROLE = "default";
    static final List<String> TABLES = List.of("apim.key_manager", "apim.throttling");
    static final List<String> ARRAYS = List.of("apim.throttling.url_group", "apim.gateway.environment");
    /** The component each array of tables places: carried only when it places that component on another host. */
    static final Map<String, String> PLACES = Map.of(
            "apim.throttling.url_group", NodeRoleConfig.TRAFFIC_MANAGER,
            "apim.gateway.environment", NodeRoleConfig.GATEWAY);

    private NodeRoleSettings() {}

    /** True when the node is one part of a distributed deployment: a role other than default, or a component elsewhere. */
    public static boolean distributed(NodeRoleConfig node) {
        return !DEFAULT_ROLE.equals(node.serverRole()) || !node.elsewhere().isEmpty();
    }

    /** The actions that give the 3.1.0 deployment.toml the node's role and URLs from the old settings. */
    public static List<Action> carried(NodeRoleConfig node, List<TomlSetting> old) {
        List<Action> out = new ArrayList<>();
        if (!DEFAULT_ROLE.equals(node.serverRole())) {
            out.add(new SetTomlValue("server.server_role", node.serverRole()));
        }
        for (String table : TABLES) {
            if (old.stream().anyMatch(s -> ownKey(s.key(), table))) {
                out.add(SetTomlTable.fromOld(table));
            }
        }
        for (String array : elsewhere(node)) {
            Set<String> keys = new TreeSet<>();
            Set<String> entries = new LinkedHashSet<>();
            Pattern entry = Pattern.compile(Pattern.quote(array) + "\\[(\\d+)]\\.([^.\\[]+).*");
            for (TomlSetting s : old) {
                Matcher m = entry.matcher(s.key());
                if (m.matches()) {
                    entries.add(m.group(1));
                    keys.add(m.group(2));
                }
            }
            if (!entries.isEmpty()) {
                out.add(ManualStep.of(
                                "deployment.toml#[[" + array + "]]",
                                "Copy the old deployment.toml's " + entries.size() + " [[" + array + "]] entr"
                                        + (entries.size() == 1 ? "y" : "ies") + " (keys " + String.join(", ", keys)
                                        + ") into the 3.1.0 deployment.toml as written, in place of any [[" + array
                                        + "]] it has: the tool does not edit arrays of tables")
                        .doneWhen("the 3.1.0 deployment.toml has the old [[" + array + "]] entries"));
            }
        }
        return out;
    }

    /**
     * The arrays of tables that place a component on another host: a stock [[apim.gateway.environment]] on
     * localhost is the 3.1.0 pack's own and needs no copy.
     */
    private static List<String> elsewhere(NodeRoleConfig node) {
        return ARRAYS.stream()
                .filter(a -> node.elsewhere().contains(PLACES.get(a)))
                .toList();
    }

    /** A key of the table itself or of its standard subtables, not of an array of tables under it. */
    private static boolean ownKey(String key, String table) {
        if (!key.startsWith(table + ".")) {
            return false;
        }
        String rest = key.substring(table.length() + 1);
        return ARRAYS.stream().noneMatch(a -> key.startsWith(a + "[")) && !rest.isEmpty();
    }

    /** The settings named, for the finding: "server_role gateway-worker; [apim.key_manager], ...". */
    public static String summary(NodeRoleConfig node, List<TomlSetting> old) {
        List<String> parts = new ArrayList<>();
        if (!DEFAULT_ROLE.equals(node.serverRole())) {
            parts.add("server_role = " + node.serverRole());
        }
        for (String table : TABLES) {
            if (old.stream().anyMatch(s -> ownKey(s.key(), table))) {
                parts.add("[" + table + "]");
            }
        }
        for (String array : elsewhere(node)) {
            if (old.stream().anyMatch(s -> s.key().startsWith(array + "["))) {
                parts.add("[[" + array + "]]");
            }
        }
        return String.join(", ", parts);
    }
}
