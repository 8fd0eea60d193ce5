package dev.apimupgrade.plan;

import dev.apimupgrade.rule.JustifiedAction;
import java.util.Map;

/** What "done" looks like for each action kind: the state a re-scan (or the operator) checks after the step. */
final class PostConditions {
    private static final Map<String, String> SCRIPT_RESULTS = Map.of(
            "registry-versioning-cleanup", "no REG_ table of %s holds a versioned row any more",
            "am-3.0.0-to-3.1.0", "%s has every 3.1.0 AM_ object (AM_API_CATEGORIES, AM_USER, ...)",
            "scope-binding-cleanup", "IDN_OAUTH2_SCOPE_BINDING in %s has no row with a NULL or empty SCOPE_BINDING",
            "reg-index", "the reg-index script ran to its end on %s without an error",
            "analytics-lastaccess-pk", "APILASTACCESSSUMMARY in %s has APIVERSION in its primary key");

    private PostConditions() {
    }

    /**
     * A manual step is done when the operator did it, plus what can be seen afterwards (what migrate checks when the
     * step is confirmed): a step that starts the server leaves no ERROR in the log of that start, and what the step
     * says to remove is gone.
     */
    private static String manual(Map<String, String> p) {
        // the step's heading already says what to do; repeating it here made "Done when" read as a tautology
        // a rule may say what can be observed once the operator did it; otherwise only the operator knows
        StringBuilder done = new StringBuilder(p.getOrDefault("doneWhen", "you did it by hand"));
        if (p.getOrDefault("command", "").contains("wso2server")) {
            done.append("; the 3.1.0 home's repository/logs/wso2carbon.log shows that start finished (a line"
                    + " 'WSO2 Carbon started in ...') and no ERROR line from it");
        }
        if (p.containsKey("removedAfter")) {
            done.append("; ").append(p.get("removedAfter").replace(",", ", ")).append(" no longer in the 3.1.0 home");
        }
        return done.toString();
    }

    /** {@code p}: the action's parameters as the plan has them (with what the planner added, such as subtables). */
    static String of(JustifiedAction a, Map<String, String> p) {
        String target = a.target();
        return switch (a.kind()) {
            case "CopyTree" -> "every file of " + home(p.getOrDefault("from", "the old folder"))
                    + " is in the 3.1.0 home's " + target + " with the same content" + (p.containsKey("exclude")
                    ? ", except " + p.get("exclude").replace(",", ", ") + ", which keep their 3.1.0 content" : "");
            case "CopyFile" -> target + " exists in the 3.1.0 home with the same SHA-256 as "
                    + home(p.getOrDefault("from", "its source")) + (p.getOrDefault("from", "OLD:").contains(":") ? ""
                    : " (a file apim-upgrade does not ship: give it to migrate with --file " + p.get("from")
                    + "=<path> or migrate.files in the answers file, and the tool copies it)");
            case "SetTomlTable" -> "the 3.1.0 deployment.toml has [" + target + "]" + (p.containsKey(Planner.SUBTABLES)
                    ? " and " + java.util.Arrays.stream(p.get(Planner.SUBTABLES).split(","))
                    .map(sub -> "[" + target + "." + sub + "]").collect(java.util.stream.Collectors.joining(", ")) : "")
                    + " with the old home's values and still parses";
            case "SetTomlValue" -> "the 3.1.0 deployment.toml sets " + target + " = " + p.getOrDefault("value", "")
                    + " and still parses";
            case "RunSqlScript" -> String.format(SCRIPT_RESULTS.getOrDefault(p.getOrDefault("script", ""),
                    "the script ran to its end on %s without an error"), target);
            case "AdaptSqlStatement" -> "the " + p.getOrDefault("script", "") + " statement drops "
                    + p.get("actualName")
                    + ", the name the database gave the constraint";
            case "Backup" -> "a copy of " + target + " with the same content is in the backup folder";
            case "DeletePath" -> target + " no longer exists in the 3.1.0 home";
            case "ManualStep" -> manual(p);
            default -> throw new IllegalArgumentException("no post-condition for action kind " + a.kind());
        };
    }

    private static String home(String from) {
        return from.startsWith("OLD:") ? "the old home's " + from.substring(4) : from;
    }
}
