package dev.apimupgrade.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What --help shows of each command beyond picocli's defaults: its options grouped (homes and inputs, outputs,
 * databases, behaviour) in the order an operator needs them rather than alphabetically, an example, and its own exit
 * codes instead of one list shared by every command.
 */
final class CommandHelp {
    static final String EXAMPLES = "examples";
    private static final int WIDTH = 78;
    private static final String CONTINUED = "     ";
    /** The groups in the order shown, each with its options in the order shown; an option not listed is behaviour. */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(
                "Homes and inputs",
                List.of(
                        "--plan",
                        "--deployment",
                        "--old",
                        "--new",
                        "--old-analytics",
                        "--new-analytics",
                        "--check",
                        "--run",
                        "--before",
                        "--after",
                        "--comparison",
                        "--answers"));
        GROUPS.put("Outputs", List.of("--out", "--format", "--junit", "--log"));
        GROUPS.put("Databases", List.of("--no-db", "--jdbc-driver", "--database-backup"));
        GROUPS.put(
                "Behaviour",
                List.of(
                        "--dry-run",
                        "--confirm",
                        "--file",
                        "--no-prompt",
                        "--quiet",
                        "--break-lock",
                        "--verbose",
                        "--help",
                        "--version"));
    }

    private static final Map<String, String[]> EXAMPLE = Map.of(
            "assess",
                    new String[] {
                        "apim-upgrade assess --old /opt/wso2am-3.0.0 --new /opt/wso2am-3.1.0" + " --out assessment",
                        "apim-upgrade assess --deployment deployment.yaml --out assessment"
                    },
            "plan",
                    new String[] {
                        "apim-upgrade plan --old /opt/wso2am-3.0.0 --new /opt/wso2am-3.1.0 --out plan",
                        "apim-upgrade plan --check plan/plan.json",
                        "apim-upgrade plan --deployment deployment.yaml --out deployment-plan"
                    },
            "migrate",
                    new String[] {
                        "apim-upgrade migrate --plan plan/plan.json --dry-run",
                        "apim-upgrade migrate --plan plan/plan.json --run migrate-run",
                        "apim-upgrade migrate --plan deployment-plan/deployment-plan.json --node once"
                    },
            "rollback", new String[] {"apim-upgrade rollback --run migrate-run"},
            "verify",
                    new String[] {
                        "apim-upgrade verify --old /opt/wso2am-3.0.0 --new /opt/wso2am-3.1.0"
                                + " --run migrate-run --out after"
                    },
            "compare", new String[] {"apim-upgrade compare --run migrate-run --new /opt/wso2am-3.1.0 --out comparison"},
            "evidence",
                    new String[] {
                        "apim-upgrade evidence --before assessment --plan plan --run migrate-run"
                                + " --after after --comparison comparison --out bundle",
                        "apim-upgrade evidence --check bundle.zip"
                    },
            "rules", new String[] {"apim-upgrade rules > docs/rules.md"},
            "collect",
                    new String[] {
                        "apim-upgrade collect --old /opt/wso2am-3.0.0 --out gateway-1.snapshot.zip",
                        "apim-upgrade assess --old gateway-1.snapshot.zip --out assessment",
                        "apim-upgrade plan --old km-1.snapshot.zip --new /opt/wso2am-3.1.0 --out plan"
                    });

    private static final String USAGE = "  2  bad usage or unreadable input (the message names the file and line)";
    private static final String INTERNAL = "  3  internal error (a bug of the tool, in one line)";
    private static final Map<String, String[]> EXIT_CODES = Map.of(
            "assess",
                    new String[] {
                        "  0  READY: no blocker applies and none is undecided",
                        "  1  NOT READY: at least one blocker applies",
                        USAGE,
                        INTERNAL,
                        "  7  UNDECIDED: no blocker applies, but a blocker condition is UNKNOWN (the summary says what"
                                + " settles it)"
                    },
            "plan",
                    new String[] {
                        "  0  plan written, ready; --check: the plan is CURRENT",
                        "  1  plan written, but a blocker applies (migrate refuses it); --check: the plan is STALE",
                        USAGE,
                        INTERNAL,
                        "  7  plan written, but a blocker condition is UNKNOWN (migrate refuses until settled)"
                    },
            "migrate",
                    new String[] {
                        "  0  every step done (or --dry-run: the rehearsal printed)",
                        USAGE,
                        INTERNAL,
                        "  4  stopped at a step for the operator (the message says how to go on)",
                        "  5  refused; the refusal changed nothing (the message says why)",
                        "  6  a step failed half-way; what it changed is saved in the run folder (fix the cause and run"
                                + " migrate again to resume, or roll back)",
                        "  8  --node: the node waits for the deployment-wide steps (migrate --node once first);"
                                + " nothing was changed"
                    },
            "rollback",
                    new String[] {
                        "  0  rolled back (or already rolled back: nothing restored again)",
                        "  2  the run folder cannot be trusted (the message names the file); nothing was restored",
                        INTERNAL,
                        "  5  refused, or some paths were kept (listed): look at them before going on"
                    },
            "verify",
                    new String[] {
                        "  0  no check failed (UNKNOWN checks are listed)",
                        "  1  at least one check failed",
                        USAGE,
                        INTERNAL
                    },
            "compare",
                    new String[] {
                        "  0  no unexplained difference (or, without --new, the inventory was written)",
                        "  1  a difference the run does not explain, or a database that could not be read (listed on"
                                + " standard error)",
                        USAGE,
                        INTERNAL
                    },
            "evidence",
                    new String[] {
                        "  0  bundle written; --check: every file matches MANIFEST.sha256",
                        "  1  --check: the bundle was changed (every changed, added or missing file is named)",
                        USAGE,
                        INTERNAL
                    },
            "rules", new String[] {"  0  the catalogue was printed", INTERNAL},
            "collect",
                    new String[] {
                        "  0  snapshot written",
                        "  2  bad usage or unreadable input: the home is missing or not a 3.0.0 home, or --out exists"
                                + " or is inside the home; nothing was written",
                        INTERNAL
                    });

    /** Where --new is needed, said on --new itself (picocli cannot mark it required: a plan may name the home). */
    private static final Map<String, String> NEW_HOME_NEEDED = Map.of(
            "verify", "Required.",
            "migrate", "Required; when not given, the one plan.json names.");

    private CommandHelp() {}

    /** Gives every subcommand its grouped options, example and exit codes. */
    static void install(CommandLine root) {
        root.getCommandSpec().usageMessage().sortOptions(false);
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            if (EXIT_CODES.containsKey(sub.getKey())) {
                install(sub.getKey(), sub.getValue());
            }
        }
    }

    private static void install(String name, CommandLine command) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.sortOptions(false);
        OptionSpec newHome = command.getCommandSpec().findOption("--new");
        if (newHome != null && NEW_HOME_NEEDED.containsKey(name)) {
            List<String> description = new ArrayList<>(List.of(newHome.description()));
            description.add(NEW_HOME_NEEDED.get(name));
            command.getCommandSpec().remove(newHome);
            command.getCommandSpec()
                    .addOption(newHome.toBuilder()
                            .description(description.toArray(String[]::new))
                            .build());
        }
        usage.footerHeading("%nExit codes:%n");
        usage.footer(wrapped(EXIT_CODES.get(name)));
        Map<String, CommandLine.IHelpSectionRenderer> sections = usage.sectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, CommandHelp::grouped);
        sections.put(
                EXAMPLES,
                help -> help.createHeading("%nExample" + (EXAMPLE.get(name).length > 1 ? "s" : "") + ":%n")
                        + examples(EXAMPLE.get(name)));
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), EXAMPLES);
        usage.sectionKeys(keys);
    }

    /** Lines broken between words before the help's width, continued under the text, never mid-sentence at 80. */
    static String[] wrapped(String[] lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rest = line;
            while (rest.length() > WIDTH) {
                int cut = rest.lastIndexOf(' ', WIDTH);
                out.add(rest.substring(0, cut));
                rest = CONTINUED + rest.substring(cut + 1);
            }
            out.add(rest);
        }
        return out.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }

    /** Each example as a shell command line, continued with a backslash before an option when it is too long. */
    private static String examples(String[] commands) {
        StringBuilder out = new StringBuilder();
        for (String command : commands) {
            StringBuilder line = new StringBuilder("  ");
            for (String part : command.split(" (?=--)")) {
                if (!line.toString().isBlank() && line.length() + part.length() + 1 > WIDTH - 2) {
                    out.append(line).append(" \\").append(System.lineSeparator());
                    line = new StringBuilder("      ");
                } else if (line.length() > 2) {
                    line.append(' ');
                }
                line.append(part);
            }
            out.append(line).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String grouped(CommandLine.Help help) {
        List<OptionSpec> options =
                help.commandSpec().options().stream().filter(o -> !o.hidden()).toList();
        StringBuilder out = new StringBuilder();
        List<OptionSpec> shown = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            List<OptionSpec> in = new ArrayList<>();
            for (String name : group.getValue()) {
                options.stream()
                        .filter(o -> o.longestName().equals(name))
                        .findFirst()
                        .ifPresent(in::add);
            }
            if (group.getKey().equals("Behaviour")) {
                options.stream()
                        .filter(o -> !shown.contains(o)
                                && !in.contains(o)
                                && GROUPS.values().stream().noneMatch(g -> g.contains(o.longestName())))
                        .forEach(in::add);
            }
            if (!in.isEmpty()) {
                shown.addAll(in);
                out.append(help.createHeading("%n" + group.getKey() + ":%n"));
                out.append(help.optionListExcludingGroups(
                        in, help.createDefaultLayout(), null, help.parameterLabelRenderer()));
            }
        }
        return out.toString();
    }
}
