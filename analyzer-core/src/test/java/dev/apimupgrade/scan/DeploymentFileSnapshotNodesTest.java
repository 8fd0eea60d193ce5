package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0044: a node given as a snapshot names its 3.1.0 home as the path on its own host, so nodes on other hosts may
 * name the same new: path; one snapshot named for two nodes is still two nodes on one home.
 */
class DeploymentFileSnapshotNodesTest {
    @TempDir
    Path tmp;

    @Test
    void nodesGivenAsSnapshotsMayNameTheSame310HomePathOfTheirOwnHosts() throws Exception {
        Path pack = Files.createDirectories(tmp.resolve("wso2am-3.1.0"));
        Files.writeString(tmp.resolve("km.zip"), "snapshot");
        Files.writeString(tmp.resolve("tm.zip"), "snapshot");
        Path file = Files.writeString(
                tmp.resolve("deployment.yaml"),
                "name: d\nnodes:\n  - name: km\n    old: km.zip\n    new: " + pack + "\n  - name: tm\n    old: tm.zip\n"
                        + "    new: " + pack + "\n");

        Deployment d = DeploymentFile.read(file);

        assertThat(d.nodes()).extracting(n -> n.newHome().orElseThrow()).containsExactly(pack, pack);
    }

    @Test
    void oneSnapshotNamedForTwoNodesIsRefusedAsTwoNodesOnOneHome() throws Exception {
        Files.writeString(tmp.resolve("km.zip"), "snapshot");
        Path file = Files.writeString(
                tmp.resolve("deployment.yaml"),
                "name: d\nnodes:\n  - name: km\n    old: km.zip\n  - name: tm\n    old: km.zip\n");

        assertThatThrownBy(() -> DeploymentFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nodes km and tm name the same home");
    }
}
