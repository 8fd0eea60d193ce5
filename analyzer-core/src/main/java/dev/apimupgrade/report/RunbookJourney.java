package dev.apimupgrade.report;

import dev.apimupgrade.plan.PlanInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The apim-upgrade command lines the runbook prints at their place in the journey (assess and the before-inventory,
 * plan --check, the dry run, migrate, verify, compare, evidence, rollback), with the plan's own homes and options as
 * absolute paths, so each works exactly as printed. The outputs go beside the plan folder, never into it (evidence
 * copies the plan folder whole), and the run folder is named explicitly. {@code environment} names the variables
 * the plan was made with (never their values).
 */
public record RunbookJourney(
        List<String> environment,
        String runFolder,
        String assess,
        String beforeInventory,
        String planCheck,
        String dryRun,
        String migrate,
        String verify,
        String compare,
        String evidence,
        String rollback) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.:=@%+,-]+");

    public RunbookJourney {
        environment = List.copyOf(environment);
    }

    static RunbookJourney of(PlanInputs in, String planDir) {
        Path plan = Path.of(planDir);
        Path work = plan.getParent() == null ? plan : plan.getParent();
        String planJson = arg(plan.resolve("plan.json").toString());
        String run = arg(work.resolve("migrate-run").toString());
        String homes = installation(in);
        String newHome = in.newHome() == null ? "<the 3.1.0 home>" : in.newHome();
        return new RunbookJourney(
                in.environment(),
                work.resolve("migrate-run").toString(),
                "apim-upgrade assess " + homes + " --out "
                        + arg(work.resolve("assessment").toString()),
                "apim-upgrade compare --old " + arg(in.oldHome()) + drivers(in) + " --out "
                        + arg(work.resolve("before-inventory").toString()),
                "apim-upgrade plan --check " + planJson,
                "apim-upgrade migrate --plan " + planJson + " --run " + run + " --dry-run",
                "apim-upgrade migrate --plan " + planJson + " --run " + run,
                "apim-upgrade verify " + homes + (in.newHome() == null ? " --new " + arg(newHome) : "") + " --run "
                        + run + " --out " + arg(work.resolve("after").toString()),
                "apim-upgrade compare --old "
                        + arg(work.resolve("before-inventory/inventory.old.json")
                                .toString())
                        + " --new " + arg(newHome) + " --run " + run + drivers(in) + " --out "
                        + arg(work.resolve("comparison").toString()),
                "apim-upgrade evidence --before "
                        + arg(work.resolve("assessment").toString()) + " --plan "
                        + arg(plan.toString()) + " --run " + run + " --after "
                        + arg(work.resolve("after").toString())
                        + " --comparison " + arg(work.resolve("comparison").toString()) + " --out "
                        + arg(work.resolve("evidence").toString()),
                "apim-upgrade rollback --run " + run);
    }

    /** The options naming the installation, as plan was given them. */
    private static String installation(PlanInputs in) {
        List<String> out = new ArrayList<>(List.of("--old", arg(in.oldHome())));
        if (in.newHome() != null) {
            out.addAll(List.of("--new", arg(in.newHome())));
        }
        if (in.oldAnalytics() != null) {
            out.addAll(List.of("--old-analytics", arg(in.oldAnalytics())));
        }
        if (in.newAnalytics() != null) {
            out.addAll(List.of("--new-analytics", arg(in.newAnalytics())));
        }
        if (in.answers() != null) {
            out.addAll(List.of("--answers", arg(in.answers().path())));
        }
        if (in.noDb()) {
            out.add("--no-db");
        }
        return String.join(" ", out) + drivers(in);
    }

    private static String drivers(PlanInputs in) {
        StringBuilder out = new StringBuilder();
        in.jdbcDrivers().forEach(d -> out.append(" --jdbc-driver ").append(arg(d)));
        return out.toString();
    }

    /** A path as a shell word: as it is when it holds no special character, else in double quotes. */
    static String arg(String s) {
        return PLAIN.matcher(s).matches()
                ? s
                : "\""
                        + s.replace("\\", "\\\\")
                                .replace("\"", "\\\"")
                                .replace("$", "\\$")
                                .replace("`", "\\`") + "\"";
    }
}
