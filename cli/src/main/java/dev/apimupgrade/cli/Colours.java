package dev.apimupgrade.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours for a person at a terminal: the verdict, blockers and warnings stand out. Never in a pipe or a file (the
 * Java console exists only when both standard input and output are a terminal), never when NO_COLOR is set
 * (no-color.org) or TERM is dumb, so what scripts and tests read is plain text.
 */
final class Colours {
    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String GREEN = "\u001b[1;32m";
    private static final String BOLD = "\u001b[1m";
    private static final Pattern VERDICT = Pattern.compile("(?m)^(READY|NOT READY|UNDECIDED)(?=[:\\s]|$)");
    private static final Pattern SEVERITY = Pattern.compile("\\b(BLOCKER|WARNING)\\b");
    private static final Pattern NEXT = Pattern.compile("(?m)^Next:");

    private final boolean on;

    private Colours(boolean on) {
        this.on = on;
    }

    static Colours none() {
        return new Colours(false);
    }

    /** Colours for this process: on only at a terminal, and unless the environment asks for none. */
    static Colours forThisProcess(Map<String, String> environment) {
        return of(System.console() != null, environment);
    }

    static Colours of(boolean terminal, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return new Colours(
                terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(environment.get("TERM")));
    }

    boolean on() {
        return on;
    }

    /** The terminal summary with its verdict, severities and next command coloured (unchanged when off). */
    String summary(String text) {
        if (!on) {
            return text;
        }
        String painted = replace(
                VERDICT,
                text,
                m -> (m.group(1).equals("READY") ? GREEN : m.group(1).equals("UNDECIDED") ? YELLOW : RED)
                        + m.group(1)
                        + RESET);
        painted = replace(SEVERITY, painted, m -> (m.group(1).equals("BLOCKER") ? RED : YELLOW) + m.group(1) + RESET);
        return replace(NEXT, painted, m -> BOLD + "Next:" + RESET);
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        return m.appendTail(out).toString();
    }
}
