package dev.apimupgrade.cli;

import static dev.apimupgrade.report.OutputWriter.utf8;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.NodeServes;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.DeploymentPlan;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.ShippedScripts;
import dev.apimupgrade.report.DeploymentRunbook;
import dev.apimupgrade.report.OutputWriter;
import dev.apimupgrade.report.RunbookView;
import dev.apimupgrade.report.html.RunbookRenderer;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.action.ActionKind;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * plan --deployment (ADR 0032): every node planned as plan --old plans a home, then the coordinated plan: the
 * deployment-wide part once, each node's own part in the order traffic allows, and the runbook that says so.
 */
final class DeploymentPlanning {
    private DeploymentPlanning() {}

    /** What was written: the coordinated plan and the deployment's own verdict. */
    record Written(DeploymentPlan plan, DeploymentScan.Assessed assessed) {}

    static Written write(Path file, InstallationOptions given, Map<String, String> environment, Path out)
            throws InputException, IOException {
        DeploymentScan.Assessed a = DeploymentScan.assess(file, given, environment);
        for (Map.Entry<String, InstallationOptions> node : a.options().entrySet()) {
            node.getValue().requirePlannableFromSnapshot(node.getKey());
        }
        for (InstallationOptions.Assessed node : a.nodes().values()) {
            OutputLocation.requireOutside(out, node.installation(), node.analytics());
        }
        List<DeploymentPlan.Input> inputs = new ArrayList<>();
        Map<String, InstallationOptions.Assessed> byName = a.nodes();
        for (Map.Entry<String, InstallationOptions.Assessed> e : byName.entrySet()) {
            InstallationOptions.Assessed n = e.getValue();
            MigrationPlan plan = Planner.plan(
                            n.verdict(),
                            n.catalogue(),
                            n.factsWithFileDigests(),
                            n.tool().version())
                    .withInputs(a.options().get(e.getKey()).inputs(null));
            List<String> serves = a.across().ofType(NodeServes.class).stream()
                    .filter(s -> s.node().equals(e.getKey()))
                    .findFirst()
                    .map(NodeServes::serves)
                    .orElse(List.of());
            boolean keeps = n.facts().ofType(NodeRoleConfig.class).stream()
                    .anyMatch(r -> r.role() == Role.OLD && r.keepsIdentityComponents());
            Map<String, String> databases = new LinkedHashMap<>();
            oldDatasources(n).forEach(d -> databases.put(d.name(), String.valueOf(d.url())));
            inputs.add(new DeploymentPlan.Input(e.getKey(), serves, keeps, plan, databases));
        }
        DeploymentPlan.Planned made = DeploymentPlan.of(
                a.deployment().name(),
                a.tool().version(),
                inputs,
                a.deployment().file().toString());
        DeploymentPlan.Planned planned = new DeploymentPlan.Planned(
                made.plan().withAnalyticsNodes(a.deployment().analyticsNodes()), made.parts());
        // each part's plan.json is written as it is generated, never held whole (ADR 0043)
        Map<String, OutputWriter.Content> files = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        MacKey key = MacKey.random();
        files.put(DeploymentPlan.FILE, bytes(utf8(planned.plan().toJson(key))));
        files.put(DeploymentPlan.KEY_FILE, bytes(key.fileContent()));
        keys.add(DeploymentPlan.KEY_FILE);
        Path absolute = out.toAbsolutePath().normalize();
        files.put(
                "runbook.html",
                bytes(utf8(DeploymentRunbook.html(
                        planned.plan(),
                        planned.parts(),
                        absolute.resolve(DeploymentPlan.FILE).toString(),
                        notCarried(planned, byName)))));
        for (Map.Entry<String, MigrationPlan> part : planned.parts().entrySet()) {
            String name = part.getKey();
            String folder = DeploymentPlan.partFolder(name);
            InstallationOptions.Assessed n =
                    byName.get(name.equals(DeploymentPlan.ONCE) ? planned.plan().onceNode() : name);
            MacKey partKey = MacKey.random();
            MigrationPlan partPlan = part.getValue();
            files.put(folder + "/plan.json", sink -> PlanJson.write(partPlan, partKey, sink));
            files.put(folder + "/" + PlanJson.KEY_FILE, bytes(partKey.fileContent()));
            keys.add(folder + "/" + PlanJson.KEY_FILE);
            RunbookView view = RunbookView.of(
                    part.getValue(),
                    n.verdict(),
                    n.tool(),
                    n.oldHomeOnNode(),
                    n.installation().newHome().map(Path::toString).orElse("<the 3.1.0 home>"),
                    new ShippedScripts(),
                    absolute.resolve(folder).toString(),
                    oldDatasources(n),
                    n.facts().ofType(NodeRoleConfig.class));
            files.put(folder + "/runbook.html", bytes(utf8(RunbookRenderer.html(view))));
        }
        OutputWriter.writeAllStreamed(out, files, keys);
        return new Written(planned.plan(), a);
    }

    /**
     * Per node, the conditions that carry a database table (a SetTomlTable on database.*) in another part and are
     * NOT_APPLICABLE on this node, with the node's reason: a Gateway's node-local H2 databases, which its 3.1.0 home
     * keeps as the pack ships them (ADR 0038).
     */
    private static Map<String, List<RunbookView.LeftOut>> notCarried(
            DeploymentPlan.Planned planned, Map<String, InstallationOptions.Assessed> byName) {
        Map<String, List<RunbookView.LeftOut>> out = new LinkedHashMap<>();
        for (Map.Entry<String, InstallationOptions.Assessed> node : byName.entrySet()) {
            Set<String> carriedElsewhere = new HashSet<>();
            planned.parts().forEach((part, plan) -> {
                if (!part.equals(node.getKey())) {
                    plan.steps().stream()
                            .filter(s -> s.kind().equals(ActionKind.SET_TOML_TABLE.label())
                                    && s.target().startsWith("database."))
                            .forEach(s -> carriedElsewhere.add(s.conditionId()));
                }
            });
            List<RunbookView.LeftOut> here = node.getValue().verdict().results().stream()
                    .filter(r -> r.status() == Status.NOT_APPLICABLE
                            && carriedElsewhere.contains(r.condition().id()))
                    .map(RunbookView.LeftOut::of)
                    .toList();
            if (!here.isEmpty()) {
                out.put(node.getKey(), here);
            }
        }
        return out;
    }

    private static List<DatasourceConfig> oldDatasources(InstallationOptions.Assessed n) {
        return n.facts().ofType(DatasourceConfig.class).stream()
                .filter(d -> d.role() == Role.OLD)
                .toList();
    }

    private static OutputWriter.Content bytes(byte[] content) {
        return sink -> sink.write(content);
    }
}
