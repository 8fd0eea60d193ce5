package dev.apimupgrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.plan.DeploymentPlan;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AssessmentJson;
import dev.apimupgrade.report.ConditionView;
import dev.apimupgrade.report.OutputWriter;
import dev.apimupgrade.report.html.HtmlReports;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.scan.Deployment;
import dev.apimupgrade.scan.DeploymentFile;
import dev.apimupgrade.scan.FormatVersion;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * verify --deployment (ADR 0032): each part of a deployment migrated part by part is verified as a single home is,
 * with its node's homes, its part plan and its run folder in the deployment's run folder; then the conditions across
 * nodes (DEP-*) are decided again on the nodes' 3.1.0 homes (ADR 0039). The deployment passes when every part does and
 * no DEP-* blocker applies. Writes each part's after-report under {@code once/} and {@code nodes/<name>/}, and
 * deployment-verify.json with each part's verdict and counts and each condition across nodes, all at once.
 */
final class DeploymentVerify {
    static final String FILE = "deployment-verify.json";
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One part's verification: the part, the node whose homes it was checked on, its report. */
    record Part(String part, String node, AfterReport report) {}

    private DeploymentVerify() {}

    static int run(VerifyCommand verify) throws InputException, IOException {
        DeploymentScan.requireNoHomes(verify.homes);
        if (verify.planFile == null || !verify.planFile.getFileName().toString().equals(DeploymentPlan.FILE)) {
            throw new InputException(
                    "--plan",
                    "verify --deployment needs --plan <" + DeploymentPlan.FILE + "> (what plan --deployment wrote)");
        }
        Deployment deployment = DeploymentFile.read(verify.deployment);
        DeploymentPlan plan = DeploymentPlan.read(verify.planFile);
        if (!plan.deployment().equals(deployment.name())) {
            throw new InputException(
                    verify.planFile.toString(),
                    "plans the deployment '" + plan.deployment() + "', not '" + deployment.name() + "' of "
                            + verify.deployment);
        }
        Path planFolder = verify.planFile.toAbsolutePath().getParent();
        Path runRoot = verify.runDir != null ? verify.runDir : planFolder.resolve("deployment-run");
        boolean toStdout = OutputLocation.isStdout(verify.out);

        List<Part> parts = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(DeploymentPlan.ONCE));
        plan.nodes().forEach(n -> names.add(n.name()));
        for (String part : names) {
            String nodeName = part.equals(DeploymentPlan.ONCE) ? plan.onceNode() : part;
            Deployment.Node node = deployment.nodes().stream()
                    .filter(n -> n.name().equals(nodeName))
                    .findFirst()
                    .orElseThrow(() -> new InputException(
                            verify.deployment.toString(),
                            "has no node '" + nodeName + "', which " + verify.planFile + " plans"));
            Path newHome = node.newHome()
                    .orElseThrow(() -> new InputException(
                            verify.deployment.toString() + ":" + node.line(),
                            "node " + nodeName + " has no new: home to verify"));
            InstallationOptions options = verify.homes.forNode(deployment, node, newHome);
            if (!toStdout) {
                OutputLocation.requireOutside(verify.out, options.installation(), options.analytics());
            }
            Path partRun = runRoot.resolve(DeploymentPlan.partFolder(part));
            boolean ran = Files.isRegularFile(new RunDirectory(partRun).journal());
            AfterReport report = verify.verifyOne(
                    options,
                    ran
                            ? Optional.empty()
                            : Optional.of(planFolder
                                    .resolve(DeploymentPlan.partFolder(part))
                                    .resolve("plan.json")),
                    ran ? Optional.of(partRun) : Optional.empty());
            parts.add(new Part(part, nodeName, report));
        }

        DeploymentScan.Migrated across = DeploymentScan.migrated(verify.deployment, deployment, verify.homes);

        String summary = summary(plan, parts, across);
        if (!toStdout) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(FILE, summary.getBytes(StandardCharsets.UTF_8));
            for (Part p : parts) {
                String folder = DeploymentPlan.partFolder(p.part()) + "/";
                files.put(
                        folder + "after-report.json",
                        AssessmentJson.afterReport(p.report()).getBytes(StandardCharsets.UTF_8));
                files.put(
                        folder + "after-report.html",
                        HtmlReports.afterReport(p.report()).getBytes(StandardCharsets.UTF_8));
            }
            OutputWriter.writeAll(verify.out, files);
        }
        verify.format.document(verify.spec, summary, toStdout);

        var console = toStdout ? verify.spec.commandLine().getErr() : verify.format.human(verify.spec);
        for (Part p : parts) {
            AfterReport r = p.report();
            console.println("  " + p.part() + (p.part().equals(p.node()) ? "" : " (on " + p.node() + ")") + ": "
                    + r.verdict() + " (" + r.passed() + " passed, " + r.failed() + " failed, " + r.unknown()
                    + " unknown)");
            r.failures()
                    .forEach(c -> console.println("    FAIL " + c.id() + ": " + c.title() + ": "
                            + ConsoleSummary.of(
                                    c.detail(), DeploymentPlan.partFolder(p.part()) + "/after-report.json")));
        }
        List<ConditionResult> acrossBlockers = across.verdict().blockers();
        console.println("  across nodes, on the 3.1.0 homes: "
                + (acrossBlockers.isEmpty() ? AfterReport.PASS : AfterReport.FAIL)
                + " (" + acrossBlockers.size() + " blocker(s) apply, " + count(across, Status.NOT_APPLICABLE)
                + " conditions consistent, " + count(across, Status.UNKNOWN) + " unknown)");
        across.verdict().results().stream()
                .filter(r -> r.status() != Status.NOT_APPLICABLE)
                .forEach(r -> console.println(
                        "    " + (r.status() == Status.APPLIES ? r.severity().name() : "UNKNOWN")
                                + " " + r.condition().id() + ": "
                                + ConsoleSummary.of(String.join(" ", r.messages()), FILE)));
        String verdict = verdict(parts, across);
        console.println("Deployment verification: " + verdict);
        if (!toStdout) {
            console.println("Written to " + verify.out.resolve(FILE) + ", with each part's after-report under once/ and"
                    + " nodes/<name>/");
        }
        return verdict.equals(AfterReport.FAIL) ? ExitCode.BLOCKERS : ExitCode.READY;
    }

    /**
     * FAIL when any part fails or a condition across nodes of severity BLOCKER applies on the 3.1.0 homes, else PASS (a
     * part's UNKNOWN checks are listed in its report, as verify lists them; an UNKNOWN or WARNING condition across nodes
     * is listed with its evidence).
     */
    static String verdict(List<Part> parts, DeploymentScan.Migrated across) {
        return parts.stream().anyMatch(p -> p.report().verdict().equals(AfterReport.FAIL))
                        || !across.verdict().blockers().isEmpty()
                ? AfterReport.FAIL
                : AfterReport.PASS;
    }

    private static long count(DeploymentScan.Migrated across, Status status) {
        return across.verdict().results().stream()
                .filter(r -> r.status() == status)
                .count();
    }

    private static String summary(DeploymentPlan plan, List<Part> parts, DeploymentScan.Migrated across)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(FormatVersion.FIELD, FormatVersion.CURRENT);
        root.put("toolVersion", parts.get(0).report().tool().version());
        root.put("deployment", plan.deployment());
        root.put("verdict", verdict(parts, across));
        ArrayNode list = root.putArray("parts");
        for (Part p : parts) {
            ObjectNode o = list.addObject();
            o.put("part", p.part());
            o.put("node", p.node());
            o.put("verdict", p.report().verdict());
            o.put("passed", p.report().passed());
            o.put("failed", p.report().failed());
            o.put("unknown", p.report().unknown());
            o.put("report", DeploymentPlan.partFolder(p.part()) + "/after-report.json");
        }
        ObjectNode acrossNodes = root.putObject("acrossNodes");
        acrossNodes.put("verdict", across.verdict().blockers().isEmpty() ? AfterReport.PASS : AfterReport.FAIL);
        ArrayNode conditions = acrossNodes.putArray("conditions");
        across.verdict().results().forEach(r -> conditions.add(MAPPER.valueToTree(ConditionView.of(r))));
        return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    }
}
