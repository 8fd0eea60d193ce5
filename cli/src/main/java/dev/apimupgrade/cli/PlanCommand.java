package dev.apimupgrade.cli;

import static dev.apimupgrade.report.OutputWriter.utf8;

import dev.apimupgrade.execute.RunChecks;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.DeploymentPlan;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanInputs;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.ShippedScripts;
import dev.apimupgrade.report.CheckResults;
import dev.apimupgrade.report.OutputWriter;
import dev.apimupgrade.report.RunbookView;
import dev.apimupgrade.report.html.RunbookRenderer;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Settlement;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code plan}: turns the assessment into the plan (plan.json) and the runbook an operator follows (runbook.html,
 * runbook.md); {@code plan --check plan.json} rescans and says exactly what changed since the plan was made.
 * Read-only, like assess: it never writes to either home.
 */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Write plan.json, runbook.html and runbook.md: the steps that apply, in the guide's order.",
            "With --check, say whether a saved plan still matches the installation.",
            "--old (or a deployment file's old:) may also name a snapshot apim-upgrade collect made on the node:"
                    + " plan.json then names the home on that node, where migrate runs."
        })
public final class PlanCommand implements Callable<Integer> {
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
            names = "--out",
            paramLabel = "<dir>",
            description = "Where to write plan.json and the runbook. Must be outside every home.")
    Path out;

    @Option(
            names = "--check",
            paramLabel = "<plan.json>",
            description = "Check a saved plan against the installation instead of writing one (the homes and"
                    + " options are the plan's own).")
    Path check;

    @Option(
            names = "--run",
            paramLabel = "<run dir>",
            description = "The run folder this plan continues, when drift stopped a migrate run: the new home is"
                    + " compared as it was before the run changed it, the homes and options default to the run's, and"
                    + " migrate --plan uses that folder.")
    Path run;

    @Mixin
    ResultFormat format;

    @Option(
            names = "--deployment",
            paramLabel = "<deployment.yaml>",
            description = "Plan a distributed deployment (README, \"A distributed deployment\"): each node's plan, the"
                    + " deployment-wide steps once, and one runbook in the order traffic allows. Writes"
                    + " deployment-plan.json, runbook.html, once/ and nodes/<name>/.")
    Path deployment;

    @Override
    public Integer call() throws InputException, IOException {
        // a plan is made from a home or from a snapshot collect made on its node (ADR 0044); --check needs the home
        homes.snapshots = check == null;
        if ((out == null) == (check == null)) {
            throw new ParameterException(spec.commandLine(), "give either --out <dir> or --check <plan.json>");
        }
        if (deployment != null) {
            return deployment();
        }
        return check != null ? check() : write();
    }

    private int write() throws InputException, IOException {
        if (run != null) {
            // a plan that continues a run is made for that run's homes and options: its plan.json says which
            Optional<PlanInputs> continued = RunFolders.planInputs(run);
            if (continued.isPresent()) {
                PlanDefaults.apply(continued.get(), new RunDirectory(run).plan(), homes, main.environment);
            }
            homes.newHomeAsPlanned = RunFolders.newHomeOriginals(run);
        }
        homes.requireOld();
        OutputLocation.requireFolder(spec, out, "plan.json is kept with plan.key, the key that protects it");
        OutputLocation.requireOutside(out, homes.installation(), homes.analytics());
        InstallationOptions.Assessed a = homes.assess(main.environment);
        homes.requirePlannableFromSnapshot(null);
        MigrationPlan plan = Planner.plan(
                        a.verdict(),
                        a.catalogue(),
                        a.factsWithFileDigests(),
                        a.tool().version())
                .withInputs(homes.inputs(run));
        RunbookView runbook = RunbookView.of(
                plan,
                a.verdict(),
                a.tool(),
                a.oldHomeOnNode(),
                a.installation().newHome().map(Path::toString).orElse("<the 3.1.0 home>"),
                new ShippedScripts(),
                out.toAbsolutePath().normalize().toString(),
                a.facts().ofType(DatasourceConfig.class).stream()
                        .filter(d -> d.role() == Role.OLD)
                        .toList(),
                a.facts().ofType(NodeRoleConfig.class));

        Map<String, OutputWriter.Content> files = new LinkedHashMap<>();
        // a new key for each plan: plan.json is checked with it before anything executes it
        MacKey key = MacKey.random();
        // plan.json is written as it is generated, never held whole (tens of MB at 1,000 tenants)
        files.put("plan.json", file -> PlanJson.write(plan, key, file));
        files.put(PlanJson.KEY_FILE, bytes(key.fileContent()));
        files.put("runbook.html", bytes(utf8(RunbookRenderer.html(runbook))));
        files.put("runbook.md", bytes(utf8(RunbookRenderer.markdown(runbook))));
        OutputWriter.writeAllStreamed(out, files, java.util.Set.of(PlanJson.KEY_FILE));
        if (format.json()) {
            // the result document on standard output: the same text, streamed there too
            PrintWriter document = spec.commandLine().getOut();
            PlanJson.write(plan, key, document);
            document.flush();
        }

        PrintWriter print = format.human(spec);
        long manual = plan.steps().stream().filter(s -> !s.automated()).count();
        print.println("Plan: " + plan.steps().size() + " step(s), " + manual + " by hand; "
                + runbook.leftOut().size() + " condition(s) left out, "
                + runbook.undecided().size() + " not decided.");
        // mid-run, a blocker that rests only on what the run changed (the AM schema it upgraded) is the run's own
        RunChecks ofRun = run == null ? null : RunChecks.of(new RunDirectory(run), plan.steps());
        List<ConditionResult> blockers = a.verdict().blockers().stream()
                .filter(b -> ofRun == null || !ofRun.accountsFor(b))
                .toList();
        if (blockers.size() < a.verdict().blockers().size()) {
            print.println((a.verdict().blockers().size() - blockers.size()) + " blocker(s) rest only on what the run"
                    + " in " + run + " changed: "
                    + a.verdict().blockers().stream()
                            .filter(ofRun::accountsFor)
                            .map(b -> b.condition().id())
                            .toList() + ".");
        }
        if (!blockers.isEmpty()) {
            print.println(
                    "NOT READY: " + blockers.size() + " blocker(s) must be resolved first (see the" + " assessment).");
        } else if (!a.verdict().undecidedBlockers().isEmpty()) {
            print.println("UNDECIDED: " + a.verdict().undecidedBlockers().size() + " blocker condition(s) could not be"
                    + " decided; migrate refuses until they are settled:");
            a.verdict()
                    .undecidedBlockers()
                    .forEach(r -> print.println("  " + r.condition().id() + ": " + Settlement.line(r.messages())));
        }
        a.installation()
                .oldSnapshot()
                .ifPresent(o -> print.println("Made from the " + o.describe() + ": run migrate on " + o.host()
                        + ", where plan.json names the home " + o.home() + "."));
        print.println("Written to " + out.toAbsolutePath().normalize().resolve("runbook.html")
                + ", runbook.md and plan.json (with plan.key, the key that protects it: keep it beside plan.json and"
                + " share it with no one)");
        return !blockers.isEmpty()
                ? ExitCode.BLOCKERS
                : !a.verdict().undecidedBlockers().isEmpty() ? ExitCode.UNDECIDED : ExitCode.READY;
    }

    /** plan --deployment: the coordinated plan; its exit code is the deployment's verdict, as assess gives it. */
    private int deployment() throws InputException, IOException {
        if (check != null || run != null) {
            throw new InputException(
                    "--deployment", "plans a deployment afresh: give --out <dir>, not --check or --run");
        }
        OutputLocation.requireFolder(spec, out, "deployment-plan.json is kept with its key and each part's plan");
        DeploymentPlanning.Written w = DeploymentPlanning.write(deployment, homes, main.environment, out);
        PrintWriter print = format.human(spec);
        print.println("Deployment " + w.plan().deployment() + ": deployment-wide steps once on node "
                + w.plan().onceNode() + " (" + w.plan().deploymentWide().size() + " step(s)), then "
                + w.plan().nodes().size() + " node(s) in this order:");
        w.plan()
                .nodes()
                .forEach(n -> print.println("  " + n.name() + " (" + n.group() + "): "
                        + n.steps().size() + " step(s)"
                        + (n.leftOut().isEmpty() ? "" : ", " + n.leftOut().size() + " done once instead")));
        print.println("Written to " + out.toAbsolutePath().normalize().resolve("runbook.html") + " and "
                + DeploymentPlan.FILE + " (with its key and each part's plan.json and plan.key: share them with no"
                + " one)");
        w.assessed().nodeVerdicts().forEach((name, v) -> {
            v.blockers()
                    .forEach(b -> print.println(
                            "  NOT READY: node " + name + ": " + b.condition().id()));
            v.undecidedBlockers()
                    .forEach(b -> print.println("  UNDECIDED: node " + name + ": "
                            + b.condition().id() + ": " + Settlement.line(b.messages())));
        });
        var verdict = w.assessed().verdict();
        verdict.blockers()
                .forEach(b -> print.println("  NOT READY: " + b.condition().id()));
        verdict.undecidedBlockers()
                .forEach(b -> print.println("  UNDECIDED: " + b.condition().id()));
        boolean blocked = !verdict.blockers().isEmpty()
                || w.assessed().nodeVerdicts().values().stream()
                        .anyMatch(v -> !v.blockers().isEmpty());
        boolean undecided = !verdict.undecidedBlockers().isEmpty()
                || w.assessed().nodeVerdicts().values().stream()
                        .anyMatch(v -> !v.undecidedBlockers().isEmpty());
        return blocked ? ExitCode.BLOCKERS : undecided ? ExitCode.UNDECIDED : ExitCode.READY;
    }

    private int check() throws InputException, IOException {
        MigrationPlan saved = PlanJson.read(check);
        DeploymentPart.observeAsPart(check, homes);
        if (saved.inputs() != null) {
            PlanDefaults.apply(saved.inputs(), check, homes, main.environment);
            if (saved.inputs().run() != null && run == null) {
                run = Path.of(saved.inputs().run());
            }
        }
        if (run != null) {
            homes.newHomeAsPlanned = RunFolders.newHomeOriginals(run);
        }
        InstallationOptions.Assessed a = homes.assess(main.environment);
        Fingerprint now = Fingerprint.of(
                a.factsWithFileDigests(), a.verdict().rulePackHash(), a.tool().version());
        List<Fingerprint.Change> all = Fingerprint.compare(saved.fingerprint(), now);
        // what the plan's own steps change or ask for, and what its run changed, is theirs to check, not drift
        Path runFolder = run != null ? run : check.toAbsolutePath().getParent().resolve("migrate-run");
        List<Fingerprint.Change> changes =
                RunChecks.of(new RunDirectory(runFolder), saved.steps()).drift(saved.fingerprint(), now);
        format.document(
                spec,
                CheckResults.json(new CheckResults.PlanCheck(
                        check.toString(),
                        changes.isEmpty() ? CheckResults.PlanCheck.CURRENT : CheckResults.PlanCheck.STALE,
                        now.sha256(),
                        changes)),
                false);
        PrintWriter print = format.human(spec);
        if (changes.isEmpty()) {
            print.println("CURRENT: " + check + " matches the installation (fingerprint " + now.sha256() + ")"
                    + (all.isEmpty()
                            ? "."
                            : "; " + all.size() + " change(s) lie where its steps or its run make"
                                    + " changes, which their post-conditions check."));
            return ExitCode.READY;
        }
        print.println("STALE: " + check + " was made from another state of the installation; " + changes.size()
                + " change(s):");
        changes.forEach(c -> print.println("  " + c));
        print.println("Make a new plan with: apim-upgrade plan --out <dir> (same homes and options"
                + (saved.inputs() == null ? "" : ", as recorded in " + check) + ").");
        return ExitCode.BLOCKERS;
    }

    private static OutputWriter.Content bytes(byte[] content) {
        return file -> file.write(content);
    }
}
