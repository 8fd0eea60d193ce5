package dev.apimupgrade.report;

import dev.apimupgrade.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact shell commands of a step for Linux (sh) and Windows (cmd), written against the variables the runbook sets
 * up first (APIM_OLD_HOME, APIM_NEW_HOME, APIM_BACKUP), so a step reads the same for every installation.
 */
final class RunbookCommands {
    /** One platform's command lines; both lists equal when the command does not differ. */
    record Commands(List<String> linux, List<String> windows) {
        boolean same() {
            return linux.equals(windows);
        }
    }

    private static final Commands NONE = new Commands(List.of(), List.of());

    private RunbookCommands() {}

    static Commands of(PlanStep s) {
        Map<String, String> p = s.params();
        if (s.actionKind().isEmpty()) {
            return NONE;
        }
        return switch (s.actionKind().get()) {
            case COPY_TREE -> copyTree(source(s.param("from")), s.target(), p.getOrDefault("exclude", ""));
            case COPY_FILE ->
                new Commands(
                        List.of("cp " + linux(source(s.param("from"))) + " " + linux("NEW:" + s.target())),
                        List.of("copy /Y " + windows(source(s.param("from"))) + " " + windows("NEW:" + s.target())));
            case BACKUP ->
                isFile(s.target())
                        ? new Commands(
                                List.of("cp -p " + linux("NEW:" + s.target()) + " " + linux("BACKUP:" + s.target())),
                                List.of("copy /Y " + windows("NEW:" + s.target()) + " "
                                        + windows("BACKUP:" + s.target())))
                        : new Commands(
                                List.of(
                                        "mkdir -p \"$APIM_BACKUP\"",
                                        "cp -a " + linux("NEW:" + s.target()) + " " + linux("BACKUP:" + s.target())),
                                List.of("robocopy " + windows("NEW:" + s.target()) + " "
                                        + windows("BACKUP:" + s.target()) + " /E"));
            case DELETE_PATH ->
                new Commands(
                        List.of((isFile(s.target()) ? "rm " : "rm -rf ") + linux("NEW:" + s.target())),
                        List.of((isFile(s.target()) ? "del " : "rmdir /S /Q ") + windows("NEW:" + s.target())));
            case MANUAL_STEP -> p.containsKey("command") ? manual(p.get("command"), s.target()) : NONE;
            // deployment.toml edits show as a snippet, scripts as their SQL
            case SET_TOML_VALUE, SET_TOML_TABLE, RUN_SQL_SCRIPT, ADAPT_SQL_STATEMENT -> NONE;
        };
    }

    /** A source parameter ("OLD:path" or a file the operator downloads) as a home-qualified path. */
    private static String source(String from) {
        return from == null ? "OLD:" : from.contains(":") ? from : "HERE:" + from;
    }

    private static Commands copyTree(String from, String target, String exclude) {
        List<String> rsync = new ArrayList<>(List.of("rsync", "-a"));
        List<String> robocopy = new ArrayList<>(List.of("robocopy", windows(from), windows("NEW:" + target), "/E"));
        List<String> names = new ArrayList<>();
        for (String e : exclude.split(",")) {
            if (!e.isBlank()) {
                rsync.add("--exclude '/" + e.trim() + "'");
                names.add(e.substring(e.lastIndexOf('/') + 1).trim());
            }
        }
        rsync.add(linux(from) + "/");
        rsync.add(linux("NEW:" + target) + "/");
        if (!names.isEmpty()) {
            // robocopy excludes by file name, not by path: these names are excluded in every subfolder
            robocopy.add("/XF");
            robocopy.addAll(names);
        }
        return new Commands(List.of(String.join(" ", rsync)), List.of(String.join(" ", robocopy)));
    }

    /** The guide's commands are for sh; on Windows the same tool is a .bat run from the same folder. */
    private static Commands manual(String command, String target) {
        boolean script = command.startsWith("sh ") || command.startsWith("./");
        if (!script) {
            return new Commands(
                    List.of(withTarget(command, target, RunbookCommands::linux)),
                    List.of(withTarget(command, target, RunbookCommands::windows)));
        }
        String bare = command.startsWith("sh ") ? command.substring(3) : command.substring(2);
        String bat = bare.replaceFirst("\\.sh\\b", ".bat");
        if (target.equals("new-home")) {
            return new Commands(
                    List.of("cd " + linux("NEW:bin"), "sh " + bare), List.of("cd /d " + windows("NEW:bin"), bat));
        }
        return new Commands(List.of("sh " + bare), List.of(bat));
    }

    /**
     * A command naming the step's file by its bare name (keytool's {@code -keystore client-truststore.jks}) names it
     * by its path in the 3.1.0 home instead, so it works from any folder.
     */
    private static String withTarget(String command, String target, UnaryOperator<String> qualified) {
        String name = target.substring(target.lastIndexOf('/') + 1);
        if (!target.contains("/") || !isFile(target)) {
            return command;
        }
        return command.replaceAll(
                "(?<=\\s)" + Pattern.quote(name) + "(?=\\s|$)",
                Matcher.quoteReplacement(qualified.apply("NEW:" + target)));
    }

    private static boolean isFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains(".");
    }

    private static String linux(String where) {
        return "\"" + variable(where, "$") + where.substring(where.indexOf(':') + 1) + "\"";
    }

    private static String windows(String where) {
        return "\"" + variable(where, "%")
                + where.substring(where.indexOf(':') + 1).replace('/', '\\') + "\"";
    }

    private static String variable(String where, String sigil) {
        String home = where.substring(0, where.indexOf(':'));
        String name = switch (home) {
            case "OLD" -> "APIM_OLD_HOME";
            case "NEW" -> "APIM_NEW_HOME";
            case "BACKUP" -> "APIM_BACKUP";
            default -> "";
        };
        if (name.isEmpty()) {
            return "";
        }
        String rest = where.substring(where.indexOf(':') + 1);
        String sep = rest.isEmpty() ? "" : sigil.equals("$") ? "/" : "\\";
        return (sigil.equals("$") ? "$" + name : "%" + name + "%") + sep;
    }
}
