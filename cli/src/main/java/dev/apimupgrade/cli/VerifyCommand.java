package dev.apimupgrade.cli;

import dev.apimupgrade.execute.CheckContext;
import dev.apimupgrade.execute.Homes;
import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.execute.RunState;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AssessmentJson;
import dev.apimupgrade.report.OutputWriter;
import dev.apimupgrade.report.html.HtmlReports;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.db.DatabaseScanner;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.scan.db.JdbcDrivers;
import dev.apimupgrade.verify.NodeLocalDatabases;
import dev.apimupgrade.verify.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: the after-report. Rescans both homes (and the databases, as assess does), then checks every planned
 * action's post-condition with the executors' own done checks and the expected 3.1.0 state. Read-only: it writes
 * only after-report.json and after-report.html, whole or not at all, outside the homes.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check a migrated installation and write after-report.json and after-report.html.")
public final class VerifyCommand implements Callable<Integer> {
    /** --verbose and --log (every command has them). */
    @Mixin
    LogOptions log;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    InstallationOptions homes;

    @Option(
            names = "--plan",
            paramLabel = "<plan.json>",
            description = "The plan migrate ran (default: plan.json of --run); each step's post-condition is checked.")
    Path planFile;

    @Option(
            names = "--run",
            paramLabel = "<dir>",
            description = "The run folder of migrate: its journal shows the confirmed manual steps and its backup"
                    + " the backed-up paths.")
    Path runDir;

    @Option(
            names = "--out",
            paramLabel = "<dir>",
            defaultValue = "apim-upgrade-after",
            description = "Where to write the after-report (default: ${DEFAULT-VALUE}). Must be outside every home."
                    + " - prints after-report.json on standard output and writes no folder.")
    Path out;

    @Option(
            names = "--deployment",
            paramLabel = "<deployment.yaml>",
            description = "Verify a distributed deployment migrated part by part (migrate --node): with --plan"
                    + " <deployment-plan.json>, each part (once, then each node) is verified with its node's homes,"
                    + " plan and run folder (--run: the deployment's, default deployment-run beside the plan), then"
                    + " the conditions across nodes (DEP-*) are decided again on the nodes' 3.1.0 homes."
                    + " Writes deployment-verify.json and each part's after-report under once/ and nodes/<name>/.")
    Path deployment;

    @Mixin
    ResultFormat format;

    @Override
    public Integer call() throws InputException, IOException {
        if (deployment != null) {
            return DeploymentVerify.run(this);
        }
        if (homes.newHome == null) {
            throw new InputException("--new", "verify needs the migrated 3.1.0 home (--new)");
        }
        boolean toStdout = OutputLocation.isStdout(out);
        if (!toStdout) {
            OutputLocation.requireOutside(out, homes.installation(), homes.analytics());
        }
        AfterReport report = verifyOne(homes, Optional.ofNullable(planFile), Optional.ofNullable(runDir));

        String json = AssessmentJson.afterReport(report);
        if (!toStdout) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("after-report.json", json.getBytes(StandardCharsets.UTF_8));
            files.put("after-report.html", HtmlReports.afterReport(report).getBytes(StandardCharsets.UTF_8));
            OutputWriter.writeAll(out, files);
        }
        format.document(spec, json, toStdout);

        var console = toStdout ? spec.commandLine().getErr() : format.human(spec);
        console.println("Verification: " + report.verdict() + " (" + report.passed() + " passed, " + report.failed()
                + " failed, " + report.unknown() + " unknown)");
        report.failures()
                .forEach(c -> console.println("  FAIL " + c.id() + ": " + c.title() + ": "
                        + ConsoleSummary.of(c.detail(), "after-report.json")));
        if (!toStdout) {
            console.println("After-report written to " + out.resolve("after-report.html") + " and after-report.json");
        }
        return report.failed() > 0 ? ExitCode.BLOCKERS : ExitCode.READY;
    }

    /**
     * One home's verification: rescans both homes of {@code given}, then checks the plan's post-conditions with the run
     * folder's journal and backup, as verify --old/--new does.
     */
    AfterReport verifyOne(InstallationOptions given, Optional<Path> planFile, Optional<Path> runDir)
            throws InputException, IOException {
        Optional<RunDirectory> run = Optional.empty();
        if (runDir.isPresent()) {
            RunDirectory r = new RunDirectory(runDir.get());
            if (!Files.isRegularFile(r.journal())) {
                throw new InputException(
                        runDir.get().toString(),
                        "not a migrate run folder (no " + r.journal().getFileName() + ")");
            }
            run = Optional.of(r);
        }
        Optional<MigrationPlan> plan = Optional.empty();
        if (planFile.isPresent()) {
            plan = Optional.of(PlanJson.read(planFile.get()));
        } else if (run.isPresent() && Files.isRegularFile(run.get().plan())) {
            // the run's copy of the plan is signed with the run's key, as its journal is
            plan = Optional.of(PlanJson.read(
                    run.get().plan(),
                    MacKey.read(run.get().key(), run.get().plan().toString())));
        }
        Homes h = new Homes(given.oldHome, given.newHome);
        Optional<RunState> runState = Optional.empty();
        if (run.isPresent()) {
            try {
                // reads only; verify never appends
                runState = Optional.of(
                        RunState.of(run.get(), Journal.open(run.get().journal()), h));
            } catch (IOException e) {
                throw new InputException(run.get().journal().toString(), e.getMessage());
            }
        }

        InstallationOptions.Assessed assessed = given.assess(main.environment);
        DatasourceSpecs datasources =
                DatasourceSpecs.read(given.installation(), given.analytics(), Map.of(), main.environment);
        CheckContext ctx = new CheckContext(h, assessed.facts(), datasources, runState);
        return new Verification().verify(assessed.tool(), keptDatabases(given, assessed), plan, ctx);
    }

    /**
     * The facts verify checks: as assessed, except that a database the node keeps as its 3.1.0 pack ships it (a
     * Gateway's node-local H2, ADR 0038) is read in the new home, where the 3.1.0 server will open it.
     */
    private Facts keptDatabases(InstallationOptions given, InstallationOptions.Assessed assessed)
            throws InputException {
        Set<String> kept = NodeLocalDatabases.kept(assessed.verdict());
        if (kept.isEmpty() || given.noDb) {
            return assessed.facts();
        }
        DatasourceSpecs inNewHome = DatasourceSpecs.ofNewHome(given.installation(), kept, main.environment);
        return NodeLocalDatabases.readInTheNewHome(
                assessed.facts(), kept, new DatabaseScanner(JdbcDrivers.load(given.jdbcDrivers)).scan(inNewHome));
    }
}
