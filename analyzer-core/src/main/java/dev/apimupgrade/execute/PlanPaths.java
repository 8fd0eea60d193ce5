package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.rule.action.ActionKind;
import dev.apimupgrade.scan.InputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks every path a plan names before a run reads or writes anything: the new-home targets of the file steps, the
 * old-home sources, the exclusions and the paths a manual step must leave removed are inside their home (no
 * {@code ..}, no absolute path, no link out), and the step ids and script names that become file names are plain.
 * The MAC already refuses an edited plan; this also guards a plan built in code and a home whose links lead out.
 */
final class PlanPaths {
    /** The kinds whose target is a path in the new home (the others name a TOML key, a datasource or free text). */
    private static final Set<ActionKind> NEW_HOME_TARGETS =
            EnumSet.of(ActionKind.COPY_FILE, ActionKind.COPY_TREE, ActionKind.DELETE_PATH, ActionKind.BACKUP);

    private static final String PLAIN_ID = "[A-Za-z0-9][^\\p{Cntrl}]*";
    private static final String PLAIN_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    private PlanPaths() {}

    static void require(MigrationPlan plan, Homes homes, String planFile) throws InputException {
        for (PlanStep step : plan.steps()) {
            if (step.id() == null || !step.id().matches(PLAIN_ID)) {
                throw bad(planFile, "a step id", String.valueOf(step.id()), "it must start with a letter or digit");
            }
            if (step.actionKind().filter(NEW_HOME_TARGETS::contains).isPresent()) {
                inHome(planFile, step, "target", Role.NEW, step.target(), homes);
            }
            String from = step.params().get("from");
            if (from != null && Homes.isHomeName(from)) {
                inHome(planFile, step, "from", Homes.roleOf(from), Homes.relativeOf(from), homes);
            } else if (from != null && step.is(ActionKind.COPY_TREE)) {
                throw bad(planFile, step.id() + " from", from, "a CopyTree copies from OLD:<path> only");
            }
            for (String key : List.of("exclude", ManualStepChecks.REMOVED_AFTER)) {
                for (String entry : list(step.params().get(key))) {
                    Optional<String> problem = Homes.problem(entry);
                    if (problem.isPresent()) {
                        throw bad(planFile, step.id() + " " + key, entry, problem.get());
                    }
                }
            }
            for (String key : List.of("script", "dialectFolder")) {
                String name = step.params().get(key);
                if (name != null && (!name.matches(PLAIN_NAME) || name.contains(".."))) {
                    throw bad(planFile, step.id() + " " + key, name, "it is not a plain name of a shipped script");
                }
            }
        }
    }

    private static void inHome(String planFile, PlanStep step, String what, Role role, String relative, Homes homes)
            throws InputException {
        Optional<String> problem = Homes.problem(relative);
        if (problem.isPresent()) {
            throw bad(
                    planFile,
                    step.id() + " " + what,
                    relative,
                    problem.get() + " (it must lie in the " + role + " home)");
        }
        Optional<String> out = Homes.linkOut(
                homes.home(role), homes.home(role).resolve(relative).normalize());
        if (out.isPresent()) {
            throw bad(
                    planFile,
                    step.id() + " " + what,
                    relative,
                    "it leaves the " + role + " home through a" + " symbolic link: " + out.get());
        }
    }

    private static List<String> list(@Nullable String value) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static InputException bad(String planFile, String what, String path, String why) {
        return new InputException(planFile, what + " '" + path + "' is refused: " + why + ". Nothing was changed.");
    }
}
