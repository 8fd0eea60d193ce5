package dev.apimupgrade.scan;

import java.util.List;

/**
 * Every home-scanning file scanner of an assessment, in the order they run: versions and deployment.toml first, so
 * a wrong or unreadable home stops the scan before the slow file walks. The CLI adds an AnswersScanner when
 * --answers is given.
 */
public final class Scanners {
    private Scanners() {}

    public static List<Scanner> files() {
        return List.of(
                new VersionScanner(),
                new DeploymentTomlScanner(),
                new NodeRoleScanner(),
                new KeystoreScanner(),
                new RegistryXmlScanner(),
                new SynapseScanner(),
                new ExecutionPlanScanner(),
                new JarScanner(),
                new ServerProcessScanner(),
                new PresenceScanner());
    }

    /**
     * The file scanners whose facts {@link DeploymentScanner} compares across nodes: what verify --deployment reads
     * again from each node's migrated home (versions, deployment.toml and the role it gives, keystores, synapse
     * artefacts, execution plans, dropins and lib).
     */
    public static List<Scanner> acrossNodes() {
        return List.of(
                new VersionScanner(),
                new DeploymentTomlScanner(),
                new NodeRoleScanner(),
                new KeystoreScanner(),
                new SynapseScanner(),
                new ExecutionPlanScanner(),
                new JarScanner());
    }
}
