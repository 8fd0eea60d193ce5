package dev.apimupgrade.cli;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.rules.DroolsRuleEngine;
import dev.apimupgrade.scan.Deployment;
import dev.apimupgrade.scan.DeploymentFile;
import dev.apimupgrade.scan.DeploymentScanner;
import dev.apimupgrade.scan.InputException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployment's scan and decision: every node assessed exactly as a single home is (its own InstallationOptions, the
 * other options as given), then the conditions across nodes decided from what the nodes' scans hold; after the
 * migration, the same conditions decided again from the nodes' 3.1.0 homes (verify --deployment, ADR 0039).
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

    /** The conditions across nodes decided on the nodes' migrated homes, from the facts read there. */
    record Migrated(Facts across, Verdict verdict) {}

    private DeploymentScan() {}

    /**
     * --deployment names every node's homes and analytics homes: --old, --new, --old-analytics or --new-analytics beside
     * it is refused, whatever the command, rather than silently replaced by what the file says for each node.
     */
    static void requireNoHomes(InstallationOptions given) throws InputException {
        if (given.oldHome != null || given.newHome != null) {
            throw new InputException(
                    "--deployment",
                    "give either --deployment or --old/--new: the deployment file names each node's homes");
        }
        if (given.oldAnalytics != null || given.newAnalytics != null) {
            throw new InputException(
                    "--deployment",
                    "give either --deployment or --old-analytics/--new-analytics: the deployment file names the"
                            + " analytics homes of the node that has them (its old-analytics: and new-analytics:)");
        }
    }

    /** The deployment file's nodes, each read with the options {@code given} holds besides the homes. */
    static Assessed assess(Path file, InstallationOptions given, Map<String, String> environment)
            throws InputException {
        requireNoHomes(given);
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

    /**
     * The conditions across nodes decided again after the migration: each node's 3.1.0 home read by the same scanners
     * in the place of the home assessed, the same facts across nodes, the same rules. Every node of {@code file} needs
     * its new: home.
     */
    static Migrated migrated(Path file, Deployment deployment, InstallationOptions given) throws InputException {
        Map<String, Path> homes = new LinkedHashMap<>();
        for (Deployment.Node node : deployment.nodes()) {
            homes.put(
                    node.name(),
                    node.newHome()
                            .orElseThrow(() -> new InputException(
                                    file + ":" + node.line(),
                                    "node " + node.name() + " has no new: home: the conditions across nodes are"
                                            + " decided again on every node's 3.1.0 home")));
        }
        Facts across = DeploymentScanner.acrossMigrated(
                deployment, homes, given.today == null ? LocalDate.now() : given.today);
        return new Migrated(across, new DroolsRuleEngine(ConditionCatalogue.load()).decideDeployment(across));
    }
}
