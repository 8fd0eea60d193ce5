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

    /**
     * One node; {@code line} is where the deployment file names it, for errors; {@code analytics} the API-M Analytics
     * homes the file names on it (old-analytics:, new-analytics:), none on most nodes.
     */
    public record Node(
            String name,
            Path oldHome,
            Optional<Path> newHome,
            Optional<String> role,
            List<String> hosts,
            int line,
            AnalyticsHomes analytics) {
        public Node {
            hosts = List.copyOf(hosts);
        }

        /** A node whose file names no analytics home. */
        public Node(
                String name,
                Path oldHome,
                Optional<Path> newHome,
                Optional<String> role,
                List<String> hosts,
                int line) {
            this(name, oldHome, newHome, role, hosts, line, AnalyticsHomes.none());
        }

        /** Whether the file names an analytics home on this node. */
        public boolean hasAnalytics() {
            return analytics.oldHome().isPresent() || analytics.newHome().isPresent();
        }
    }

    /** The nodes the file names an analytics home on, in file order: where the guide's analytics steps run. */
    public List<String> analyticsNodes() {
        return nodes.stream().filter(Node::hasAnalytics).map(Node::name).toList();
    }
}
