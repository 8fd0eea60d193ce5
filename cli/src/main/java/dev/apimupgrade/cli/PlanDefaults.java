package dev.apimupgrade.cli;

import dev.apimupgrade.plan.PlanInputs;
import dev.apimupgrade.scan.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options a plan was made with, applied to a command that reads plan.json (plan --check, migrate): what the
 * operator leaves out is taken from the plan, what the operator gives must be what the plan recorded (else bad input
 * naming the option and both values), so the printed {@code migrate --plan plan.json} needs nothing else. The
 * answers file is identified by its content (the answers bind the plan's fingerprint), not by its name.
 */
final class PlanDefaults {
    private PlanDefaults() {}

    static void apply(PlanInputs made, Path planFile, InstallationOptions options, Map<String, String> environment)
            throws InputException {
        options.oldHome = path("--old", options.oldHome, made.oldHome(), planFile);
        options.newHome = path("--new", options.newHome, made.newHome(), planFile);
        options.oldAnalytics = path("--old-analytics", options.oldAnalytics, made.oldAnalytics(), planFile);
        options.newAnalytics = path("--new-analytics", options.newAnalytics, made.newAnalytics(), planFile);
        if (options.answers == null && made.answers() != null) {
            options.answers = Path.of(made.answers().path());
            if (!Files.isRegularFile(options.answers)) {
                throw new InputException(
                        made.answers().path(),
                        "the answers file the plan was made with (" + planFile
                                + ") is gone; give its copy with --answers");
            }
        }
        if (options.noDb != made.noDb()) {
            if (options.noDb) {
                throw mismatch("--no-db", "given", "not given (the databases were read)", planFile);
            }
            options.noDb = true;
        }
        List<String> drivers = options.jdbcDrivers.stream()
                .map(p -> InstallationOptions.absolute(p).toString())
                .toList();
        if (drivers.isEmpty()) {
            made.jdbcDrivers().forEach(d -> options.jdbcDrivers.add(Path.of(d)));
        } else if (!drivers.equals(made.jdbcDrivers())) {
            throw mismatch(
                    "--jdbc-driver",
                    String.join(", ", drivers),
                    made.jdbcDrivers().isEmpty() ? "none" : String.join(", ", made.jdbcDrivers()),
                    planFile);
        }
        if (options.today == null && made.today() != null) {
            options.today = LocalDate.parse(made.today());
        } else if (options.today != null && !options.today.toString().equals(Objects.toString(made.today(), ""))) {
            throw mismatch("--today", options.today.toString(), Objects.toString(made.today(), "none"), planFile);
        }
        for (String name : made.environment()) {
            if (environment.get(name) == null) {
                throw new InputException(
                        name,
                        "the plan (" + planFile + ") was made with the environment variable " + name
                                + " set; set it again (its value is never stored)");
            }
        }
    }

    private static Path path(String option, Path given, String recorded, Path planFile) throws InputException {
        if (given == null) {
            return recorded == null ? null : Path.of(recorded);
        }
        String absolute = InstallationOptions.absolute(given).toString();
        if (!absolute.equals(Objects.toString(recorded, ""))) {
            throw mismatch(option, absolute, recorded == null ? "none" : recorded, planFile);
        }
        return given;
    }

    private static InputException mismatch(String option, String given, String recorded, Path planFile) {
        return new InputException(
                option,
                given + " does not match the plan's " + recorded + " (" + planFile
                        + "); give the same or leave the option out");
    }
}
