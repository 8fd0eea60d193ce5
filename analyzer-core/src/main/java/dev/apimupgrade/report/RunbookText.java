package dev.apimupgrade.report;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.TomlEdit;
import java.util.Map;

/** The one-line instruction of each step kind, and the TOML snippet of a configuration step. */
final class RunbookText {
    private static final String NEW_TOML = "the 3.1.0 home's repository/conf/deployment.toml";

    private RunbookText() {
    }

    static String what(PlanStep s) {
        Map<String, String> p = s.params();
        String t = s.target();
        return switch (s.kind()) {
            case "CopyTree" -> "Copy " + from(p) + " into the 3.1.0 home's " + t
                    + (p.containsKey("exclude") ? ", except " + p.get("exclude").replace(",", ", ")
                    + ", which keep their 3.1.0 content" : "") + ".";
            case "CopyFile" -> "Copy " + from(p) + " to the 3.1.0 home's " + t
                    + (p.containsKey("when") ? " (" + p.get("when") + ")" : "") + ".";
            case "SetTomlTable" -> "In " + NEW_TOML + ", replace the [" + t + "] table (or add it) with the keys of"
                    + " the old home's [" + t + "] table. Edit the table; do not copy the whole file.";
            case "SetTomlValue" -> "In " + NEW_TOML + ", set " + t + " as shown.";
            case "RunSqlScript" -> "Run the " + p.getOrDefault("script", "") + " script on the " + t
                    + " database" + (p.containsKey("dialectFolder") ? " (" + p.get("dialectFolder") + ")" : "")
                    + ", as shown below.";
            case "AdaptSqlStatement" -> "The AM script drops the unique constraint on AM_SYSTEM_APPS.NAME by the name "
                    + p.get("expectedName") + ", but this database named it " + p.get("actualName")
                    + ". The AM script shown in this runbook already uses " + p.get("actualName") + ".";
            case "Backup" -> "Back up the 3.1.0 home's " + t + " to the backup folder.";
            case "DeletePath" -> "Delete the 3.1.0 home's " + t
                    + (p.containsKey("when") ? " (" + p.get("when") + ")" : p.containsKey("after")
                    ? " (after: " + p.get("after") + ")" : "") + ".";
            case "ManualStep" -> capitalised(p.getOrDefault("step", t)) + ".";
            default -> s.kind() + " " + t + ".";
        };
    }

    /** The TOML to write for a value; a table's keys come from the old file and are not repeated (they hold secrets). */
    static String snippet(PlanStep s) {
        if (s.kind().equals("SetTomlValue")) {
            int dot = s.target().lastIndexOf('.');
            String key = s.target().substring(dot + 1) + " = " + TomlEdit.literal(s.params().getOrDefault("value", ""));
            return dot < 0 ? key : "[" + s.target().substring(0, dot) + "]\n" + key;
        }
        if (s.kind().equals("SetTomlTable")) {
            return "[" + s.target() + "]\n# the keys of [" + s.target() + "] from the old deployment.toml";
        }
        if (s.kind().equals("ManualStep") && s.params().containsKey("config")) {
            return s.params().get("config");
        }
        return "";
    }

    private static String from(Map<String, String> p) {
        String f = p.getOrDefault("from", "");
        return f.startsWith("OLD:") ? "the old home's " + f.substring(4) : f;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
