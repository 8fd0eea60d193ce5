package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * migrate on the PostgreSQL and MariaDB scenarios in a child JVM, SIGKILLed (destroyForcibly) at exact journal records
 * (FreezeAfterListener): with a script's first export written but not journalled (inside its
 * transaction on PostgreSQL, before any statement on MariaDB), after its last export (committed but no outcome on
 * PostgreSQL; after the first DDL statement or the committed DELETE on MariaDB) and half-way through a guarded DDL
 * script. Each time the databases are loaded afresh under the same names; the rerun must end with the same homes
 * (tree hashes) and the same schema and rows in every table as an uninterrupted run.
 */
class MigrateDbKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Scenario.class,
            names = {"POSTGRESQL", "MARIADB_ANALYTICS"})
    void aRunKilledBetweenExportAndScriptInsideAScriptOrBeforeItsOutcomeAndRerunEndsAsAnUninterruptedRun(
            Scenario scenario) throws Exception {
        String owner = ScenarioDatabases.uniqueOwner();
        Path root = tmp.resolve("homes");
        Map<String, String> expectedHomes;
        Map<String, String> expectedTables;
        List<String> journal;
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario, owner)) {
            ScenarioMigration m = readyToMigrate(ScenarioMigration.prepare(scenario, databases, root, true));
            m.keepPristine(tmp.resolve("pristine"));
            Path straight = tmp.resolve("run-straight");
            CliRun uninterrupted = m.migrate(straight);
            assertThat(uninterrupted.code())
                    .as(uninterrupted.out() + uninterrupted.err())
                    .isEqualTo(ExitCode.READY);
            expectedHomes = m.homeHashes();
            expectedTables = databases.schemaAndRows();
            journal = Files.readAllLines(straight.resolve("journal.jsonl"));
        }

        for (int n : killPoints(journal)) {
            long started = System.nanoTime();
            try (ScenarioDatabases databases = ScenarioDatabases.create(scenario, owner)) {
                ScenarioMigration m =
                        readyToMigrate(ScenarioMigration.copyOf(tmp.resolve("pristine"), scenario, databases, root));
                Path run = tmp.resolve("run-killed-" + n);
                killAfter(n, m, run);
                assertThat(Files.readAllLines(run.resolve("journal.jsonl")))
                        .as("records before the kill")
                        .hasSize(n);

                CliRun resumed = m.migrate(run);

                assertThat(resumed.code())
                        .as("resumed after %s records: %s%s", n, resumed.out(), resumed.err())
                        .isEqualTo(ExitCode.READY);
                assertThat(m.homeHashes())
                        .as("homes, killed after %s records (%s)", n, journal.get(n))
                        .isEqualTo(expectedHomes);
                assertThat(differences(expectedTables, databases.schemaAndRows()))
                        .as("tables, killed after %s records (%s)", n, journal.get(n))
                        .isEmpty();
                assertThat(leaks(resumed.out() + resumed.err(), run))
                        .as("planted secrets")
                        .isEmpty();
            }
            System.err.printf(
                    "%s: killed after %d records, rerun ended as an uninterrupted run (%d s)%n",
                    scenario, n, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Scenario.class,
            names = {"POSTGRESQL", "MARIADB_ANALYTICS"})
    void rollbackAfterARunKilledBetweenACommittedDeleteAndItsOutcomeRestoresTheFilesAndReinsertsTheExportedRows(
            Scenario scenario) throws Exception {
        String owner = ScenarioDatabases.uniqueOwner();
        Path root = tmp.resolve("homes");
        int afterTheDelete;
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario, owner)) {
            ScenarioMigration m = readyToMigrate(ScenarioMigration.prepare(scenario, databases, root, true));
            m.keepPristine(tmp.resolve("pristine"));
            assertThat(m.migrate(tmp.resolve("run-straight")).code()).isEqualTo(ExitCode.READY);
            afterTheDelete =
                    exportOf(Files.readAllLines(tmp.resolve("run-straight/journal.jsonl")), "DB-SCOPE-BINDING-NULL")
                            + 1;
        }
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario, owner)) {
            ScenarioMigration m =
                    readyToMigrate(ScenarioMigration.copyOf(tmp.resolve("pristine"), scenario, databases, root));
            Map<String, String> homesBefore = m.homeHashes();
            Path run = tmp.resolve("run-killed");
            killAfter(afterTheDelete, m, run);
            assertThat(databases.count("apim_db", NULL_BINDINGS))
                    .as("the DELETE committed before the kill")
                    .isZero();

            CliRun rollback = CliRun.of("rollback", "--run", run.toString());

            assertThat(rollback.code()).as(rollback.out() + rollback.err()).isEqualTo(ExitCode.READY);
            assertThat(m.homeHashes()).isEqualTo(homesBefore);
            assertThat(databases.count("apim_db", NULL_BINDINGS))
                    .as(rollback.out())
                    .isEqualTo(2);
            assertThat(rollback.out()).contains("IDN_OAUTH2_SCOPE_BINDING: 2 row(s) re-inserted");
        }
    }

    private static final String NULL_BINDINGS =
            "SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING" + " WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''";

    /** The index of the (last) export record of the step of that condition. */
    private static int exportOf(List<String> journal, String condition) throws Exception {
        int at = -1;
        for (int i = 0; i < journal.size(); i++) {
            JsonNode r = JSON.readTree(journal.get(i));
            if (r.path("type").asText().equals("export")
                    && r.path("step").asText().startsWith(condition + ":")) {
                at = i;
            }
        }
        assertThat(at).as("an export of " + condition).isNotNegative();
        return at;
    }

    /** The homes written and planned, the answers confirming every manual step (the tool runs every script). */
    static ScenarioMigration readyToMigrate(ScenarioMigration m) throws Exception {
        CliRun planned = m.plan();
        assertThat(planned.code()).as(planned.out() + planned.err()).isEqualTo(ExitCode.READY);
        m.answerForMigrate(m.manualSteps());
        return m;
    }

    /**
     * Record counts to freeze at, from the uninterrupted run's journal, for each script the tool ran: just before its
     * first export is journalled, just after its last, and (a guarded DDL script) after half of its statements. Kills
     * at the file steps' boundaries are MigrateKillTest's.
     */
    static List<Integer> killPoints(List<String> journal) throws Exception {
        TreeSet<Integer> points = new TreeSet<>();
        Map<String, List<Integer>> exports = new TreeMap<>();
        Map<String, List<Integer>> statements = new TreeMap<>();
        for (int i = 0; i < journal.size(); i++) {
            JsonNode r = JSON.readTree(journal.get(i));
            String type = r.path("type").asText();
            if (type.equals("export")) {
                exports.computeIfAbsent(r.path("step").asText(), k -> new ArrayList<>())
                        .add(i);
            } else if (type.equals("note") && r.path("status").asText().equals("statement-ran")) {
                String step = r.path("detail").asText().split(" ")[0];
                statements.computeIfAbsent(step, k -> new ArrayList<>()).add(i);
            }
        }
        assertThat(exports).as("scripts run by the tool").isNotEmpty();
        exports.values().forEach(at -> {
            points.add(at.get(0));
            points.add(at.get(at.size() - 1) + 1);
        });
        statements.values().forEach(at -> points.add(at.get(at.size() / 2) + 1));
        return List.copyOf(points);
    }

    static void killAfter(int records, ScenarioMigration m, Path run) throws Exception {
        Path log = run.resolveSibling(run.getFileName() + ".log");
        Process child = MigrateKillTest.start(m.migrateArgs(run), records, log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(log) && Files.readString(log).contains(FreezeAfterListener.FROZEN))) {
                if (!child.isAlive()) {
                    throw new AssertionError("the child run ended (exit " + child.exitValue() + ") before it froze: "
                            + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the child run did not freeze within 120 s");
                }
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Planted secrets in the text, the killed child's log or the run folder (except backup/, byte copies of home files
     * kept to restore them, secrets included).
     */
    static List<String> leaks(String text, Path run) throws Exception {
        StringBuilder all =
                new StringBuilder(text).append(Files.readString(run.resolveSibling(run.getFileName() + ".log")));
        try (java.util.stream.Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(run.resolve("backup")))
                    .toList()) {
                all.append(Files.readString(f));
            }
        }
        List<String> secrets = new ArrayList<>(Scenario.plantedSecrets().values());
        secrets.addAll(dev.apimupgrade.samples.Samples.plantedSecrets().values());
        return secrets.stream().filter(s -> all.toString().contains(s)).toList();
    }

    private static Map<String, String> differences(Map<String, String> expected, Map<String, String> actual) {
        Map<String, String> out = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                out.put(k, "expected " + v + ", was " + actual.get(k));
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> out.put(k, "not expected"));
        return out;
    }
}
