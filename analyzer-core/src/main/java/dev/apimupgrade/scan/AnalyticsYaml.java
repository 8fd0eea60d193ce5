package dev.apimupgrade.scan;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The wso2.datasources of an analytics profile's deployment.yaml, read through the node tree (safe loader, every
 * value with its line). Shared by the analytics scanner, which keeps masked facts, and the database scanner, which
 * needs the password to connect.
 */
public final class AnalyticsYaml {
    public static final String WORKER = "conf/worker/deployment.yaml";
    public static final String DASHBOARD = "conf/dashboard/deployment.yaml";
    /** The folders of the two files: an analytics home has at least one of them. */
    public static final String WORKER_FOLDER = "conf/worker";

    public static final String DASHBOARD_FOLDER = "conf/dashboard";

    /** One datasource entry; it holds a password, so it is never a fact and never prints it. */
    public record Entry(String name, String url, String user, String password, String driverClassName, int line) {
        @Override
        public String toString() {
            return "Entry[" + name + " " + SecretMask.jdbcUrl(url) + "]";
        }
    }

    private AnalyticsYaml() {}

    /**
     * The RDBMS datasources of {@code home}/{@code file} in file order, or empty when the file does not exist. A file
     * that is there must be a YAML mapping: an empty or unreadable one is an input error, not "no datasources".
     */
    public static Optional<List<Entry>> datasources(Path home, String file) throws InputException {
        Path path = home.resolve(file);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String shown = path.toString();
        Node root = SafeYaml.compose(path, shown);
        if (!(root instanceof MappingNode)) {
            throw new InputException(
                    shown,
                    root == null ? 0 : root.getStartMark().getLine() + 1,
                    root == null
                            ? "is empty; an analytics profile's deployment.yaml configures its datasources"
                            : "is not a YAML mapping of settings");
        }
        List<Entry> out = new ArrayList<>();
        Node list = child(child(root, "wso2.datasources"), "dataSources");
        if (list instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                Node config = child(child(item, "definition"), "configuration");
                Node url = child(config, "jdbcUrl");
                if (url instanceof ScalarNode u) {
                    out.add(new Entry(
                            text(child(item, "name")),
                            u.getValue().strip(),
                            text(child(config, "username")),
                            text(child(config, "password")),
                            text(child(config, "driverClassName")),
                            u.getStartMark().getLine() + 1));
                }
            }
        }
        return Optional.of(out);
    }

    private static @Nullable Node child(@Nullable Node node, String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static String text(@Nullable Node node) {
        return node instanceof ScalarNode s ? s.getValue().strip() : "";
    }
}
