package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.scan.FormatVersion;
import dev.apimupgrade.scan.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's coordinated plan (ADR 0032): which node runs the deployment-wide steps once, and each node's own
 * steps in the order traffic allows, between "traffic stops" and "traffic resumes". The steps themselves are in the
 * part plans beside it (once/plan.json, nodes/&lt;name&gt;/plan.json), each an ordinary plan with its own MAC, which
 * migrate executes; this file carries a MAC too (deployment-plan.key), since migrate reads from it which databases a
 * node shares with the deployment-wide part.
 */
@JsonPropertyOrder({"toolVersion", "deployment", "onceNode", "sequence", "deploymentWide", "nodes", "analyticsNodes"})
public record DeploymentPlan(
        String toolVersion,
        String deployment,
        String onceNode,
        List<Section> sequence,
        List<String> deploymentWide,
        List<NodePart> nodes,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> analyticsNodes) {

    /** The part name (migrate --node) of the deployment-wide steps; no node may take it. */
    public static final String ONCE = "once";

    public static final String FILE = "deployment-plan.json";
    public static final String KEY_FILE = "deployment-plan.key";

    /** The section kinds of the runbook, in the order they appear. */
    public static final String TRAFFIC_STOPS = "traffic-stops";

    public static final String DEPLOYMENT_WIDE = "deployment-wide";
    public static final String NODE = "node";
    public static final String TRAFFIC_RESUMES = "traffic-resumes";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public DeploymentPlan {
        analyticsNodes = analyticsNodes == null ? List.of() : List.copyOf(analyticsNodes);
        sequence = List.copyOf(sequence);
        deploymentWide = List.copyOf(deploymentWide);
        nodes = List.copyOf(nodes);
    }

    /** One section of the runbook: its kind and, for a node or the deployment-wide part, the node it runs on. */
    public record Section(String kind, @Nullable String node) {}

    /**
     * A node's own part: what it serves, its group in the order ("Traffic Manager and Key Manager", "Publisher and
     * Devportal", "Gateway"), its steps (ids, in order), the databases it shares with the deployment-wide part (by its
     * own datasource names) and the steps of its plan left out because the deployment-wide part does them once.
     */
    public record NodePart(
            String name,
            List<String> serves,
            String group,
            List<String> steps,
            List<String> sharedDatabases,
            List<LeftOut> leftOut) {
        public NodePart {
            serves = List.copyOf(serves);
            steps = List.copyOf(steps);
            sharedDatabases = List.copyOf(sharedDatabases);
            leftOut = List.copyOf(leftOut);
        }
    }

    public record LeftOut(String step, String reason) {}

    /**
     * A node as the planner needs it: its name, what it serves, whether its profile keeps the identity components
     * (where the migration clients can run), its own single-home plan, and its old datasources (name to JDBC URL,
     * compared only, never written out).
     */
    public record Input(
            String name,
            List<String> serves,
            boolean keepsIdentity,
            MigrationPlan plan,
            Map<String, String> databases) {}

    /** The coordinated plan and the plan of each part ({@link #ONCE}, then each node by name). */
    public record Planned(DeploymentPlan plan, Map<String, MigrationPlan> parts) {}

    public static final String GROUP_TM_KM = "Traffic Manager and Key Manager";
    public static final String GROUP_PUB_DEV = "Publisher and Devportal";
    public static final String GROUP_GATEWAY = "Gateway";

    /**
     * Plans the deployment: the deployment-wide part is the once node's plan up to its last step placed {@code once}
     * (its configuration steps before them included: the migration clients run inside that node's 3.1.0 server); each
     * node's part is the rest of its plan, without the steps the deployment-wide part does once against the same
     * database (same step, same JDBC URL).
     */
    public static Planned of(String deployment, String toolVersion, List<Input> nodes, String file)
            throws InputException {
        for (Input n : nodes) {
            if (n.name().equals(ONCE)) {
                throw new InputException(
                        file, "node " + ONCE + ": the name is kept for the deployment-wide part (migrate --node once)");
            }
        }
        Input once = nodes.stream()
                .filter(Input::keepsIdentity)
                .findFirst()
                .orElseThrow(() -> new InputException(
                        file,
                        "no node keeps the identity components (a default or api-key-manager profile), where the"
                                + " identity and API-M migration clients run once for the deployment"));
        List<PlanStep> onceSteps = once.plan().steps();
        int last = -1;
        for (int i = 0; i < onceSteps.size(); i++) {
            if (onceSteps.get(i).nodes().contains(NodeRole.ONE_NODE)) {
                last = i;
            }
        }
        List<PlanStep> wide = onceSteps.subList(0, last + 1);
        Map<String, MigrationPlan> parts = new LinkedHashMap<>();
        parts.put(ONCE, withSteps(once.plan(), wide));
        List<NodePart> partsInOrder = new ArrayList<>();
        for (Input n : ordered(nodes)) {
            List<PlanStep> own = new ArrayList<>();
            List<LeftOut> left = new ArrayList<>();
            List<String> shared = new ArrayList<>();
            n.databases().forEach((name, url) -> {
                if (once.databases().containsValue(url)) {
                    shared.add(name);
                }
            });
            List<PlanStep> steps = n == once
                    ? onceSteps.subList(last + 1, onceSteps.size())
                    : n.plan().steps();
            for (PlanStep s : steps) {
                if (n != once && s.nodes().contains(NodeRole.ONE_NODE) && doneOnce(s, n, once, wide)) {
                    left.add(new LeftOut(
                            s.id(),
                            "done once in the deployment-wide part on node " + once.name()
                                    + (n.databases().containsKey(s.target()) ? ", against the same database" : "")));
                } else {
                    own.add(s);
                }
            }
            parts.put(n.name(), withSteps(n.plan(), own));
            partsInOrder.add(new NodePart(
                    n.name(),
                    n.serves(),
                    group(n.serves()),
                    own.stream().map(PlanStep::id).toList(),
                    shared,
                    left));
        }
        List<Section> sequence = new ArrayList<>();
        sequence.add(new Section(TRAFFIC_STOPS, null));
        sequence.add(new Section(DEPLOYMENT_WIDE, once.name()));
        partsInOrder.forEach(p -> sequence.add(new Section(NODE, p.name())));
        sequence.add(new Section(TRAFFIC_RESUMES, null));
        return new Planned(
                new DeploymentPlan(
                        toolVersion,
                        deployment,
                        once.name(),
                        sequence,
                        wide.stream().map(PlanStep::id).toList(),
                        partsInOrder,
                        List.of()),
                parts);
    }

    /**
     * This plan with the nodes the deployment file names the analytics homes on (ADR 0040): migrate --node tells every
     * other part's scan that the analytics pack is elsewhere, as assess and plan did.
     */
    public DeploymentPlan withAnalyticsNodes(List<String> names) {
        return new DeploymentPlan(toolVersion, deployment, onceNode, sequence, deploymentWide, nodes, names);
    }

    /** The node a part runs on: the once node for the deployment-wide part, else the node of that name. */
    public String nodeOf(String part) {
        return part.equals(ONCE) ? onceNode : part;
    }

    /** Whether the deployment-wide part does this step of another node: same step, and for a database the same URL. */
    private static boolean doneOnce(PlanStep s, Input node, Input once, List<PlanStep> wide) {
        return wide.stream()
                .anyMatch(w -> w.id().equals(s.id())
                        && (!node.databases().containsKey(s.target())
                                || Objects.equals(
                                        node.databases().get(s.target()),
                                        once.databases().get(w.target()))));
    }

    /** Traffic Manager and Key Manager nodes first, then Publisher and Devportal, then Gateways; file order within. */
    static List<Input> ordered(List<Input> nodes) {
        List<Input> out = new ArrayList<>();
        for (String g : List.of(GROUP_TM_KM, GROUP_PUB_DEV, GROUP_GATEWAY)) {
            nodes.stream().filter(n -> group(n.serves()).equals(g)).forEach(out::add);
        }
        return out;
    }

    static String group(List<String> serves) {
        if (serves.contains(NodeRoleConfig.TRAFFIC_MANAGER) || serves.contains(NodeRoleConfig.KEY_MANAGER)) {
            return GROUP_TM_KM;
        }
        if (serves.contains(NodeRoleConfig.GATEWAY)) {
            return GROUP_GATEWAY;
        }
        return GROUP_PUB_DEV;
    }

    private static MigrationPlan withSteps(MigrationPlan p, List<PlanStep> steps) {
        return new MigrationPlan(
                p.toolVersion(), p.rulePackHash(), p.inputs(), p.fingerprint(), p.newHomeBaseline(), steps);
    }

    /** The node's part, by name. */
    public java.util.Optional<NodePart> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Where a part's plan and run folder lie, relative to the plan folder and the run folder. */
    public static String partFolder(String part) {
        return part.equals(ONCE) ? ONCE : "nodes/" + part;
    }

    /** deployment-plan.json's text: formatVersion first, a MAC of the rest last. */
    public String toJson(MacKey key) {
        ObjectNode tree = FormatVersion.stamp(MAPPER, this);
        String body = canonical(tree);
        tree.put("mac", key.mac(body));
        try {
            return MAPPER.writeValueAsString(tree).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the deployment plan as JSON", e);
        }
    }

    private static String canonical(JsonNode tree) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the deployment plan as JSON", e);
        }
    }

    /** Reads deployment-plan.json and checks its MAC with deployment-plan.key beside it. */
    public static DeploymentPlan read(Path file) throws InputException {
        String where = file.toString();
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new InputException(where, "not a " + FILE + " written by apim-upgrade: " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode node) || !node.has("mac")) {
            throw new InputException(where, "not a " + FILE + " written by apim-upgrade (no MAC)");
        }
        String mac = node.remove("mac").asText();
        MacKey key = MacKey.read(file.resolveSibling(KEY_FILE), where);
        if (!key.verifies(canonical(node), mac)) {
            throw new InputException(
                    where,
                    "was changed after apim-upgrade made it (its MAC no longer matches): make a new one with"
                            + " apim-upgrade plan --deployment");
        }
        FormatVersion.take(node, where);
        try {
            return MAPPER.treeToValue(node, DeploymentPlan.class);
        } catch (JsonProcessingException e) {
            throw new InputException(where, "not a " + FILE + " written by apim-upgrade: " + e.getOriginalMessage());
        }
    }
}
