package dev.apimupgrade.plan;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FileContent;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.rule.action.Action;
import dev.apimupgrade.rule.action.AdaptSqlStatement;
import dev.apimupgrade.rule.action.RunSqlScript;
import dev.apimupgrade.rule.action.SetTomlTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the verdict into the plan: every justified action, in the guide's order (by the catalogue's step of its
 * condition; within a step, in catalogue order, then by action ID), with its node, post-condition and justification.
 * It adds only what the facts say about how to run an action (the SQL dialect folder of the datasource a script runs
 * on, the real constraint name an adapted statement uses); it decides nothing the rules did not.
 */
public final class Planner {
    /** The parameter naming the sql/&lt;purpose&gt;/&lt;folder&gt; a script step runs from. */
    public static final String DIALECT_FOLDER = "dialectFolder";
    /** Prefix of the parameters that fill a script's ${NAME} placeholders. */
    public static final String IDENTIFIER = "identifier.";
    /**
     * Prefix of the parameters listing a carried table's keys, each as the TOML literal of its masked value and type
     * as written ("\"false\"" for a string, false for a boolean), for the operator to review.
     */
    public static final String CARRIED_KEY = "key.";
    /**
     * The parameter naming the keys of a carried table that 3.1.0 does not read (comma-separated, relative:
     * "driverClassName"): the rules decide them, the step leaves them out and the runbook says so.
     */
    public static final String DROPPED = "drop";
    /** The parameter naming a carried table's subtables (comma-separated, relative: "pool_options"), carried too. */
    public static final String SUBTABLES = Action.SUBTABLES;
    /**
     * An action's own guide step when it is a later sub-step of its condition's (the tenant loader is removed in
     * 2.7.6, after the re-indexing start of 2.7.5, not in 2.7.2 where it is added): orders and labels the step.
     */
    public static final String GUIDE_STEP = "guideStep";

    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private Planner() {}

    public static MigrationPlan plan(Verdict verdict, ConditionCatalogue catalogue, Facts facts, String toolVersion) {
        List<String> catalogueOrder =
                catalogue.all().stream().map(Condition::id).toList();
        Comparator<JustifiedAction> order = Comparator.comparing(
                        (JustifiedAction a) -> guideStep(a, catalogue.get(a.conditionId())), GuideOrder.BY_GUIDE)
                .thenComparingInt(a -> catalogueOrder.indexOf(a.conditionId()))
                .thenComparing(JustifiedAction::id);
        List<PlanStep> steps = new ArrayList<>();
        for (JustifiedAction a : verdict.actions().stream().sorted(order).toList()) {
            steps.add(step(a, verdict.result(a.conditionId()), params(a, verdict.actions(), facts)));
        }
        LOG.debug(
                "plan: {} steps from {} actions, {} automated, {} by hand",
                steps.size(),
                verdict.actions().size(),
                steps.stream().filter(PlanStep::automated).count(),
                steps.stream().filter(s -> !s.automated()).count());
        return new MigrationPlan(
                        toolVersion,
                        verdict.rulePackHash(),
                        Fingerprint.of(facts, verdict.rulePackHash(), toolVersion),
                        steps)
                .withNewHomeBaseline(newHomeBaseline(facts));
    }

    /** The SHA-256 of every API-M new-home file the facts were read from, by home-relative path. */
    static Map<String, String> newHomeBaseline(Facts facts) {
        Map<String, String> baseline = new TreeMap<>();
        facts.ofType(FileContent.class).stream()
                .filter(f -> f.source().where().startsWith(Role.NEW + ":"))
                .forEach(f -> baseline.put(f.relativePath(), f.sha256()));
        return baseline;
    }

    private static PlanStep step(JustifiedAction a, ConditionResult result, Map<String, String> params) {
        Condition c = result.condition();
        return new PlanStep(
                a.id(),
                a.conditionId(),
                a.kind(),
                a.target(),
                params,
                a.automated(),
                NodeRoles.of(c),
                guideStep(a, c),
                c.guideLink(),
                postCondition(a, params),
                result.messages(),
                a.evidence());
    }

    /** The action's post-condition, worded with the parameters as the plan has them (subtables and all). */
    private static String postCondition(JustifiedAction a, Map<String, String> params) {
        return a.action()
                .orElseThrow(() -> new IllegalArgumentException("no post-condition for action kind " + a.kind()))
                .postCondition(params);
    }

    private static String guideStep(JustifiedAction a, Condition c) {
        return a.params().getOrDefault(GUIDE_STEP, c.step());
    }

    private static Map<String, String> params(JustifiedAction a, List<JustifiedAction> all, Facts facts) {
        Map<String, String> p = new TreeMap<>(a.params());
        p.remove(GUIDE_STEP);
        if (a.action().orElse(null) instanceof RunSqlScript || a.action().orElse(null) instanceof AdaptSqlStatement) {
            dialectFolder(a.target(), facts).ifPresent(folder -> p.put(DIALECT_FOLDER, folder));
        }
        if (a.action().orElse(null) instanceof RunSqlScript r && r.script().equals("am-3.0.0-to-3.1.0")) {
            systemAppsNameConstraint(a, all, facts)
                    .ifPresent(name -> p.put(IDENTIFIER + "AM_SYSTEM_APPS_NAME_CONSTRAINT", name));
        }
        if (a.action().orElse(null) instanceof SetTomlTable t && t.from() == Role.OLD) {
            if (p.getOrDefault(DROPPED, "").isEmpty()) {
                p.remove(DROPPED);
            }
            carried(a.target(), dropped(p), facts, p);
        }
        return p;
    }

    /** The keys of a carried table the rules leave out (relative: "driverClassName"), from its {@link #DROPPED}. */
    public static Set<String> dropped(Map<String, String> params) {
        String named = params.getOrDefault(DROPPED, "");
        return named.isEmpty() ? Set.of() : new TreeSet<>(List.of(named.split(",")));
    }

    /**
     * What a carried table brings along: each key of the old table and of its subtables, except those the rules
     * drop, as the TOML literal of its value's type as written and as the scan masked it (no secret reaches the
     * plan), and the subtables, which a table replacement alone would leave behind.
     */
    private static void carried(String table, Set<String> dropped, Facts facts, Map<String, String> p) {
        Set<String> subtables = new TreeSet<>();
        facts.ofType(TomlSetting.class).stream()
                .filter(t -> t.role() == Role.OLD
                        && t.key().startsWith(table + ".")
                        && !t.key().contains("["))
                .filter(t -> !dropped.contains(t.key().substring(table.length() + 1)))
                .forEach(t -> {
                    String key = t.key().substring(table.length() + 1);
                    p.put(CARRIED_KEY + key, TomlEdit.typed(t.value(), t.type()));
                    if (key.contains(".")) {
                        subtables.add(key.substring(0, key.lastIndexOf('.')));
                    }
                });
        if (!subtables.isEmpty()) {
            p.put(SUBTABLES, String.join(",", subtables));
        }
    }

    /**
     * The real name of AM_SYSTEM_APPS's unique constraint on NAME, which H2 and SQL Server generate: from the rules'
     * adaptation when there is one, else from the constraint the database scan found by its single column NAME.
     */
    private static Optional<String> systemAppsNameConstraint(
            JustifiedAction a, List<JustifiedAction> all, Facts facts) {
        Optional<String> adapted = all.stream()
                .filter(x -> x.action().orElse(null) instanceof AdaptSqlStatement
                        && x.target().equals(a.target())
                        && Objects.equals(a.params().get("script"), x.params().get("script")))
                .map(x -> x.params().get("actualName"))
                .findFirst();
        if (adapted.isPresent()) {
            return adapted;
        }
        return facts.ofType(DbConstraint.class).stream()
                .filter(c -> c.datasource().equals(a.target())
                        && c.table().equalsIgnoreCase("AM_SYSTEM_APPS")
                        && c.kind().equals(DbConstraint.UNIQUE)
                        && c.columns().equals(List.of("NAME")))
                .map(DbConstraint::name)
                .findFirst();
    }

    /** The script folder of the old datasource a step runs on, told by its JDBC URL. */
    private static Optional<String> dialectFolder(String datasource, Facts facts) {
        return facts.ofType(DatasourceConfig.class).stream()
                .filter(d -> d.role() == Role.OLD && d.name().equals(datasource))
                .findFirst()
                .flatMap(d -> DatabaseProduct.of(d.url()))
                .map(DatabaseProduct::folder);
    }
}
