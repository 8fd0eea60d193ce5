package dev.apimupgrade.cli;

import dev.apimupgrade.execute.BeforeInventory;
import dev.apimupgrade.execute.Engine;
import dev.apimupgrade.execute.Homes;
import dev.apimupgrade.execute.Rehearsal;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.execute.RunOutcome;
import dev.apimupgrade.execute.RunRefusedException;
import dev.apimupgrade.execute.StepFailedException;
import dev.apimupgrade.execute.SuppliedFiles;
import dev.apimupgrade.plan.DeploymentPlan;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.report.ComparisonJson;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.MigrateAnswers;
import dev.apimupgrade.scan.db.JdbcDrivers;
import dev.apimupgrade.scan.inventory.InventoryScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migrate}: carries out the plan's automated steps on the homes, in order, after re-checking that the plan is
 * current, no blocker is open and no server runs; stops at the first step for the operator and says how to go on.
 * Run again to resume: completed steps are skipped after re-checking them.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Execute a plan.json: back up, then change the 3.1.0 home step by step, journalled in --run.",
            "With --dry-run, print what would be done and write nothing."
        })
public final class MigrateCommand implements Callable<Integer> {
    /** --verbose and --log (every command has them). */
    @Mixin
    LogOptions log;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--plan", required = true, paramLabel = "<plan.json>", description = "The plan to execute.")
    Path planFile;

    /** The homes and options plan took: plan.json's own unless given again (then they must match). */
    @Mixin
    InstallationOptions homes;

    @Option(
            names = "--run",
            paramLabel = "<dir>",
            description = "The run folder: journal, backups, lock (default:"
                    + " the run folder the plan continues, else migrate-run beside the plan). Give the same folder to resume,"
                    + " to go on with a new plan after drift, or to roll back.")
    Path runDir;

    @Option(names = "--dry-run", description = "Print what would be done (files, TOML diffs) and write nothing.")
    boolean dryRun;

    @Option(names = "--confirm", paramLabel = "<step id>", description = "A manual step you have done (repeatable).")
    List<String> confirmed = new ArrayList<>();

    @Option(
            names = "--database-backup",
            paramLabel = "<where>",
            description = "Where your full backup of the"
                    + " databases the plan changes is (PRE-BACKUP; recorded in the journal, so no password). Also"
                    + " migrate.database_backup in the --answers file.")
    String databaseBackup;

    @Option(
            names = "--file",
            paramLabel = "<name>=<path>",
            description = "A file a step needs that apim-upgrade"
                    + " does not ship (repeatable), by file or short name: --file tenantloader-1.0.jar=/opt/tenantloader-1.0.jar."
                    + " Also migrate.files in the --answers file. The step then runs as automated.")
    Map<String, Path> files = new LinkedHashMap<>();

    @Option(
            names = "--quiet",
            description =
                    "No progress display for long steps (none is shown anyway when the" + " output is not a terminal).")
    boolean quiet;

    @Option(
            names = "--no-prompt",
            description = "Never ask at the terminal: stop at a step for the operator as in"
                    + " a script (without a terminal nothing is asked anyway).")
    boolean noPrompt;

    @Option(
            names = "--node",
            paramLabel = "<part>",
            description = "With --plan <deployment-plan.json> (plan --deployment): run one part of the deployment,"
                    + " '" + DeploymentPlan.ONCE + "' (the deployment-wide steps) or a node's name, in the run folder"
                    + " of the deployment (default: deployment-run beside the plan). A node waits for the"
                    + " deployment-wide steps.")
    String node;

    @Option(names = "--break-lock", description = "Remove a lock left by a run that is no longer active (journalled).")
    boolean breakLock;

    /** --confirm and the answers file's migrate.confirmed, each id with where it was given. */
    private Map<String, String> confirmations(MigrateAnswers answers) {
        Map<String, String> out = new LinkedHashMap<>(answers.confirmed());
        confirmed.forEach(id -> out.put(id, "--confirm"));
        return out;
    }

    /** --database-backup, else the answers file's migrate.database_backup; never one that holds a credential. */
    private Optional<String> databaseBackup(MigrateAnswers answers) throws InputException {
        if (databaseBackup != null) {
            return Optional.of(MigrateAnswers.requireNoSecret(databaseBackup.strip(), "--database-backup", 0));
        }
        return answers.databaseBackup();
    }

    /** The answers file's migrate.files, then --file (which wins); each must be an existing file. */
    private SuppliedFiles supplied(MigrateAnswers answers) throws InputException {
        Map<String, Path> all = new LinkedHashMap<>(answers.files());
        for (Map.Entry<String, Path> e : files.entrySet()) {
            if (!java.nio.file.Files.isRegularFile(e.getValue())) {
                throw new InputException("--file", e.getKey() + "=" + e.getValue() + ": not a file");
            }
            all.put(e.getKey(), e.getValue().toAbsolutePath());
        }
        return new SuppliedFiles(all);
    }

    /** compare's inventory of the old home, taken by the engine before the run's first change. */
    private BeforeInventory beforeInventory() {
        return () -> ComparisonJson.toJson(
                        new InventoryScanner(JdbcDrivers.load(homes.jdbcDrivers)).scan(homes.oldHome, main.environment))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public Integer call() throws InputException, IOException {
        java.util.Set<String> changedElsewhere = java.util.Set.of();
        if (node != null) {
            DeploymentPart part = DeploymentPart.of(planFile, node, runDir);
            List<String> waiting = part.waitingFor();
            if (!waiting.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("apim-upgrade: refused: node " + node + " waits for the deployment-wide steps, not"
                                + " yet done in " + part.once().root() + ": " + String.join(", ", waiting)
                                + ". Run apim-upgrade migrate --plan " + planFile + " --node " + DeploymentPlan.ONCE
                                + " first. Nothing was changed.");
                return ExitCode.WAITS_FOR_DEPLOYMENT;
            }
            changedElsewhere = part.changedElsewhere();
            DeploymentPlan d = part.deployment();
            this.homes.analyticsPackOn(d.deployment(), d.analyticsNodes(), d.nodeOf(node));
            planFile = part.planFile();
            runDir = part.run().root();
        } else {
            DeploymentPart.requireNotAPart(planFile);
        }
        MigrationPlan plan = PlanJson.read(planFile);
        Optional<Path> continued = Optional.empty();
        if (plan.inputs() != null) {
            PlanDefaults.apply(plan.inputs(), planFile, this.homes, main.environment);
            continued = Optional.ofNullable(plan.inputs().run()).map(Path::of);
        }
        this.homes.requireOld();
        if (this.homes.newHome == null) {
            throw new InputException("--new", "migrate needs the 3.1.0 home it changes (--new)");
        }
        MigrateAnswers answers =
                this.homes.answers == null ? MigrateAnswers.none() : MigrateAnswers.read(this.homes.answers);
        RunDirectory run = new RunDirectory(
                runDir != null
                        ? runDir
                        : continued.orElse(planFile.toAbsolutePath().getParent().resolve("migrate-run")));
        if (continued.isPresent()) {
            this.homes.newHomeAsPlanned = RunFolders.newHomeOriginals(continued.get());
        }
        OutputLocation.requireOutside(run.root(), this.homes.installation(), this.homes.analytics());
        if (!dryRun) {
            log.runFolder(run.root()); // apim-upgrade.log beside the journal, once the run has made its folder
        }
        MigrateScan scan = new MigrateScan(this.homes, main.environment);
        Homes homes = new Homes(this.homes.oldHome, this.homes.newHome);
        Engine.requirePaths(plan, homes, planFile.toString());
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (dryRun) {
                Rehearsal rehearsal = new Engine().rehearse(plan, run, homes, scan.preflight(), supplied(answers));
                rehearsal.lines().forEach(out::println);
                out.println("Dry run: nothing was written.");
                RehearsalSummary.lines(rehearsal).forEach(out::println);
                return ExitCode.READY;
            }
            Map<String, String> confirmations = confirmations(answers);
            Optional<String> backup = databaseBackup(answers);
            SuppliedFiles supplied = supplied(answers);
            OperatorPrompt prompt = OperatorPrompt.of(System.console(), noPrompt);
            while (true) {
                RunOutcome outcome = new Engine()
                        .migrate(
                                plan,
                                run,
                                homes,
                                scan.preflight(),
                                new Engine.Options(
                                        breakLock,
                                        confirmations,
                                        backup,
                                        ConsoleProgress.of(
                                                System.console() != null,
                                                quiet,
                                                spec.commandLine().getErr()),
                                        supplied,
                                        beforeInventory(),
                                        changedElsewhere));
                outcome.lines().forEach(out::println);
                if (outcome.completed()) {
                    out.println("Every step of the plan is done. Journal and backups: " + run.root());
                    return ExitCode.READY;
                }
                out.println("STOPPED at " + outcome.stoppedAt() + ".");
                out.println(outcome.toContinue());
                out.flush();
                Optional<String> answer = prompt.ask(outcome);
                if (answer.isEmpty()) {
                    return ExitCode.NEEDS_OPERATOR;
                }
                if (outcome.awaits() == RunOutcome.Awaits.DATABASE_BACKUP) {
                    backup = Optional.of(MigrateAnswers.requireNoSecret(answer.get(), "the terminal", 0));
                } else {
                    confirmations.put(outcome.stoppedAt(), "typed at the terminal");
                }
                out.println("Going on.");
            }
        } catch (StepFailedException e) {
            spec.commandLine().getErr().println("apim-upgrade: step failed: " + e.getMessage());
            return ExitCode.STEP_FAILED;
        } catch (RunRefusedException e) {
            spec.commandLine().getErr().println("apim-upgrade: refused: " + e.getMessage());
            return ExitCode.REFUSED;
        }
    }
}
