package dev.apimupgrade.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a deployment file (YAML, through {@link SafeYaml}): {@code name}, and {@code nodes:} each with {@code name},
 * {@code old}, optional {@code new}, {@code role}, {@code hosts}, {@code old-analytics} and {@code new-analytics}. Relative homes are relative to the file. Whatever
 * would make the deployment ambiguous (a missing home, two nodes on one home, an unknown role, a name used twice) is an
 * {@link InputException} naming the file, the line and the node.
 */
public final class DeploymentFile {
    /** The roles a node may state: the 3.0.0 profiles ({@code -Dprofile}), default being an all-in-one node. */
    public static final Set<String> ROLES =
            Set.of("default", "gateway-worker", "api-key-manager", "traffic-manager", "api-publisher", "api-store");

    /** The keys naming a node's API-M Analytics homes, as --old-analytics and --new-analytics name them. */
    public static final String OLD_ANALYTICS = "old-analytics";

    public static final String NEW_ANALYTICS = "new-analytics";

    private static final Set<String> NODE_KEYS =
            Set.of("name", "old", "new", "role", "hosts", OLD_ANALYTICS, NEW_ANALYTICS);

    private DeploymentFile() {}

    public static Deployment read(Path file) throws InputException {
        String shown = file.toString();
        Node root = SafeYaml.compose(file, shown);
        if (!(root instanceof MappingNode top)) {
            throw new InputException(shown, line(root), "not a deployment file: expected name: and nodes:");
        }
        Map<String, Node> fields = fields(top, shown, Set.of("name", "nodes"));
        String name = scalar(fields.get("name"), shown, "name", "the deployment");
        if (!(fields.get("nodes") instanceof SequenceNode list)
                || list.getValue().isEmpty()) {
            throw new InputException(shown, line(fields.getOrDefault("nodes", top)), "nodes: must list the nodes");
        }
        Path base = InputFile.folderOf(file.toAbsolutePath().normalize());
        List<Deployment.Node> nodes = new ArrayList<>();
        Map<String, String> nodeOfHome = new HashMap<>();
        for (Node item : list.getValue()) {
            Deployment.Node node = node(item, shown, base);
            if (nodes.stream().anyMatch(n -> n.name().equals(node.name()))) {
                throw new InputException(shown, node.line(), "node " + node.name() + " is named twice");
            }
            for (Path home : homes(node)) {
                String other = nodeOfHome.putIfAbsent(realPath(home), node.name());
                if (other != null) {
                    throw new InputException(
                            shown,
                            node.line(),
                            "nodes " + other + " and " + node.name() + " name the same home " + home
                                    + ": each node has its own");
                }
            }
            nodes.add(node);
        }
        return new Deployment(name, file.toAbsolutePath().normalize(), nodes);
    }

    private static Deployment.Node node(Node item, String shown, Path base) throws InputException {
        if (!(item instanceof MappingNode map)) {
            throw new InputException(shown, line(item), "a node is a mapping with name:, old: and new:");
        }
        Map<String, Node> f = fields(map, shown, NODE_KEYS);
        String name = scalar(f.get("name"), shown, "name", "a node at line " + line(item));
        int line = line(item);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new InputException(
                    shown,
                    line(f.get("name")),
                    "node name " + name + " is not a plain name"
                            + " (letters, digits, . _ -): each node's assessment is written to a folder of that name");
        }
        Path old = home(f.get("old"), shown, "old", name, base, line);
        Optional<Path> newHome = f.containsKey("new")
                ? Optional.of(home(f.get("new"), shown, "new", name, base, line))
                : Optional.empty();
        Optional<String> role = Optional.empty();
        if (f.containsKey("role")) {
            String r = scalar(f.get("role"), shown, "role", "node " + name);
            if (!ROLES.contains(r)) {
                throw new InputException(
                        shown,
                        line(f.get("role")),
                        "node " + name + ": unknown role " + r + " (one of "
                                + String.join(", ", ROLES.stream().sorted().toList()) + ")");
            }
            role = Optional.of(r);
        }
        List<String> hosts = new ArrayList<>();
        if (f.get("hosts") instanceof SequenceNode seq) {
            for (Node h : seq.getValue()) {
                hosts.add(scalar(h, shown, "hosts", "node " + name).toLowerCase(java.util.Locale.ROOT));
            }
        } else if (f.containsKey("hosts")) {
            throw new InputException(shown, line(f.get("hosts")), "node " + name + ": hosts: is a list of host names");
        }
        AnalyticsHomes analytics = new AnalyticsHomes(
                analyticsHome(f.get(OLD_ANALYTICS), shown, OLD_ANALYTICS, name, base),
                analyticsHome(f.get(NEW_ANALYTICS), shown, NEW_ANALYTICS, name, base));
        return new Deployment.Node(name, old, newHome, role, hosts, line, analytics);
    }

    /** An analytics home a node names: a folder with conf/worker or conf/dashboard, as --old-analytics requires. */
    private static Optional<Path> analyticsHome(@Nullable Node value, String shown, String key, String node, Path base)
            throws InputException {
        if (value == null) {
            return Optional.empty();
        }
        Path home = base.resolve(scalar(value, shown, key, "node " + node)).normalize();
        if (!Files.isDirectory(home)) {
            throw new InputException(
                    shown,
                    line(value),
                    "node " + node + ": " + key + " home " + home + " does not exist or is not a directory");
        }
        if (!Files.isDirectory(home.resolve(AnalyticsYaml.WORKER_FOLDER))
                && !Files.isDirectory(home.resolve(AnalyticsYaml.DASHBOARD_FOLDER))) {
            throw new InputException(
                    shown,
                    line(value),
                    "node " + node + ": " + key + " home " + home
                            + " is not an API-M Analytics home (no conf/worker or conf/dashboard folder)");
        }
        return Optional.of(home);
    }

    private static Path home(@Nullable Node value, String shown, String key, String node, Path base, int line)
            throws InputException {
        if (value == null) {
            throw new InputException(
                    shown,
                    line,
                    "node " + node + " lacks " + key + ": (its " + (key.equals("old") ? "3.0.0" : "3.1.0") + " home)");
        }
        Path home = base.resolve(scalar(value, shown, key, "node " + node)).normalize();
        // an old: may also name a snapshot apim-upgrade collect made on the node (ADR 0034): a file, read when assessed
        boolean snapshot = key.equals("old") && Files.isRegularFile(home);
        if (!Files.isDirectory(home) && !snapshot) {
            throw new InputException(
                    shown,
                    line(value),
                    "node " + node + ": " + key + " home " + home
                            + " does not exist or is not a directory (nor, for old:, a snapshot file)");
        }
        return home;
    }

    /**
     * The paths no two nodes may share. A node given as a snapshot names its 3.1.0 home as the path on its own host,
     * which plan reads from the same path here (ADR 0044): nodes on other hosts may well share that path.
     */
    private static List<Path> homes(Deployment.Node node) {
        List<Path> out = new ArrayList<>(List.of(node.oldHome()));
        if (!Files.isRegularFile(node.oldHome())) {
            node.newHome().ifPresent(out::add);
        }
        node.analytics().oldHome().ifPresent(out::add);
        node.analytics().newHome().ifPresent(out::add);
        return out;
    }

    private static String realPath(Path home) {
        try {
            return home.toRealPath().toString();
        } catch (IOException e) {
            return home.toString();
        }
    }

    private static Map<String, Node> fields(MappingNode map, String shown, Set<String> known) throws InputException {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (!known.contains(key)) {
                throw new InputException(
                        shown,
                        line(t.getKeyNode()),
                        "unknown key '" + key + "' (expected "
                                + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw new InputException(shown, line(t.getKeyNode()), key + ": is given twice");
            }
        }
        return out;
    }

    private static String scalar(@Nullable Node node, String shown, String key, String where) throws InputException {
        if (node == null) {
            throw new InputException(shown, 0, where + " lacks " + key + ":");
        }
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new InputException(shown, line(node), where + ": " + key + ": must be a non-empty text");
        }
        return s.getValue().trim();
    }

    private static int line(@Nullable Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
