package dev.apimupgrade.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What settles an UNKNOWN condition, read from what its rules said: the flag to give (--old-analytics), the
 * environment variable that supplies a password (APIM_UPGRADE_DB_PASSWORD_X), the answers-file key the question asks
 * for, reading the databases (without --no-db), or the condition it depends on. The rules' messages already name
 * these; this only picks them out so the terminal and a refusal can say them in one line.
 */
public final class Settlement {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*[a-z]");
    private static final Pattern VARIABLE = Pattern.compile("\\bAPIM_UPGRADE_[A-Z0-9_]+[A-Z0-9]");
    private static final Pattern ANSWER = Pattern.compile("\\bAnswer ([a-z_]+):");
    private static final Pattern DEPENDS = Pattern.compile("\\bDepends on ([A-Z0-9-]+[A-Z0-9]), which is open");
    private static final String NOT_READ = "no datasource was scanned";
    private static final String READ_DATABASES = "reading the databases (run without --no-db)";

    private Settlement() {}

    /** What settles the condition, each in a few words; empty when the rules' messages name nothing. */
    public static List<String> of(List<String> messages) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : messages) {
            find(ANSWER, m, 1).forEach(key -> out.add("the answers key " + key + " (--answers)"));
            // --no-db in a message is why nothing was read, not what to give
            find(FLAG, m, 0).forEach(f -> out.add(f.equals("--no-db") ? READ_DATABASES : f));
            find(VARIABLE, m, 0).forEach(v -> out.add("the environment variable " + v));
            if (m.contains(NOT_READ)) {
                out.add(READ_DATABASES);
            }
            find(DEPENDS, m, 1).forEach(id -> out.add("settling " + id + " first"));
        }
        return List.copyOf(out);
    }

    /** One line for the operator: "settled by X, Y", or what the rules said when they name nothing to give. */
    public static String line(List<String> messages) {
        List<String> what = of(messages);
        if (!what.isEmpty()) {
            return "settled by " + String.join(", ", what);
        }
        String first = messages.isEmpty() ? "the evidence it needs was not gathered" : messages.get(0);
        int newline = first.indexOf('\n');
        return "needs: " + (newline < 0 ? first : first.substring(0, newline)).strip();
    }

    private static List<String> find(Pattern p, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }
}
