package dev.apimupgrade.cli;

import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.report.BoardSummary;
import dev.apimupgrade.report.CheckResults;
import dev.apimupgrade.report.EvidenceBundle;
import dev.apimupgrade.report.EvidenceCheck;
import dev.apimupgrade.report.EvidenceProblem;
import dev.apimupgrade.report.html.HtmlReports;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code evidence}: bundles the outputs of an upgrade (assessment before, plan, run, assessment or after-report
 * after, before/after comparison) with a board
 * summary and MANIFEST.sha256 into a folder and a zip, or checks such a bundle for any changed, added or missing file.
 */
@Command(
        name = "evidence",
        mixinStandardHelpOptions = true,
        description = {
            "Build an audit evidence bundle (a folder and a zip, opened by index.html, covered by "
                    + "MANIFEST.sha256), or check one with --check.",
            "  apim-upgrade evidence --before <assess dir> [--plan <dir>] [--run <dir>] [--after <dir>] [--comparison <dir>] --out <bundle>",
            "  apim-upgrade evidence --deployment <deployment.yaml> --before <assess dir> --plan <deployment-plan.json> [--run <deployment-run>] [--after <verify dir>] --out <bundle>",
            "  apim-upgrade evidence --check <bundle folder or zip>"
        })
public final class EvidenceCommand implements Callable<Integer> {
    /** --verbose and --log (every command has them). */
    @Mixin
    LogOptions log;

    /**
     * What of a run folder stays out of the bundle: the backups and database snapshots are copies of the
     * installation (its passwords, keys and data), a board needs their digests, not their bytes.
     */
    static final List<String> RUN_LEFT_OUT = List.of("backup", "exports/snapshots", "lock");

    static final String RUN_LEFT_OUT_WHY = "copies of the installation's files and databases as they were before the "
            + "run, with their passwords and data; they stay in the run folder for rollback, and journal.jsonl "
            + "records the SHA-256 of each";
    /**
     * The keys that protect plan.json, journal.jsonl and run.json against edits: whoever holds one could forge what
     * it protects, so a bundle never carries them.
     */
    static final List<String> KEYS_LEFT_OUT = List.of(PlanJson.KEY_FILE, "run.key");

    static final String KEYS_LEFT_OUT_WHY = "the secret key that protects the plan and the journal against edits; it"
            + " stays beside them, and the manifest covers what it protects";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--before",
            paramLabel = "<assess dir>",
            description = "The assess --out folder before the upgrade.")
    Path before;

    @Option(names = "--plan", paramLabel = "<plan dir>", description = "The plan --out folder (plan.json, runbook).")
    Path plan;

    @Option(
            names = "--run",
            paramLabel = "<run dir>",
            description = "The migrate run folder (journal, backup, exports).")
    Path run;

    @Option(names = "--after", paramLabel = "<dir>", description = "The assess or verify folder after the upgrade.")
    Path after;

    @Option(
            names = "--comparison",
            paramLabel = "<compare dir>",
            description = "The compare --out folder (comparison.json, comparison.html, the inventories).")
    Path comparison;

    @Option(
            names = "--out",
            paramLabel = "<bundle>",
            description = "The bundle folder to create; <bundle>.zip is written beside it. Neither may exist.")
    Path out;

    @Option(
            names = "--deployment",
            paramLabel = "<deployment.yaml>",
            description = "Bundle a distributed deployment migrated part by part (ADR 0040): --before is assess"
                    + " --deployment's folder, --plan <deployment-plan.json>, --run the deployment's run folder (default"
                    + " deployment-run beside the plan; it must hold every part of the plan, each run from its part's"
                    + " plan), --after verify --deployment's folder.")
    Path deployment;

    @Option(names = "--check", paramLabel = "<bundle or zip>", description = "Check a bundle against its manifest.")
    Path check;

    @Mixin
    ResultFormat format;

    @Override
    public Integer call() throws IOException, InputException {
        PrintWriter console = format.human(spec);
        if (check != null) {
            requireNone("--check", before, plan, run, after, comparison, out, deployment);
            return check(console);
        }
        if (before == null || out == null) {
            throw new ParameterException(spec.commandLine(), "give --before and --out to build a bundle, or --check");
        }
        OutputLocation.requireFolder(spec, out, "a bundle is a folder and a zip of it");
        if (format.json()) {
            throw new ParameterException(spec.commandLine(), "--format json is for --check (a bundle is its folder)");
        }
        List<EvidenceBundle.Part> parts = deployment != null ? DeploymentEvidence.parts(this) : single();
        Path zip = EvidenceBundle.build(
                parts, out, (bundle, contents) -> HtmlReports.boardSummary(BoardSummary.read(bundle, contents)));
        console.println(
                "Evidence bundle written to " + out + " (open " + out.resolve(EvidenceBundle.INDEX) + ") and " + zip);
        return ExitCode.READY;
    }

    /** The parts of a single home's bundle. */
    private List<EvidenceBundle.Part> single() {
        List<EvidenceBundle.Part> parts = new ArrayList<>();
        parts.add(new EvidenceBundle.Part("before", before));
        if (plan != null) {
            parts.add(new EvidenceBundle.Part("plan", plan, KEYS_LEFT_OUT, KEYS_LEFT_OUT_WHY));
        }
        if (run != null) {
            parts.add(new EvidenceBundle.Part("run", run, RUN_LEFT_OUT, RUN_LEFT_OUT_WHY)
                    .leavingOut(KEYS_LEFT_OUT, KEYS_LEFT_OUT_WHY));
        }
        addIfGiven(parts, "after", after);
        addIfGiven(parts, "comparison", comparison);
        return parts;
    }

    private int check(PrintWriter console) throws IOException, InputException {
        List<EvidenceProblem> problems = EvidenceCheck.check(check);
        format.document(
                spec,
                CheckResults.json(new CheckResults.EvidenceCheck(check.toString(), problems.isEmpty(), problems)),
                false);
        if (problems.isEmpty()) {
            console.println(check + ": every file matches MANIFEST.sha256");
            return ExitCode.READY;
        }
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(p -> err.println(check + ": " + p.describe()));
        err.println(check + ": " + problems.size() + (problems.size() == 1 ? " file differs" : " files differ")
                + " from MANIFEST.sha256; this bundle is not the one that was built");
        return ExitCode.TAMPERED;
    }

    private void requireNone(String mode, Path... others) {
        for (Path p : others) {
            if (p != null) {
                throw new ParameterException(spec.commandLine(), mode + " takes no other option");
            }
        }
    }

    private static void addIfGiven(List<EvidenceBundle.Part> parts, String name, Path source) {
        if (source != null) {
            parts.add(new EvidenceBundle.Part(name, source));
        }
    }
}
