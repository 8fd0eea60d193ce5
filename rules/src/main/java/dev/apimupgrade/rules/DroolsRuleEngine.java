package dev.apimupgrade.rules;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Finding;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.OffNode;
import dev.apimupgrade.rule.RuleEngine;
import dev.apimupgrade.rule.RuleInfo;
import dev.apimupgrade.rule.StepPlacement;
import dev.apimupgrade.rule.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieSession;

/**
 * The rule engine port implemented with Drools: it loads the executable model compiled at build time straight into
 * a KieBase (no KieContainer, no DRL compilation at run time) and decides one session per assessment.
 */
public final class DroolsRuleEngine implements RuleEngine {
    /** One DRL per guide chapter; their text is what the rule-pack hash covers. */
    static final List<String> CHAPTERS = List.of(
            "preflight",
            "registry",
            "configuration",
            "databases",
            "keystores",
            "identity",
            "reindex",
            "analytics",
            "errata");
    /** The rules across the nodes of a deployment, in their own package (dev.apimupgrade.rules.deployment). */
    static final String DEPLOYMENT_RULES = "deployment/deployment";

    private static final String MODEL_LIST = "/META-INF/kie/dev.apimupgrade/rules/drools-model";

    private final KieBase kieBase;
    private final ConditionCatalogue catalogue;
    private final String rulePackHash;

    public DroolsRuleEngine(ConditionCatalogue catalogue) {
        this.catalogue = catalogue;
        this.kieBase = KieBaseBuilder.createKieBaseFromModel(loadModels());
        this.rulePackHash = hashRulePack();
    }

    @Override
    public Verdict decide(Facts facts) {
        return decide(facts, catalogue);
    }

    /**
     * Decides the conditions across the nodes of a deployment ({@link ConditionCatalogue#deployment()}) from the facts
     * DeploymentScanner read from the nodes' scans; each node's own conditions are decided by {@link #decide}.
     */
    public Verdict decideDeployment(Facts acrossNodes) {
        return decide(acrossNodes, catalogue.deployment());
    }

    private Verdict decide(Facts facts, ConditionCatalogue scope) {
        Environment environment = KieServices.get().newEnvironment();
        environment.set(Conclude.CATALOGUE, catalogue);
        KieSession session = kieBase.newKieSession(null, environment);
        try {
            for (Observation o : facts.all()) {
                session.insert(o);
            }
            // where each step runs is catalogue metadata; the rules read it beside the facts
            scope.all().stream()
                    .filter(c -> !c.nodes().isEmpty())
                    .forEach(c -> session.insert(new StepPlacement(c.id(), c.nodes())));
            session.fireAllRules();
            List<Finding> findings = new ArrayList<>();
            List<JustifiedAction> actions = new ArrayList<>();
            List<OffNode> offNode = new ArrayList<>();
            for (Object o : session.getObjects(
                    o -> o instanceof Finding || o instanceof JustifiedAction || o instanceof OffNode)) {
                if (o instanceof Finding f) {
                    findings.add(f);
                } else if (o instanceof OffNode n) {
                    offNode.add(n);
                } else {
                    actions.add((JustifiedAction) o);
                }
            }
            // a rule of the other scope that fires on no facts at all ("nothing to compare") is not this verdict's
            java.util.Set<String> ids = new java.util.HashSet<>(
                    scope.all().stream().map(c -> c.id()).toList());
            findings.removeIf(f -> !ids.contains(f.conditionId()));
            actions.removeIf(a -> !ids.contains(a.conditionId()));
            offNode.removeIf(o -> !ids.contains(o.conditionId()));
            return Verdict.assemble(scope, findings, actions, offNode, rulePackHash);
        } finally {
            session.dispose();
        }
    }

    @Override
    public List<RuleInfo> rules() {
        List<RuleInfo> out = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                String id = Conclude.meta(r, "id");
                String chapter = catalogue.find(id).map(c -> c.chapter()).orElse("");
                String anchor = catalogue.find(id).map(c -> c.anchor()).orElse("");
                out.add(new RuleInfo(r.getName(), id, Conclude.severity(r, catalogue), anchor, chapter));
            }
        }
        out.sort(Comparator.comparing(RuleInfo::ruleName));
        return out;
    }

    /**
     * The raw metadata of every rule by rule name, without the checks {@link #rules()} makes, so a test can list every
     * rule that lacks @id, or states metadata the catalogue holds, at once.
     */
    Map<String, Map<String, Object>> ruleMetadata() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                out.put(r.getName(), r.getMetaData());
            }
        }
        return out;
    }

    @Override
    public String rulePackHash() {
        return rulePackHash;
    }

    private static List<Model> loadModels() {
        String list = resource(MODEL_LIST);
        if (list == null) {
            throw new IllegalStateException("the compiled rule model " + MODEL_LIST + " is not on the classpath");
        }
        List<Model> models = new ArrayList<>();
        for (String line : list.split("\\R")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("Drools-Model-Version")) {
                continue;
            }
            try {
                models.add((Model) Class.forName(name).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the compiled rule model " + name, e);
            }
        }
        return models;
    }

    /** The rule pack's hash, without building the rule base (what --version prints). */
    public static String hashRulePack() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> files = new ArrayList<>(CHAPTERS);
            files.add(DEPLOYMENT_RULES);
            for (String chapter : files) {
                String drl = resource("/dev/apimupgrade/rules/" + chapter + ".drl");
                if (drl != null) {
                    sha.update(chapter.getBytes(StandardCharsets.UTF_8));
                    sha.update(drl.getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resource's text, or null when the classpath has none under that path. */
    private static @Nullable String resource(String path) {
        try (InputStream in = DroolsRuleEngine.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
