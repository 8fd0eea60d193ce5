package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.plan.DeploymentPlan;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.StepTargets;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * migrate --node (ADR 0032): one part of a deployment's run. The deployment's run folder holds one run folder per
 * part ({@code once/}, {@code nodes/<name>/}), each with its journal; a node's part waits until the deployment-wide
 * part's journal records every one of its steps done.
 */
record DeploymentPart(DeploymentPlan deployment, String name, Path planFile, RunDirectory run, RunDirectory once) {

    /** The part {@code name} of the deployment plan {@code file}; its run folder under {@code runRoot}. */
    static DeploymentPart of(Path file, String name, Path runRoot) throws InputException {
        DeploymentPlan d = DeploymentPlan.read(file);
        if (!name.equals(DeploymentPlan.ONCE) && d.node(name).isEmpty()) {
            throw new InputException(
                    "--node",
                    "'" + name + "' is not a node of " + file + "; its parts are: " + DeploymentPlan.ONCE + ", "
                            + String.join(
                                    ", ",
                                    d.nodes().stream()
                                            .map(DeploymentPlan.NodePart::name)
                                            .toList()));
        }
        Path planFolder = file.toAbsolutePath().getParent();
        Path root = runRoot != null ? runRoot : planFolder.resolve("deployment-run");
        return new DeploymentPart(
                d,
                name,
                planFolder.resolve(DeploymentPlan.partFolder(name)).resolve("plan.json"),
                new RunDirectory(root.resolve(DeploymentPlan.partFolder(name))),
                new RunDirectory(root.resolve(DeploymentPlan.ONCE)));
    }

    /**
     * A part's plan.json given to migrate without --node would run outside the deployment's run folder and skip the
     * wait for the deployment-wide steps: refused, naming the command that runs it.
     */
    static void requireNotAPart(Path planFile) throws InputException {
        Path folder = planFile.toAbsolutePath().getParent();
        for (Path up = folder; up != null && !up.equals(folder.getRoot()); up = up.getParent()) {
            Path deployment = up.resolve(DeploymentPlan.FILE);
            if (Files.isRegularFile(deployment)) {
                String part = up.relativize(folder).toString();
                if (part.equals(DeploymentPlan.ONCE) || part.startsWith("nodes/")) {
                    throw new InputException(
                            planFile.toString(),
                            "is a part of the deployment plan " + deployment + ": run it with apim-upgrade migrate"
                                    + " --plan " + deployment + " --node "
                                    + (part.equals(DeploymentPlan.ONCE) ? part : part.substring("nodes/".length())));
                }
                return;
            }
            if (!up.equals(folder) && !up.equals(folder.getParent())) {
                return;
            }
        }
    }

    /**
     * When {@code planFile} is a part's plan.json of a deployment plan, {@code homes} observe what migrate --node
     * observes for that part (the analytics pack on another node, ADR 0040), so plan --check compares it as it was made.
     */
    static void observeAsPart(Path planFile, InstallationOptions homes) throws InputException {
        Path folder = planFile.toAbsolutePath().normalize().getParent();
        if (folder == null || folder.getParent() == null) {
            return;
        }
        String part = null;
        Path deployment = null;
        if (folder.getFileName().toString().equals(DeploymentPlan.ONCE)) {
            part = DeploymentPlan.ONCE;
            deployment = folder.resolveSibling(DeploymentPlan.FILE);
        } else if (folder.getParent().getFileName() != null
                && folder.getParent().getFileName().toString().equals("nodes")) {
            part = folder.getFileName().toString();
            deployment = folder.getParent().resolveSibling(DeploymentPlan.FILE);
        }
        if (deployment != null && Files.isRegularFile(deployment)) {
            DeploymentPlan d = DeploymentPlan.read(deployment);
            homes.analyticsPackOn(d.deployment(), d.analyticsNodes(), d.nodeOf(part));
        }
    }

    /** The deployment-wide steps not yet journalled done (empty: a node may go on; always empty for the part itself). */
    List<String> waitingFor() throws InputException, IOException {
        if (name.equals(DeploymentPlan.ONCE)) {
            return List.of();
        }
        if (!Files.exists(once.journal())) {
            return deployment.deploymentWide();
        }
        Journal journal = Journal.open(once.journal());
        return deployment.deploymentWide().stream()
                .filter(id -> !journal.completed(id))
                .toList();
    }

    /**
     * What the deployment-wide part changed that this part's plan, made before it, sees as drift: on the node that
     * ran it, everything its steps target; on another node, the databases it shares with that node.
     */
    Set<String> changedElsewhere() throws InputException {
        Set<String> out = new TreeSet<>();
        if (name.equals(DeploymentPlan.ONCE)) {
            return out;
        }
        if (name.equals(deployment.onceNode())) {
            MigrationPlan wide = PlanJson.read(planFile.getParent()
                    .getParent()
                    .getParent()
                    .resolve(DeploymentPlan.ONCE)
                    .resolve("plan.json"));
            for (PlanStep s : wide.steps()) {
                StepTargets t = StepTargets.of(s);
                out.addAll(t.always());
                out.addAll(t.onceReached());
            }
        } else {
            deployment.node(name).orElseThrow().sharedDatabases().forEach(db -> out.add("db:" + db + "/"));
        }
        return out;
    }
}
