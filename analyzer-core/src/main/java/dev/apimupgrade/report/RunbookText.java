package dev.apimupgrade.report;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.TomlEdit;
import dev.apimupgrade.rule.action.ActionKind;
import dev.apimupgrade.scan.SecretMask;
import dev.apimupgrade.scan.db.H2Url;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one-line instruction of each step kind, and the TOML snippet of a configuration step. */
final class RunbookText {
    private static final String NEW_TOML = "the 3.1.0 home's repository/conf/deployment.toml";

    private RunbookText() {}

    static String what(PlanStep s) {
        Map<String, String> p = s.params();
        String t = s.target();
        if (s.actionKind().isEmpty()) {
            return s.kind() + " " + t + ".";
        }
        return switch (s.actionKind().get()) {
            case COPY_TREE ->
                "Copy " + from(p) + " into the 3.1.0 home's " + t
                        + (p.containsKey("exclude")
                                ? ", except " + p.get("exclude").replace(",", ", ") + ", which keep their 3.1.0 content"
                                : "")
                        + ".";
            case COPY_FILE ->
                "Copy " + from(p) + " to the 3.1.0 home's " + t
                        + (p.containsKey("when") ? " (" + p.get("when") + ")" : "") + ".";
            case SET_TOML_TABLE ->
                "In " + NEW_TOML + ", replace the [" + t + "] table (or add it) with the keys of"
                        + " the old home's [" + t + "] table" + subtables(t, p) + ", as listed below. Edit the table"
                        + (p.containsKey(Planner.SUBTABLES) ? "s" : "") + "; do not copy the whole file."
                        + (Planner.dropped(p).isEmpty()
                                ? ""
                                : " Not carried, because 3.1.0 (like 3.0.0) does not read "
                                        + (Planner.dropped(p).size() == 1 ? "it" : "them") + " from [" + t + "]: "
                                        + String.join(", ", Planner.dropped(p)) + " (pool settings are read from [" + t
                                        + ".pool_options]).");
            case SET_TOML_VALUE -> "In " + NEW_TOML + ", set " + t + " as shown.";
            case RUN_SQL_SCRIPT ->
                "Run the " + p.getOrDefault("script", "") + " script on the " + t
                        + " database" + (p.containsKey("dialectFolder") ? " (" + p.get("dialectFolder") + ")" : "")
                        + ", as shown below.";
            case ADAPT_SQL_STATEMENT ->
                "The AM script drops the unique constraint on AM_SYSTEM_APPS.NAME by the name "
                        + p.get("expectedName") + ", but this database named it " + p.get("actualName")
                        + ". The AM script shown in this runbook already uses " + p.get("actualName") + ".";
            case BACKUP -> "Back up the 3.1.0 home's " + t + " to the backup folder.";
            case DELETE_PATH ->
                "Delete the 3.1.0 home's " + t
                        + (p.containsKey("when")
                                ? " (" + p.get("when") + ")"
                                : p.containsKey("after") ? " (after: " + p.get("after") + ")" : "")
                        + ".";
            case MANUAL_STEP -> capitalised(p.getOrDefault("step", t)) + ".";
        };
    }

    /**
     * The TOML to write: a value, or the keys a carried table brings (grouped by subtable, secrets masked as the scan
     * masked them, a home-relative H2 url shown as it will be written: anchored at the old home).
     */
    static String snippet(PlanStep s, String oldHome) {
        if (s.is(ActionKind.SET_TOML_VALUE)) {
            int dot = s.target().lastIndexOf('.');
            String key = s.target().substring(dot + 1) + " = "
                    + TomlEdit.literal(s.params().getOrDefault("value", ""));
            return dot < 0 ? key : "[" + s.target().substring(0, dot) + "]\n" + key;
        }
        if (s.is(ActionKind.SET_TOML_TABLE)) {
            return carriedTable(s, oldHome);
        }
        if (s.is(ActionKind.MANUAL_STEP) && s.params().containsKey("config")) {
            return s.params().get("config");
        }
        return "";
    }

    /** How the templates label a snippet's code block: TOML for deployment.toml edits, plain text otherwise. */
    static String snippetLanguage(PlanStep s) {
        return s.is(ActionKind.SET_TOML_VALUE) || s.is(ActionKind.SET_TOML_TABLE) ? "toml" : "text";
    }

    private static String subtables(String table, Map<String, String> p) {
        if (!p.containsKey(Planner.SUBTABLES)) {
            return "";
        }
        return " and its "
                + Stream.of(p.get(Planner.SUBTABLES).split(","))
                        .map(sub -> "[" + table + "." + sub + "]")
                        .collect(Collectors.joining(", "));
    }

    private static String carriedTable(PlanStep s, String oldHome) {
        boolean anchor = Boolean.parseBoolean(s.params().get("relativeH2"));
        Map<String, List<String>> byTable = new TreeMap<>();
        s.params().forEach((name, value) -> {
            if (name.startsWith(Planner.CARRIED_KEY)) {
                String key = name.substring(Planner.CARRIED_KEY.length());
                int dot = key.lastIndexOf('.');
                String table = dot < 0 ? s.target() : s.target() + "." + key.substring(0, dot);
                // the value is already the TOML literal as written; only an anchored H2 URL is rewritten
                String shown = anchor && key.equals("url") ? anchored(value, oldHome) : value;
                byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(key.substring(dot + 1) + " = " + shown);
            }
        });
        if (byTable.isEmpty()) {
            return "[" + s.target() + "]\n# the keys of [" + s.target() + "] from the old deployment.toml";
        }
        String secrets = s.params().values().stream()
                        .anyMatch(v -> v.equals(SecretMask.MASK) || v.equals(TomlEdit.literal(SecretMask.MASK)))
                ? "# " + SecretMask.MASK + " marks a secret: copy its value from the old deployment.toml\n"
                : "";
        Set<String> dropped = Planner.dropped(s.params());
        String notCarried = dropped.isEmpty()
                ? ""
                : "\n# not carried: 3.1.0 does not read " + String.join(", ", dropped) + " from [" + s.target() + "]";
        return secrets
                + byTable.entrySet().stream()
                        .map(e -> "[" + e.getKey() + "]\n" + String.join("\n", e.getValue()))
                        .collect(Collectors.joining("\n\n"))
                + notCarried;
    }

    /** A carried relative H2 URL literal, anchored at the old home as the step writes it. */
    private static String anchored(String literal, String oldHome) {
        org.tomlj.TomlParseResult parsed = org.tomlj.Toml.parse("v = " + literal);
        String url = parsed.hasErrors() ? null : parsed.getString("v");
        return url == null
                ? literal
                : H2Url.parse(url)
                        .filter(H2Url::homeRelative)
                        .map(u -> TomlEdit.literal(u.anchoredAt(Path.of(oldHome))))
                        .orElse(literal);
    }

    private static String from(Map<String, String> p) {
        String f = p.getOrDefault("from", "");
        return f.startsWith("OLD:")
                ? "the old home's " + f.substring(4)
                : f + " (the file the guide's step links to: run the command in the folder you saved it to)";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
