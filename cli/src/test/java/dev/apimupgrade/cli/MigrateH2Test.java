package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate runs the plan's H2 scripts on copies of the default sample's databases, once; rollback undoes them. */
class MigrateH2Test {
    @TempDir
    Path tmp;

    @Test
    void theH2ScriptsRunOnceASecondRunRepeatsNoneAndRollbackPutsTheDatabaseFilesBackByteIdentical() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true);
        List<PlanStep> scripts = homes.plan().steps().stream()
                .filter(s -> s.kind().equals("RunSqlScript"))
                .toList();
        assertThat(scripts).isNotEmpty();
        Path am = homes.oldHome().resolve("repository/database/WSO2AM_DB.mv.db");
        String amBefore = FileDigest.sha256(am);
        String oldBefore = MigrateHomes.treeHash(homes.oldHome());
        String newBefore = MigrateHomes.treeHash(homes.newHome());
        Path run = tmp.resolve("run");

        CliRun dry = CliRun.of(homes.migrateArgs(run, "--dry-run").toArray(String[]::new));
        assertThat(dry.code()).as(dry.err()).isEqualTo(ExitCode.READY);
        assertThat(dry.out())
                .contains("sql/am-3.0.0-to-3.1.0/h2/01_am_tables.sql")
                .containsPattern("ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT \"CONSTRAINT_[A-Z0-9_]+\"")
                .doesNotContain("${AM_SYSTEM_APPS_NAME_CONSTRAINT}");
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);

        CliRun first = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCode.READY);
        for (PlanStep s : scripts) {
            assertThat(first.out()).contains(s.id() + ": done");
        }
        String amAfter = FileDigest.sha256(am);
        assertThat(amAfter).isNotEqualTo(amBefore);
        assertThat(Files.readString(run.resolve("journal.jsonl"))).contains("\"type\":\"snapshot\"");

        CliRun second = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(second.code()).as(second.err()).isEqualTo(ExitCode.READY);
        assertThat(second.out()).doesNotContain(": done\n");
        assertThat(FileDigest.sha256(am)).isEqualTo(amAfter);

        CliRun rollback = CliRun.of("rollback", "--run", run.toString());
        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.READY);
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
        assertThat(MigrateHomes.treeHash(homes.newHome())).isEqualTo(newBefore);
    }

    @Test
    void aCompletedScriptWhoseTablesAreGoneStopsTheRerunBeforeTheStepInsteadOfCallingItDone() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true);
        Path run = tmp.resolve("run");
        CliRun first = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCode.READY);
        try (Connection c = amDb(homes);
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE AM_API_CATEGORIES");
        }

        CliRun again = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));

        assertThat(again.code()).as(again.out() + again.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.err()).contains("lacks table AM_API_CATEGORIES").contains("not started");
    }

    @Test
    void aRedoFromASnapshotThatIsNotTheJournalledOneIsRefusedAndRestoresNothing() throws Exception {
        MigrateHomes reference = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true);
        Path straight = tmp.resolve("run-straight");
        assertThat(CliRun.of(reference.migrateArgs(straight).toArray(String[]::new))
                        .code())
                .isEqualTo(ExitCode.READY);
        List<String> records = Files.readAllLines(straight.resolve("journal.jsonl"));
        int snapshot = 0;
        while (!records.get(snapshot).contains("\"type\":\"snapshot\"")) {
            snapshot++;
        }
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true);
        Path run = tmp.resolve("run");
        MigrateKillTest.killAfter(snapshot + 1, homes, run);
        Path copy;
        try (var files = Files.walk(run.resolve("exports/snapshots"))) {
            copy = files.filter(f -> f.toString().endsWith(".mv.db"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.write(copy, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        Path am = homes.oldHome().resolve("repository/database/WSO2AM_DB.mv.db");
        String amBefore = FileDigest.sha256(am);

        CliRun resumed = CliRun.of(homes.migrateArgs(run).toArray(String[]::new));

        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isEqualTo(ExitCode.STEP_FAILED);
        assertThat(resumed.err()).contains("SHA-256 differs").contains("Nothing was restored");
        assertThat(FileDigest.sha256(am)).isEqualTo(amBefore);
    }

    private static Connection amDb(MigrateHomes homes) throws Exception {
        DatasourceSpec am = DatasourceSpecs.read(
                        new Installation(homes.oldHome(), Optional.of(homes.newHome())), Map.of(), Map.of())
                .all()
                .stream()
                .filter(d -> d.connectUrl().endsWith("WSO2AM_DB"))
                .findFirst()
                .orElseThrow();
        return DriverManager.getConnection(am.connectUrl() + ";IFEXISTS=TRUE", am.user(), am.password());
    }
}
