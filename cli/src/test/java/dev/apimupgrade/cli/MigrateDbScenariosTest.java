package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.SqlScripts;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * migrate end to end on the PostgreSQL and MariaDB scenarios (the real 3.0.0 schemas on the loopback servers), run as
 * an operator without a keyboard runs it: assess, plan with an answers file, migrate with the answers' confirmations
 * and backup location. The scripts this build leaves to the operator ({@link ScenarioMigration#SCRIPTS_BY_HAND_TODAY})
 * stop the run; the operator runs each as the runbook shows and confirms it. Afterwards the databases hold the 3.1.0
 * objects, the rows the tool deleted are in the run's exports, a second migrate applies nothing, verify passes and a
 * fresh plan finds nothing left to do; rollback restores every file byte-identical, re-inserts the exported rows and
 * names what it cannot undo. No planted secret reaches any output.
 */
class MigrateDbScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NULL_BINDINGS = "SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING"
            + " WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''";
    private static final String UNBOUND_REGISTRY_ROWS = "SELECT (SELECT COUNT(*) FROM REG_RESOURCE_TAG WHERE"
            + " REG_PATH_ID IS NULL) + (SELECT COUNT(*) FROM REG_RESOURCE_PROPERTY WHERE REG_PATH_ID IS NULL)";

    private static final String REINDEX_STEP = "IDX-RE-INDEXING:SetTomlValue:indexing.re_indexing";

    @TempDir
    Path tmp;

    private final List<CliRun> runs = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Scenario.class, names = {"POSTGRESQL", "MARIADB_ANALYTICS"})
    void migrateRunsThePlanToItsEndExportsWhatItDeletesLeavesNothingToDoAndRollbackRestoresFilesAndDeletedRows(
            Scenario scenario) throws Exception {
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario)) {
            ScenarioMigration m = ScenarioMigration.prepare(scenario, databases, tmp.resolve("homes"));
            assertThat(run(m.assess(tmp.resolve("assess"))).code()).as("assess before").isEqualTo(ExitCode.READY);
            assertThat(run(m.plan()).code()).as("plan").isEqualTo(ExitCode.READY);
            m.answerForMigrate(m.manualSteps());
            assertThat(m.scriptsByTheTool()).extracting(s -> s.params().get("script"))
                    .contains(SqlScripts.AM_UPGRADE, SqlScripts.SCOPE_BINDING_CLEANUP);
            Map<String, String> homesBefore = m.homeHashes();
            Path run = tmp.resolve("run");

            String migrated = migrateToTheEnd(m, run);

            for (PlanStep s : m.scriptsByTheTool()) {
                assertThat(migrated).contains(s.id() + ": done");
            }
            for (String table : List.of("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING")) {
                assertThat(databases.count("apim_db", "SELECT COUNT(*) FROM " + table)).as(table).isNotNegative();
            }
            assertThat(databases.count("apim_db", "SELECT COUNT(TENANT_DOMAIN) FROM AM_SYSTEM_APPS")).isEqualTo(2);
            assertThat(databases.count("apim_db", NULL_BINDINGS)).isZero();
            assertThat(databases.count("shared_db", UNBOUND_REGISTRY_ROWS)).isZero();
            assertThat(databases.count("shared_db", "SELECT COUNT(*) FROM REG_TAG")).as("the unused tag").isEqualTo(1);
            assertThat(exported(run, "DB-SCOPE-BINDING-NULL", "IDN_OAUTH2_SCOPE_BINDING", "SCOPE_BINDING"))
                    .containsExactlyInAnyOrder(null, "");
            if (byTheTool(scenario, SqlScripts.REGISTRY_VERSIONING_CLEANUP)) {
                assertThat(exported(run, "REG-VERSIONING-ENABLED", "REG_TAG", "REG_TAG_NAME")).containsExactly("draft");
                assertThat(exported(run, "REG-VERSIONING-ENABLED", "REG_PROPERTY", "REG_VALUE"))
                        .containsExactly("Created");
                assertThat(exported(run, "REG-VERSIONING-ENABLED", "REG_RESOURCE_TAG", "REG_VERSION"))
                        .containsExactlyInAnyOrder("1", "7");
            }

            Map<String, String> homesAfter = m.homeHashes();
            Map<String, String> databasesAfter = databases.schemaAndRows();
            CliRun second = run(m.migrate(run));
            assertThat(second.code()).as(second.out() + second.err()).isEqualTo(ExitCode.READY);
            assertThat(second.out()).doesNotContain(": done\n").doesNotContain("confirmed by the operator");
            assertThat(m.homeHashes()).as("homes after a second run").isEqualTo(homesAfter);
            assertThat(databases.schemaAndRows()).as("databases after a second run").isEqualTo(databasesAfter);

            nothingIsLeftToDo(m, run);

            CliRun rollback = run(CliRun.of("rollback", "--run", run.toString()));
            assertThat(rollback.code()).as(rollback.out() + rollback.err()).isEqualTo(ExitCode.READY);
            assertThat(m.homeHashes()).as("homes after rollback").isEqualTo(homesBefore);
            assertThat(databases.count("apim_db", NULL_BINDINGS)).as("bindings re-inserted").isEqualTo(2);
            assertThat(rollback.out()).contains("IDN_OAUTH2_SCOPE_BINDING.jsonl into apim_db.IDN_OAUTH2_SCOPE_BINDING:"
                    + " 2 row(s) re-inserted").containsPattern("NOT UNDONE: DB-AM-UPGRADE:\\S+ changed the schema")
                    .contains(ScenarioMigration.DATABASE_BACKUP);
            if (byTheTool(scenario, SqlScripts.REGISTRY_VERSIONING_CLEANUP)) {
                assertThat(databases.count("shared_db", "SELECT COUNT(*) FROM REG_TAG")).as("tag back").isEqualTo(2);
                assertThat(rollback.out()).containsPattern("NOT REPLAYED: \\S+/REG_RESOURCE_TAG.jsonl holds rows \\S+"
                        + " updated in place");
            }
            for (PlanStep s : m.scriptsByHandToday()) {
                assertThat(rollback.out()).contains("NOT UNDONE: " + s.id() + " was done by hand");
            }
            assertThat(leaks()).isEmpty();
        }
    }

    /**
     * Runs migrate until it ends: each script step this build leaves to the operator today stops it (exit 4, naming
     * the step and what the tool runs itself); the operator runs the script and confirms the step. Returns all output.
     */
    private String migrateToTheEnd(ScenarioMigration m, Path run) throws Exception {
        StringBuilder out = new StringBuilder();
        CliRun r = run(m.migrate(run));
        for (PlanStep step : m.scriptsByHandToday()) {
            out.append(r.out());
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.NEEDS_OPERATOR);
            assertThat(r.out()).contains("STOPPED at " + step.id() + ".").contains("this build runs only")
                    .contains("--confirm " + step.id());
            String failsToday = m.scenario().server() == Scenario.Server.MARIADB
                    ? ScenarioMigration.SCRIPT_FAILS_ON_MARIADB_TODAY.get(step.params().get("script")) : null;
            if (failsToday == null) {
                m.runByHand(step);
            } else {
                assertThatThrownBy(() -> m.runByHand(step)).as("the guide's script, run by hand")
                        .hasMessageContaining(failsToday);
            }
            r = run(m.migrate(run, "--confirm", step.id()));
        }
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.READY);
        return out.append(r.out()).toString();
    }

    /**
     * verify passes (every step of the plan checked PASS, the 3.1.0 tables present); assess now reports as blockers
     * only that the AM script has run; and a fresh plan, dry-run against the run's journal, has every step already
     * done or confirmed.
     */
    private void nothingIsLeftToDo(ScenarioMigration m, Path run) throws Exception {
        CliRun verified = run(m.verify(run, tmp.resolve("verify")));
        assertThat(verified.code()).as(verified.out() + verified.err()).isEqualTo(ExitCode.READY);
        Map<String, String> checks = new TreeMap<>();
        JSON.readTree(tmp.resolve("verify/after-report.json").toFile()).get("checks")
                .forEach(c -> checks.put(c.get("id").asText(), c.get("status").asText()));
        assertThat(checks).containsEntry("DB-3.1.0-TABLES", "PASS");
        for (PlanStep s : m.steps()) {
            assertThat(checks).as(s.id()).containsEntry(s.id(), "PASS");
        }

        CliRun assessed = run(m.assess(tmp.resolve("assess-after")));
        assertThat(assessed.out()).contains("PRE-ALREADY-MIGRATED").contains("DB-AM-SYSAPPS-CONSTRAINT")
                .contains("2 blockers");
        CliRun planned = run(m.planInto(tmp.resolve("plan-after")));
        assertThat(planned.err()).isEmpty();
        List<String> args = new ArrayList<>(List.of("migrate", "--plan",
                tmp.resolve("plan-after/plan.json").toString(), "--run", run.toString(), "--dry-run"));
        args.addAll(m.installation());
        CliRun dry = run(CliRun.of(args.toArray(String[]::new)));
        assertThat(dry.code()).as(dry.out() + dry.err()).isEqualTo(ExitCode.READY);
        Map<String, List<String>> byStep = dryRunLines(dry.out());
        assertThat(byStep).containsKey(REINDEX_STEP);
        // a plan made after the migration would set re_indexing once more: IDX-RE-INDEXING asks for the value the new
        // home has plus one, which has no fixed point (reported; the rule, not migrate, would have to change)
        assertThat(byStep.remove(REINDEX_STEP)).contains("  -re_indexing = 1", "  +re_indexing = 2");
        byStep.forEach((step, lines) -> assertThat(lines).as(step).isNotEmpty().allSatisfy(l -> assertThat(l)
                .matches("  (already done: .*|done earlier \\(confirmed\\))")));
    }

    /** The dry run's lines under each step title (the unindented lines), by step. */
    private static Map<String, List<String>> dryRunLines(String out) {
        Map<String, List<String>> byStep = new java.util.LinkedHashMap<>();
        String step = null;
        for (String line : out.lines().toList()) {
            if (!line.startsWith("  ") && line.contains(":") && !line.startsWith("Dry run")) {
                step = line;
                byStep.putIfAbsent(step, new ArrayList<>());
            } else if (step != null && line.startsWith("  ")) {
                byStep.get(step).add(line);
            }
        }
        return byStep;
    }

    private static boolean byTheTool(Scenario scenario, String script) {
        return !ScenarioMigration.SCRIPTS_BY_HAND_TODAY.get(scenario.server()).contains(script);
    }

    /** One column of the rows a step exported for a table (PostgreSQL names columns in lower case). */
    private static List<String> exported(Path run, String condition, String table, String column) throws Exception {
        Path dir;
        try (Stream<Path> dirs = Files.list(run.resolve("exports"))) {
            dir = dirs.filter(d -> d.getFileName().toString().startsWith(condition + "_")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(dir.resolve(table + ".jsonl"));
        List<String> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            JsonNode row = JSON.readTree(line);
            JsonNode v = Optional.ofNullable(row.get(column)).orElse(row.get(column.toLowerCase(java.util.Locale.ROOT)));
            values.add(v == null || v.isNull() ? null : v.asText());
        }
        return values;
    }

    private CliRun run(CliRun r) {
        runs.add(r);
        return r;
    }

    /**
     * Every planted secret found in what the commands printed or wrote: their output, the reports, and the run folder
     * except backup/ and rolled-back-aside/, which hold byte copies of home files (secrets included) to restore them.
     */
    private List<String> leaks() throws Exception {
        List<String> secrets = new ArrayList<>(Scenario.plantedSecrets().values());
        secrets.addAll(Samples.plantedSecrets().values());
        StringBuilder all = new StringBuilder();
        runs.forEach(r -> all.append(r.out()).append(r.err()));
        Path run = tmp.resolve("run");
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.startsWith(tmp.resolve("homes")) && !f.startsWith(run.resolve("backup"))
                        && !f.startsWith(run.resolve(dev.apimupgrade.execute.Rollback.SET_ASIDE))) {
                    all.append(f).append('\n').append(Files.readString(f));
                }
            }
        }
        return secrets.stream().filter(s -> all.toString().contains(s)).toList();
    }
}
