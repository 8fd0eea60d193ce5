package dev.apimupgrade.cli;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.rules.DroolsRuleEngine;
import dev.apimupgrade.scan.Deployment;
import dev.apimupgrade.scan.DeploymentFile;
import dev.apimupgrade.scan.DeploymentScanner;
import dev.apimupgrade.scan.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployment's scan and decision: every node assessed exactly as a single home is (its own InstallationOptions, the
 * other options as given), then the conditions across nodes decided from what the nodes' scans hold.
 */
final class DeploymentScan {

    /** What one deployment's scan and decision produced; {@code nodes} (and the options each was read with) by node name in the file's order. */
    record Assessed(
            Deployment deployment,
            Map<String, InstallationOptions.Assessed> nodes,
            Map<String, InstallationOptions> options,
            Facts across,
            Verdict verdict,
            ToolInfo tool) {
        Map<String, Verdict> nodeVerdicts() {
            Map<String, Verdict> out = new LinkedHashMap<>();
            nodes.forEach((name, a) -> out.put(name, a.verdict()));
            return out;
        }
    }

    private DeploymentScan() {}

    /** The deployment file's nodes, each read with the options {@code given} holds besides the homes. */
    static Assessed assess(Path file, InstallationOptions given, Map<String, String> environment)
            throws InputException {
        if (given.oldHome != null || given.newHome != null) {
            throw new InputException(
                    "--deployment",
                    "give either --deployment or --old/--new: the deployment file" + " names each node's homes");
        }
        Deployment deployment = DeploymentFile.read(file);
        Map<String, InstallationOptions.Assessed> nodes = new LinkedHashMap<>();
        Map<String, Facts> facts = new LinkedHashMap<>();
        Map<String, InstallationOptions> options = new LinkedHashMap<>();
        DroolsRuleEngine engine = null;
        for (Deployment.Node node : deployment.nodes()) {
            InstallationOptions one =
                    given.forNode(deployment, node, node.newHome().orElse(null));
            InstallationOptions.Assessed assessed = one.assess(environment);
            nodes.put(node.name(), assessed);
            options.put(node.name(), one);
            facts.put(node.name(), assessed.facts());
            if (engine == null) {
                engine = new DroolsRuleEngine(assessed.catalogue());
            }
        }
        Facts across = DeploymentScanner.across(deployment, facts);
        Verdict verdict = engine.decideDeployment(across);
        ToolInfo tool = nodes.values().iterator().next().tool();
        return new Assessed(deployment, nodes, options, across, verdict, tool);
    }
}
