package dev.apimupgrade.verify;

import dev.apimupgrade.execute.CheckContext;
import dev.apimupgrade.execute.Journal;
import dev.apimupgrade.execute.JournalRecord;
import dev.apimupgrade.execute.PostConditionCheck;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.MigrationArtefact;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.plan.MigrationPlan;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.rule.action.ActionKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides the after-report from a fresh scan of both homes (and the databases the scan could read), the plan that
 * was run and its journal: every planned action's post-condition, then the expected 3.1.0 state. It is the inverse of
 * the plan: each state check is a step's post-condition (what the steps carry, re-apply or remove) or a documented
 * expectation of 3.1.0, and what the plan leaves alone is compared with the new home as it was when planned. Reads only; the
 * checks cite home-relative files and database objects and never a value, so no secret can reach the report.
 */
public final class Verification {
    /** The tables only 3.1.0 has (the scan's markers): their presence shows the AM script ran. */
    static final List<String> NEW_TABLES = List.of("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING");

    static final String INDEXING_FREQUENCY = "indexing.frequency";
    static final String SYNAPSE_DIR = "repository/deployment/server/synapse-configs/default";
    static final String STOCK_PROTECTED = "/dev/apimupgrade/scan/stock-3.1.0-protected-synapse.sha256";

    private final PostConditionCheck postConditions = new PostConditionCheck();

    /**
     * @param facts   a scan of both homes (databases included unless the operator said --no-db)
     * @param plan    the plan migrate ran, if given
     * @param ctx     for the executors' done checks, with the run folder (its journal and backup) when one was given
     */
    public AfterReport verify(ToolInfo tool, Facts facts, Optional<MigrationPlan> plan, CheckContext ctx) {
        List<Check> checks = new ArrayList<>();
        PlannedState planned = new PlannedState(plan);
        plan.ifPresent(p -> p.steps().forEach(step -> checks.add(postCondition(step, ctx))));
        checks.add(newTables(facts));
        checks.add(new AmSchemaCheck(ExpectedAmSchema.shipped()).check(facts));
        // a skipped or half-done identity migration fails here, before 3.1.0 serves traffic (ADR 0029)
        checks.add(new IdentitySchemaCheck(ExpectedAmSchema.identity()).check(facts));
        checks.add(new ProtectedSynapseCheck(ctx.homes().oldHome(), ctx.homes().newHome(), planned, stockProtected())
                .check());
        checks.add(configCarried(facts, ctx.homes().oldHome(), planned));
        checks.add(migrationJars(facts));
        checks.add(migrationResources(facts));
        checks.add(indexingFrequency(facts));
        return AfterReport.of(tool, checks);
    }

    Check postCondition(PlanStep step, CheckContext ctx) {
        Optional<Journal> journal = ctx.journal();
        String title = step.kind() + " " + step.target();
        List<String> evidence = new ArrayList<>();
        evidence.add("plan step " + step.id() + " (" + step.conditionId() + ")");
        if (postConditions.forTheOperator(step, ctx)) {
            // a manual step, or a script migrate leaves to the operator: migrate goes by the confirmation, so does
            // verify
            String what = step.is(ActionKind.MANUAL_STEP) ? "a manual step" : "a step migrate leaves to the operator";
            if (journal.isEmpty()) {
                return new Check(
                        step.id(),
                        "plan",
                        title,
                        AfterReport.UNKNOWN,
                        what + ": give the run folder (--run) so its journal can show it was confirmed",
                        evidence);
            }
            Optional<JournalRecord.Outcome> confirmed = journal.get().records().stream()
                    .flatMap(r ->
                            r instanceof JournalRecord.Outcome o && o.step().equals(step.id()) && o.completes()
                                    ? Stream.of(o)
                                    : Stream.empty())
                    .reduce((a, b) -> b);
            confirmed.ifPresent(r -> evidence.add("journal: " + r.status().label() + " at " + r.time()));
            return new Check(
                    step.id(),
                    "plan",
                    title,
                    confirmed.isPresent() ? AfterReport.PASS : AfterReport.FAIL,
                    confirmed.isPresent()
                            ? "the operator confirmed it: " + step.postCondition()
                            : "the journal has no confirmation of this step (" + what + ")",
                    evidence);
        }
        PostConditionCheck.Outcome outcome = postConditions.check(step, ctx);
        evidence.add("done when: " + step.postCondition());
        String status = outcome.holds()
                .map(h -> h ? AfterReport.PASS : AfterReport.FAIL)
                .orElse(AfterReport.UNKNOWN);
        String detail = outcome.holds().isEmpty()
                ? outcome.why()
                : outcome.holds().get() ? "the post-condition holds" : "the post-condition does not hold";
        return new Check(step.id(), "plan", title, status, detail, evidence);
    }

    static Check newTables(Facts facts) {
        String title = "The 3.1.0 tables exist (" + String.join(", ", NEW_TABLES) + ")";
        Map<String, List<DbTable>> byDatasource = facts.ofType(DbTable.class).stream()
                .filter(t -> NEW_TABLES.contains(t.table()))
                .collect(Collectors.groupingBy(DbTable::datasource, TreeMap::new, Collectors.toList()));
        if (byDatasource.isEmpty()) {
            return new Check(
                    "DB-3.1.0-TABLES",
                    "state",
                    title,
                    AfterReport.UNKNOWN,
                    "no AM database was read (--no-db, no reachable datasource or no password given)",
                    List.of());
        }
        List<String> evidence = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        byDatasource.forEach((ds, tables) -> tables.forEach(t -> {
            evidence.add(t.source() + ": " + t.observed());
            if (!t.present()) {
                missing.add(ds + "/" + t.table());
            }
        }));
        return new Check(
                "DB-3.1.0-TABLES",
                "state",
                title,
                missing.isEmpty() ? AfterReport.PASS : AfterReport.FAIL,
                missing.isEmpty() ? "every 3.1.0 table is present" : "missing: " + String.join(", ", missing),
                evidence);
    }

    /**
     * The deployment.toml tables the plan's steps carry from the old home (SetTomlTable from OLD: datasources,
     * keystores, truststore, ...) are in the new one with the same values, subtables included. Only what a step
     * carries is expected: a table no step carries keeps its 3.1.0 default, so it is not compared.
     */
    static Check configCarried(Facts facts, Path oldHome, PlannedState planned) {
        String title = "The deployment.toml tables the plan carries are in the new one with the old values";
        if (!planned.given()) {
            return new Check(
                    "CONFIG-CARRIED",
                    "state",
                    title,
                    AfterReport.UNKNOWN,
                    "no plan was given (--plan or --run): the plan says which settings its steps carry",
                    List.of());
        }
        if (facts.ofType(TomlSetting.class).stream().noneMatch(s -> s.role() == Role.OLD)) {
            return new Check(
                    "CONFIG-CARRIED",
                    "state",
                    title,
                    AfterReport.UNKNOWN,
                    "the old deployment.toml could not be read",
                    List.of("OLD:repository/conf/deployment.toml"));
        }
        Map<String, TomlSetting> old = settings(facts, Role.OLD, planned.carriedTables());
        old.keySet().removeAll(planned.droppedKeys());
        Map<String, TomlSetting> neu = settings(facts, Role.NEW, planned.carriedTables());
        List<String> evidence = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        old.forEach((key, setting) -> {
            TomlSetting now = neu.get(key);
            // values are compared, never shown: a secret arrives masked, but a URL may still be sensitive
            if (now == null) {
                wrong.add(key + " (missing)");
                evidence.add(setting.source() + ": " + key + " has no counterpart in the new deployment.toml");
            } else if (pointsAtOldH2(setting.value(), now.value(), oldHome)) {
                evidence.add(now.source() + ": " + key + " carried over, pointing at the old home's H2 database");
            } else if (!now.value().equals(setting.value())) {
                wrong.add(key + " (different value)");
                evidence.add(now.source() + ": " + key + " differs from " + setting.source());
            } else if (!now.type().equals(setting.type())) {
                // "false" carried as false, or "50" as 50: the same text, another TOML type
                wrong.add(key + " (" + now.type() + ", was " + setting.type() + ")");
                evidence.add(now.source() + ": " + key + " is a " + now.type() + ", a " + setting.type() + " in "
                        + setting.source());
            } else {
                evidence.add(now.source() + ": " + key + " carried over");
            }
        });
        String detail = planned.carriedTables().isEmpty()
                ? "no step of the plan carries a deployment.toml table"
                : wrong.isEmpty()
                        ? old.size() + " setting(s) of " + String.join(", ", planned.carriedTables()) + " carried over"
                        : "not carried: " + String.join(", ", wrong);
        return new Check(
                "CONFIG-CARRIED",
                "state",
                title,
                wrong.isEmpty() ? AfterReport.PASS : AfterReport.FAIL,
                detail,
                evidence);
    }

    /**
     * migrate carries a relative H2 URL (jdbc:h2:./repository/database/...) as the same database of the old home,
     * where the H2 scripts migrated it: that counts as carried.
     */
    static boolean pointsAtOldH2(String oldValue, String newValue, Path oldHome) {
        String prefix = "jdbc:h2:./";
        if (!oldValue.startsWith(prefix)) {
            return false;
        }
        String home = oldHome.toAbsolutePath().normalize().toString().replace('\\', '/');
        return newValue.equals("jdbc:h2:" + home + "/" + oldValue.substring(prefix.length()));
    }

    /** The settings of the carried tables and their subtables, as the planner lists them (no array entries). */
    private static Map<String, TomlSetting> settings(Facts facts, Role role, java.util.Set<String> tables) {
        Map<String, TomlSetting> out = new TreeMap<>();
        facts.ofType(TomlSetting.class).stream()
                .filter(s -> s.role() == role
                        && !s.key().contains("[")
                        && tables.stream().anyMatch(t -> s.key().startsWith(t + ".")))
                .forEach(s -> out.put(s.key(), s));
        return out;
    }

    static Check migrationJars(Facts facts) {
        List<MigrationArtefact> left = facts.ofType(MigrationArtefact.class).stream()
                .filter(a -> a.role() == Role.NEW)
                .toList();
        return new Check(
                "MIGRATION-JARS-REMOVED",
                "state",
                "No migration tool jar is left in the 3.1.0 home",
                left.isEmpty() ? AfterReport.PASS : AfterReport.FAIL,
                left.isEmpty()
                        ? "no migration client, identity migration or tenant loader jar in dropins or lib"
                        : "still there: "
                                + left.stream()
                                        .map(a -> a.folder() + "/" + a.name())
                                        .collect(Collectors.joining(", ")),
                left.stream().map(a -> a.source().toString()).toList());
    }

    static Check migrationResources(Facts facts) {
        Optional<FilePresence> p = facts.ofType(FilePresence.class).stream()
                .filter(f -> f.role() == Role.NEW && f.relativePath().equals("migration-resources"))
                .findFirst();
        String title = "migration-resources is removed from the 3.1.0 home";
        if (p.isEmpty()) {
            return new Check(
                    "MIGRATION-RESOURCES-REMOVED",
                    "state",
                    title,
                    AfterReport.UNKNOWN,
                    "the 3.1.0 home was not scanned",
                    List.of());
        }
        return new Check(
                "MIGRATION-RESOURCES-REMOVED",
                "state",
                title,
                p.get().present() ? AfterReport.FAIL : AfterReport.PASS,
                p.get().present() ? "migration-resources is still in the 3.1.0 home" : "absent",
                List.of(p.get().source().toString()));
    }

    static Check indexingFrequency(Facts facts) {
        List<TomlSetting> set = facts.ofType(TomlSetting.class).stream()
                .filter(s -> s.role() == Role.NEW && s.key().equals(INDEXING_FREQUENCY))
                .toList();
        return new Check(
                "INDEXING-FREQUENCY-REVERTED",
                "state",
                "The temporary [indexing] frequency setting is removed from the 3.1.0 deployment.toml",
                set.isEmpty() ? AfterReport.PASS : AfterReport.FAIL,
                set.isEmpty()
                        ? "the new deployment.toml sets no [indexing] frequency"
                        : "[indexing] frequency is still set (remove it once the registry is re-indexed)",
                set.stream().map(s -> s.source().toString()).toList());
    }

    static Map<String, String> stockProtected() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Verification.class.getResourceAsStream(STOCK_PROTECTED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + STOCK_PROTECTED);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> out.put(l.substring(66).trim(), l.substring(0, 64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
