package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DB-MYSQL-PRIVILEGES on the loopback MariaDB: the MariaDB scenario's owner granted only the row privileges an
 * application needs at run time is a blocker naming each missing privilege with its script and the GRANT; once the
 * GRANT is given, the same installation assesses ready. Skips without the server, fails under CI=true.
 */
class MysqlPrivilegesEndToEndTest {
    private static final String ID = "DB-MYSQL-PRIVILEGES";

    @TempDir
    Path tmp;

    @Test
    void dbMysqlPrivilegesBlocksAUserWithRowPrivilegesOnlyAndPassesOnceTheNamedGrantIsGiven() throws Exception {
        Scenario scenario = Scenario.MARIADB_ANALYTICS;
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario)) {
            Path home = ScenarioGenerator.write(scenario, tmp.resolve("home"), databases.datasources());
            Path analytics = ScenarioGenerator.writeAnalytics(
                            scenario, tmp.resolve("analytics"), databases.datasources())
                    .orElseThrow();
            databases.grantOnlyOnEveryDatabase("SELECT, INSERT, UPDATE, DELETE");

            CliRun blocked = assess(home, analytics, "before");

            JsonNode before = condition(tmp.resolve("before/assessment.json"));
            assertThat(blocked.code()).as(blocked.err()).isEqualTo(ExitCode.BLOCKERS);
            assertThat(before.get("status").asText()).isEqualTo("APPLIES");
            assertThat(before.get("severity").asText()).isEqualTo("BLOCKER");
            assertThat(before.get("messages").toString())
                    .contains(
                            "datasource apim_db",
                            "CREATE on AM_API_CATEGORIES (am-3.0.0-to-3.1.0)",
                            "ALTER on AM_SYSTEM_APPS (am-3.0.0-to-3.1.0)",
                            "GRANT CREATE, ALTER ON",
                            "datasource shared_db",
                            "CREATE TEMPORARY TABLES on the database (reg-index)",
                            "GRANT CREATE TEMPORARY TABLES ON",
                            "datasource APIM_ANALYTICS_DB",
                            "ALTER on APILASTACCESSSUMMARY (analytics-lastaccess-pk)")
                    .doesNotContain(Scenario.plantedSecrets().get("db.password"));
            assertThat(blocked.out()).contains(ID);
            CliRun plan = CliRun.of(withAnalytics(
                    List.of(
                            "plan",
                            "--old",
                            home.toString(),
                            "--new",
                            Samples.home(Samples.TARGET).toString(),
                            "--out",
                            tmp.resolve("plan").toString()),
                    analytics));
            assertThat(java.nio.file.Files.readString(tmp.resolve("plan/runbook.md")))
                    .as(plan.err())
                    .contains(
                            "Grant the user of datasource shared_db what the migration scripts need on database",
                            "`DB-MYSQL-PRIVILEGES` · ManualStep · by hand",
                            "GRANT CREATE TEMPORARY TABLES ON `");

            databases.grantOnlyOnEveryDatabase(
                    "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, CREATE TEMPORARY TABLES");

            CliRun ready = assess(home, analytics, "after");

            JsonNode after = condition(tmp.resolve("after/assessment.json"));
            assertThat(after.get("status").asText()).as(after.toString()).isEqualTo("NOT_APPLICABLE");
            assertThat(after.get("messages").toString()).contains("holds every privilege");
            assertThat(ready.code()).as(ready.out()).isEqualTo(ExitCode.READY);
        }
    }

    private CliRun assess(Path home, Path analytics, String out) throws Exception {
        return CliRun.of(withAnalytics(
                List.of(
                        "assess",
                        "--old",
                        home.toString(),
                        "--new",
                        Samples.home(Samples.TARGET).toString(),
                        "--out",
                        tmp.resolve(out).toString(),
                        "--today",
                        "2026-11-25"),
                analytics));
    }

    private static String[] withAnalytics(List<String> args, Path analytics) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(
                "--old-analytics",
                analytics.toString(),
                "--new-analytics",
                Samples.home(Samples.ANALYTICS_TARGET).toString()));
        return all.toArray(String[]::new);
    }

    private static JsonNode condition(Path report) throws Exception {
        for (JsonNode c : new ObjectMapper().readTree(report.toFile()).get("conditions")) {
            if (c.get("id").asText().equals(ID)) {
                return c;
            }
        }
        throw new AssertionError("no " + ID + " in " + report);
    }
}
