package dev.apimupgrade.scan;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.ExecutionPlanFile;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.NodeDatasource;
import dev.apimupgrade.fact.NodeFile;
import dev.apimupgrade.fact.NodeProduct;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.NodeServes;
import dev.apimupgrade.fact.NodeUrl;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.SynapseFile;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.fact.WumUpdates;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The facts that cross nodes, read from each node's own scan: what every node must agree on (shared databases,
 * keystores, product level, artefacts) and where each node sends each component's traffic, each fact naming its node
 * and citing the node's file. It observes only; the deployment rules compare. The same facts are read again from the
 * nodes' migrated 3.1.0 homes (verify --deployment, ADR 0039), each citing the node's new home.
 */
public final class DeploymentScanner {
    private static final List<String> SHARED = List.of("apim_db", DatasourceConfig.SHARED_DB);

    private DeploymentScanner() {}

    /** {@code facts} holds each node's scan by node name, in the deployment file's order. */
    public static Facts across(Deployment deployment, Map<String, Facts> facts) {
        return across(deployment, facts, Role.OLD);
    }

    /**
     * The same facts read from each node's migrated 3.1.0 home ({@code newHomes} by node name, in the deployment file's
     * order): the home is read by the scanners whose facts cross nodes ({@link Scanners#acrossNodes()}) in the place of
     * the home being assessed, so the configuration, keystores, artefacts and product level compared are the ones the
     * node's 3.1.0 server starts with; each fact cites the node's new home ({@code gateway/NEW:repository/...}).
     */
    public static Facts acrossMigrated(Deployment deployment, Map<String, Path> newHomes, LocalDate today)
            throws InputException {
        Map<String, Facts> facts = new LinkedHashMap<>();
        InstallationScanner scanner = new InstallationScanner(Scanners.acrossNodes(), today);
        for (Map.Entry<String, Path> home : newHomes.entrySet()) {
            facts.put(home.getKey(), scanner.scan(new Installation(home.getValue(), Optional.empty())));
        }
        return across(deployment, facts, Role.NEW);
    }

    /** {@code home}: which of the node's homes {@code facts} were read from, as the evidence names it. */
    private static Facts across(Deployment deployment, Map<String, Facts> facts, Role home) {
        List<Observation> out = new ArrayList<>();
        for (Deployment.Node node : deployment.nodes()) {
            // every node of the deployment was scanned before the facts across them are made
            Facts f = Objects.requireNonNull(facts.get(node.name()), node.name());
            String n = node.name();
            out.add(serves(node, f, home));
            for (DatasourceConfig d : f.ofType(DatasourceConfig.class)) {
                if (d.role() == Role.OLD
                        && SHARED.contains(d.name())
                        && !d.url().startsWith("jdbc:h2:")) {
                    out.add(new NodeDatasource(n, d.name(), d.url(), on(n, d.source(), home)));
                }
            }
            for (Keystore k : f.ofType(Keystore.class)) {
                if (k.role() == Role.OLD
                        && k.exists()
                        && (k.purpose().equals("primary") || k.purpose().equals("truststore"))) {
                    out.add(new NodeFile(
                            n,
                            k.purpose().equals("primary") ? NodeFile.PRIMARY_KEYSTORE : NodeFile.CLIENT_TRUSTSTORE,
                            k.fileName(),
                            k.sha256(),
                            on(n, k.source(), home)));
                }
            }
            f.ofType(JarFile.class).stream()
                    .filter(j -> j.role() == Role.OLD && !j.stock() && !JarScanner.isMigrationArtefact(j.name()))
                    .forEach(j -> out.add(new NodeFile(
                            n, NodeFile.CUSTOM_JAR, j.folder() + "/" + j.name(), j.sha256(), on(n, j.source(), home))));
            f.ofType(ExecutionPlanFile.class).stream()
                    .filter(p -> p.role() == Role.OLD)
                    .forEach(p -> out.add(
                            new NodeFile(n, NodeFile.EXECUTION_PLAN, p.name(), p.sha256(), on(n, p.source(), home))));
            f.ofType(SynapseFile.class).stream()
                    .filter(s -> s.role() == Role.OLD)
                    .forEach(s -> out.add(new NodeFile(
                            n,
                            NodeFile.SYNAPSE,
                            s.tenant() + "/" + s.relativePath(),
                            s.sha256(),
                            on(n, s.source(), home))));
            out.add(product(n, f, home));
            out.addAll(urls(n, f, home));
        }
        return new Facts(out);
    }

    /** The node's role: the one the deployment file states, else what its configuration makes of it. */
    private static NodeServes serves(Deployment.Node node, Facts f, Role home) {
        NodeRoleConfig config = f.ofType(NodeRoleConfig.class).stream()
                .filter(c -> c.role() == Role.OLD)
                .findFirst()
                .orElse(null);
        String stated = node.role().orElse("");
        SourceRef source = config == null
                ? new SourceRef(node.name() + "/deployment file", node.line())
                : on(node.name(), config.source(), home);
        if (!stated.isEmpty() && !stated.equals("default") || config == null) {
            String component = NodeRoleScanner.PROFILE_SERVES.get(stated);
            return new NodeServes(
                    node.name(),
                    component == null ? NodeRoleConfig.ALL : List.of(component),
                    node.hosts(),
                    "role " + (stated.isEmpty() ? "default" : stated) + " stated in the deployment file",
                    new SourceRef(node.name() + "/deployment file", node.line()));
        }
        return new NodeServes(
                node.name(),
                config.serves(),
                node.hosts(),
                "server_role " + config.serverRole() + ", profile " + config.profile(),
                source);
    }

    private static NodeProduct product(String n, Facts f, Role home) {
        List<ProductVersion> versions = f.ofType(ProductVersion.class).stream()
                .filter(v -> v.role() == Role.OLD)
                .toList();
        ProductVersion v = versions.stream()
                .filter(p -> p.marker().equals("carbon.xml"))
                .findFirst()
                .orElse(versions.isEmpty() ? null : versions.get(0));
        WumUpdates wum = f.ofType(WumUpdates.class).stream()
                .filter(w -> w.role() == Role.OLD)
                .findFirst()
                .orElse(null);
        String level = wum == null || !wum.present() ? "" : wum.level();
        SourceRef source =
                wum != null && wum.present() ? wum.source() : v != null ? v.source() : SourceRef.file(Role.OLD, "");
        return new NodeProduct(n, v == null ? "unknown" : v.version(), level, on(n, source, home));
    }

    private static List<NodeUrl> urls(String n, Facts f, Role home) {
        List<NodeUrl> out = new ArrayList<>();
        for (TomlSetting s : f.ofType(TomlSetting.class)) {
            if (s.role() != Role.OLD) {
                continue;
            }
            NodeRoleScanner.URL_KEYS.forEach((component, key) -> {
                if (key.matcher(s.key()).matches()) {
                    Matcher m = NodeRoleScanner.HOST.matcher(s.value());
                    while (m.find()) {
                        String host = m.group(1).toLowerCase(Locale.ROOT);
                        if (!NodeRoleScanner.LOCAL_HOSTS.contains(host)) {
                            out.add(new NodeUrl(n, component, host, s.key(), on(n, s.source(), home)));
                        }
                    }
                }
            });
        }
        return out.stream().distinct().toList();
    }

    /**
     * A node's file as evidence names the node and the home it was read from: "gateway-1/OLD:repository/conf/
     * deployment.toml", or "gateway-1/NEW:..." for a migrated home read in the place of the assessed one.
     */
    private static SourceRef on(String node, SourceRef source, Role home) {
        String where = source.where();
        if (home != Role.OLD && where.startsWith(Role.OLD.name() + ":")) {
            where = home.name() + where.substring(Role.OLD.name().length());
        }
        return new SourceRef(node + "/" + where, source.line());
    }
}
