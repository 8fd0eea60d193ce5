package dev.apimupgrade.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The project's condition catalogue, loaded from catalogue.yaml: the single source of IDs, titles, sections and
 * severities. The conditions of the {@value #DEPLOYMENT} chapter compare the nodes of a deployment: a home's own
 * assessment ({@link #all()}) leaves them out, and {@link #deployment()} lists only them.
 */
public final class ConditionCatalogue {
    /** The chapter of the conditions across the nodes of a deployment. */
    public static final String DEPLOYMENT = "deployment";

    private final Map<String, Condition> byId;
    private final List<Condition> listed;

    private ConditionCatalogue(Map<String, Condition> byId, List<Condition> listed) {
        this.byId = Collections.unmodifiableMap(byId);
        this.listed = List.copyOf(listed);
    }

    public static ConditionCatalogue load() {
        try (InputStream in = ConditionCatalogue.class.getResourceAsStream("catalogue.yaml")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.yaml is missing from the classpath");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Condition> byId = new LinkedHashMap<>();
            for (Object o : (List<?>) Objects.requireNonNull(root.get("conditions"), "catalogue.yaml: conditions")) {
                Map<?, ?> m = (Map<?, ?>) o;
                Condition c = new Condition(
                        str(m, "id"),
                        str(m, "title"),
                        str(m, "chapter"),
                        str(m, "step"),
                        str(m, "anchor"),
                        Severity.valueOf(str(m, "severity")),
                        str(m, "needs"),
                        Boolean.TRUE.equals(m.get("beyond")),
                        str(m, "remediation"),
                        nodes(m));
                if (byId.put(c.id(), c) != null) {
                    throw new IllegalStateException("catalogue.yaml lists " + c.id() + " twice");
                }
            }
            return new ConditionCatalogue(
                    byId,
                    byId.values().stream()
                            .filter(c -> !c.chapter().equals(DEPLOYMENT))
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> nodes(Map<?, ?> m) {
        Object v = m.get("nodes");
        return v == null
                ? List.of()
                : ((List<?>) v).stream().map(Object::toString).toList();
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalStateException("catalogue.yaml: an entry lacks '" + key + "': " + m);
        }
        return v.toString();
    }

    /** The conditions of this assessment in catalogue order (the guide's order): one home's, or the deployment's. */
    public List<Condition> all() {
        return listed;
    }

    /** The same catalogue assessing a deployment: {@link #all()} lists only the conditions across nodes. */
    public ConditionCatalogue deployment() {
        return new ConditionCatalogue(
                byId,
                byId.values().stream()
                        .filter(c -> c.chapter().equals(DEPLOYMENT))
                        .toList());
    }

    public Optional<Condition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Condition get(String id) {
        Condition c = byId.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no condition " + id + " in the catalogue");
        }
        return c;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }
}
