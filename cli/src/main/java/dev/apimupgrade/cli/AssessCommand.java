package dev.apimupgrade.cli;

import static dev.apimupgrade.report.OutputWriter.utf8;

import dev.apimupgrade.execute.RunLock;
import dev.apimupgrade.report.AssessmentJson;
import dev.apimupgrade.report.AssessmentReport;
import dev.apimupgrade.report.DeploymentReport;
import dev.apimupgrade.report.JunitReport;
import dev.apimupgrade.report.OutputWriter;
import dev.apimupgrade.report.RunInfo;
import dev.apimupgrade.report.TerminalSummary;
import dev.apimupgrade.report.html.HtmlReports;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code assess}: the read-only readiness assessment (scan, decide, report); it never writes to either home. */
@Command(
        name = "assess",
        mixinStandardHelpOptions = true,
        description =
                "Assess a 3.0.0 installation for its upgrade to 3.1.0 and write assessment.json and assessment.html."
                        + " --old may also name a snapshot that apim-upgrade collect made of the home on its node.")
public final class AssessCommand implements Callable<Integer> {
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
            defaultValue = "apim-upgrade-report",
            description = "Where to write the reports (default: ${DEFAULT-VALUE}). Must be outside every home."
                    + " - prints assessment.json on standard output and writes no folder.")
    Path out;

    @Mixin
    ResultFormat format;

    @Option(
            names = "--junit",
            paramLabel = "<file>",
            description = "Also write the conditions as a JUnit XML report: an applying blocker is a failed test,"
                    + " an undecided blocker an error.")
    Path junit;

    @Option(
            names = "--deployment",
            paramLabel = "<deployment.yaml>",
            description = "Assess a distributed deployment instead of one home: the file names each node's homes"
                    + " (README, \"A distributed deployment\"). Writes deployment-assessment.json and .html, and each"
                    + " node's own assessment under nodes/<name>/.")
    Path deployment;

    @Override
    public Integer call() throws InputException, IOException {
        homes.snapshots = true; // assess reads a node's snapshot (collect) as it reads its home
        if (deployment != null) {
            return deployment();
        }
        Instant started = Instant.now();
        boolean toStdout = OutputLocation.isStdout(out);
        if (!toStdout) {
            OutputLocation.requireOutside(out, homes.installation(), homes.analytics());
        }
        if (junit != null) {
            OutputLocation.requireOutside(junit, homes.installation(), homes.analytics());
        }
        InstallationOptions.Assessed assessed = homes.assess(main.environment);
        Verdict verdict = assessed.verdict();
        AssessmentReport report =
                AssessmentReport.from(assessed.installation(), assessed.facts(), verdict, assessed.tool());

        String json = AssessmentJson.toJson(report);
        PrintWriter human = format.human(spec);
        if (!toStdout) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("assessment.json", utf8(json));
            files.put("assessment.html", utf8(HtmlReports.assessment(report)));
            files.put(
                    "run.json",
                    utf8(AssessmentJson.runJson(
                            new RunInfo(started.toString(), Instant.now().toString(), RunLock.hostName(), "assess"))));
            OutputWriter.writeAll(out, files);
            human.println("Reports written to " + out.resolve("assessment.html") + " and assessment.json");
        }
        if (junit != null) {
            OutputWriter.writeFile(junit, utf8(JunitReport.xml(report)));
            human.println("JUnit report written to " + junit);
        }
        format.document(spec, json, toStdout);
        String summary = main.colours.summary(TerminalSummary.render(report, next(verdict)));
        (toStdout ? spec.commandLine().getErr() : human).print(summary);
        return !verdict.blockers().isEmpty()
                ? ExitCode.BLOCKERS
                : !verdict.undecidedBlockers().isEmpty() ? ExitCode.UNDECIDED : ExitCode.READY;
    }

    /** assess --deployment: every node's own assessment, then the conditions across nodes; the worst verdict wins. */
    private Integer deployment() throws InputException, IOException {
        if (OutputLocation.isStdout(out) || junit != null) {
            throw new InputException("--deployment", "writes a folder of reports: give --out <dir>, not - or --junit");
        }
        DeploymentScan.Assessed assessed = DeploymentScan.assess(deployment, homes, main.environment);
        for (InstallationOptions.Assessed node : assessed.nodes().values()) {
            OutputLocation.requireOutside(out, node.installation(), node.analytics());
        }
        DeploymentReport report = DeploymentReport.from(
                assessed.deployment(), assessed.nodeVerdicts(), assessed.across(), assessed.verdict(), assessed.tool());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("deployment-assessment.json", utf8(AssessmentJson.deployment(report)));
        files.put("deployment-assessment.html", utf8(HtmlReports.deploymentAssessment(report)));
        assessed.nodes().forEach((name, node) -> {
            AssessmentReport own =
                    AssessmentReport.from(node.installation(), node.facts(), node.verdict(), node.tool());
            files.put("nodes/" + name + "/assessment.json", utf8(AssessmentJson.toJson(own)));
            files.put("nodes/" + name + "/assessment.html", utf8(HtmlReports.assessment(own)));
        });
        OutputWriter.writeAll(out, files);
        PrintWriter human = format.human(spec);
        human.println("Reports written to " + out.resolve("deployment-assessment.html")
                + " and deployment-assessment.json; each node's own under " + out.resolve("nodes"));
        human.println(
                "Deployment " + report.deployment() + ": " + report.verdict().label());
        report.nodes()
                .forEach(n -> human.println("  node " + n.name() + " (" + String.join(", ", n.serves()) + "): "
                        + n.verdict().label()));
        report.applying()
                .forEach(
                        c -> human.println("  " + c.severity() + " " + c.id() + ": " + String.join(" ", c.messages())));
        human.flush();
        format.document(spec, AssessmentJson.deployment(report), false);
        return switch (report.verdict()) {
            case NOT_READY -> ExitCode.BLOCKERS;
            case UNDECIDED -> ExitCode.UNDECIDED;
            case READY -> ExitCode.READY;
        };
    }

    /** What to run after this verdict: the plan when ready, else assess again once the blockers are fixed or settled. */
    private String next(Verdict verdict) {
        String again = homes.commandLine("assess") + " --out " + out;
        if (!verdict.blockers().isEmpty()) {
            return "fix each blocker above (" + out.resolve("assessment.html") + " says how), then run again: " + again;
        }
        if (!verdict.undecidedBlockers().isEmpty()) {
            return "settle each UNKNOWN BLOCKER above as it says, then run again: " + again;
        }
        return homes.commandLine("plan") + " --out " + out.resolveSibling("plan");
    }
}
