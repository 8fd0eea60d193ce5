package dev.apimupgrade.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A distributed deployment as its deployment file describes it: each node's name, its 3.0.0 and 3.1.0 homes, the role
 * the operator states (else the node's configuration decides it) and the host names the other nodes reach it by.
 */
public record Deployment(String name, Path file, List<Node> nodes) {

    public Deployment {
        nodes = List.copyOf(nodes);
    }

    /** One node; {@code line} is where the deployment file names it, for errors. */
    public record Node(
            String name, Path oldHome, Optional<Path> newHome, Optional<String> role, List<String> hosts, int line) {
        public Node {
            hosts = List.copyOf(hosts);
        }
    }
}
