package dev.apimupgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.plan.DeploymentPlan;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.report.EvidenceBundle;
import dev.apimupgrade.scan.Deployment;
import dev.apimupgrade.scan.DeploymentFile;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * evidence --deployment (ADR 0040): the bundle of a deployment migrated part by part. Its parts are the deployment file,
 * the deployment's assessment before, the plan folder (deployment-plan.json, the coordinated runbook and each part's
 * plan), the deployment's run folder (each part's journal) and verify --deployment's output after, under one manifest.
 * A run folder whose parts are not the plan's (a part missing, a part the plan does not have, a part run from another
 * plan) is refused, naming the folder, before anything is written.
 */
final class DeploymentEvidence {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeploymentEvidence() {}

    /** The bundle's parts, checked against the deployment file and the plan. */
    static List<EvidenceBundle.Part> parts(EvidenceCommand evidence) throws InputException, IOException {
        if (evidence.plan == null
                || !evidence.plan.getFileName().toString().equals(DeploymentPlan.FILE)
                || !Files.isRegularFile(evidence.plan)) {
            throw new InputException(
                    "--plan",
                    "evidence --deployment needs --plan <" + DeploymentPlan.FILE + "> (what plan --deployment wrote)");
        }
        Deployment deployment = DeploymentFile.read(evidence.deployment);
        DeploymentPlan plan = DeploymentPlan.read(evidence.plan);
        if (!plan.deployment().equals(deployment.name())) {
            throw new InputException(
                    evidence.plan.toString(),
                    "plans the deployment '" + plan.deployment() + "', not '" + deployment.name() + "' of "
                            + evidence.deployment);
        }
        Path planFolder = evidence.plan.toAbsolutePath().normalize().getParent();
        Path run = (evidence.run != null ? evidence.run : planFolder.resolve("deployment-run"))
                .toAbsolutePath()
                .normalize();
        List<String> names = partNames(plan);
        requireRunOfPlan(run, planFolder, names);
        requireOutput(evidence.before, "deployment-assessment.json", "assess --deployment", deployment.name());
        if (evidence.after != null) {
            requireOutput(evidence.after, DeploymentVerify.FILE, "verify --deployment", deployment.name());
        }

        List<EvidenceBundle.Part> parts = new ArrayList<>();
        parts.add(new EvidenceBundle.Part("deployment", evidence.deployment));
        parts.add(new EvidenceBundle.Part("before", evidence.before));
        List<String> planKeys = new ArrayList<>(List.of(DeploymentPlan.KEY_FILE));
        List<String> runKeys = new ArrayList<>();
        List<String> runCopies = new ArrayList<>();
        for (String part : names) {
            String folder = DeploymentPlan.partFolder(part) + "/";
            EvidenceCommand.KEYS_LEFT_OUT.forEach(k -> {
                planKeys.add(folder + k);
                runKeys.add(folder + k);
            });
            EvidenceCommand.RUN_LEFT_OUT.forEach(e -> runCopies.add(folder + e));
        }
        EvidenceBundle.Part planPart =
                new EvidenceBundle.Part("plan", planFolder, planKeys, EvidenceCommand.KEYS_LEFT_OUT_WHY);
        if (run.startsWith(planFolder)) {
            // the default run folder lies in the plan folder: it is bundled once, as run/
            planPart = planPart.leavingOut(
                    List.of(planFolder.relativize(run).toString().replace('\\', '/')),
                    "the deployment's run folder, bundled as run/");
        }
        parts.add(planPart);
        parts.add(new EvidenceBundle.Part("run", run, runCopies, EvidenceCommand.RUN_LEFT_OUT_WHY)
                .leavingOut(runKeys, EvidenceCommand.KEYS_LEFT_OUT_WHY));
        if (evidence.after != null) {
            parts.add(new EvidenceBundle.Part("after", evidence.after));
        }
        if (evidence.comparison != null) {
            parts.add(new EvidenceBundle.Part("comparison", evidence.comparison));
        }
        return parts;
    }

    private static List<String> partNames(DeploymentPlan plan) {
        List<String> names = new ArrayList<>(List.of(DeploymentPlan.ONCE));
        plan.nodes().forEach(n -> names.add(n.name()));
        return names;
    }

    /**
     * The run folder holds exactly the plan's parts, each run (a journal) from its part's plan; anything else would put
     * in the bundle a run the plan does not account for, or leave out one it does.
     */
    private static void requireRunOfPlan(Path run, Path planFolder, List<String> names)
            throws InputException, IOException {
        if (!Files.isDirectory(run)) {
            throw new InputException(run.toString(), "is not the deployment's run folder (migrate --node writes it)");
        }
        Set<String> expected = new TreeSet<>();
        names.forEach(n -> expected.add(DeploymentPlan.partFolder(n)));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> top = Files.list(run)) {
            for (Path p : top.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.equals(DeploymentPlan.ONCE)) {
                    found.add(name);
                } else if (name.equals("nodes") && Files.isDirectory(p)) {
                    try (Stream<Path> nodes = Files.list(p)) {
                        nodes.forEach(n -> found.add("nodes/" + n.getFileName()));
                    }
                } else {
                    throw new InputException(
                            p.toString(),
                            "is not a part of the deployment plan " + planFolder.resolve(DeploymentPlan.FILE)
                                    + " (a deployment's run folder holds once/ and nodes/<name>/ only)");
                }
            }
        }
        for (String part : found) {
            if (!expected.contains(part)) {
                throw new InputException(
                        run.resolve(part).toString(),
                        "is the run of a part the deployment plan " + planFolder.resolve(DeploymentPlan.FILE)
                                + " does not have (its parts: " + String.join(", ", names) + ")");
            }
        }
        for (String part : expected) {
            RunDirectory partRun = new RunDirectory(run.resolve(part));
            if (!Files.isRegularFile(partRun.journal())) {
                throw new InputException(
                        run.resolve(part).toString(),
                        "holds no journal: the plan's part " + part + " has not run (migrate --node "
                                + (part.startsWith("nodes/") ? part.substring("nodes/".length()) : part)
                                + "); a deployment's evidence covers every part");
            }
            MigrationPlan partPlan = PlanJson.read(planFolder.resolve(part).resolve("plan.json"));
            String ran = runFingerprint(partRun.runJson());
            if (!partPlan.fingerprint().sha256().equals(ran)) {
                throw new InputException(
                        partRun.runJson().toString(),
                        "records a run of another plan than "
                                + planFolder.resolve(part).resolve("plan.json")
                                + ": this run folder is not of this deployment plan");
            }
        }
    }

    private static String runFingerprint(Path runJson) throws InputException {
        try {
            return JSON.readTree(runJson.toFile()).path("planFingerprint").asText();
        } catch (IOException e) {
            throw new InputException(runJson.toString(), "cannot be read as a run record: " + e.getMessage());
        }
    }

    /** An --before or --after folder is the deployment form's output for this deployment. */
    private static void requireOutput(Path folder, String file, String command, String deployment)
            throws InputException {
        Path json = folder.resolve(file);
        if (!Files.isRegularFile(json)) {
            throw new InputException(
                    folder.toString(), "holds no " + file + ": give the folder " + command + " wrote (--out)");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new InputException(json.toString(), "cannot be read as JSON: " + e.getMessage());
        }
        if (!tree.path("deployment").asText().equals(deployment)) {
            throw new InputException(
                    json.toString(),
                    "is of the deployment '" + tree.path("deployment").asText() + "', not '" + deployment + "'");
        }
    }
}
