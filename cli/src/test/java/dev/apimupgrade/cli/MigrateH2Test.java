package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.scan.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate runs the plan's H2 scripts on copies of the default sample's databases, once; rollback undoes them. */
class MigrateH2Test {
    @TempDir
    Path tmp;

    @Test
    void theH2ScriptsRunOnceASecondRunRepeatsNoneAndRollbackPutsTheDatabaseFilesBackByteIdentical() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true);
        List<PlanStep> scripts = homes.plan().steps().stream().filter(s -> s.kind().equals("RunSqlScript")).toList();
        assertThat(scripts).isNotEmpty();
        Path am = homes.oldHome().resolve("repository/database/WSO2AM_DB.mv.db");
        String amBefore = FileDigest.sha256(am);
        String oldBefore = MigrateHomes.treeHash(homes.oldHome());
        String newBefore = MigrateHomes.treeHash(homes.newHome());
        Path run = tmp.resolve("run");

        CliRun dry = CliRun.of(homes.migrateArgs(run, "--dry-run").toArray(String[]::new));
        assertThat(dry.code()).as(dry.err()).isEqualTo(ExitCode.READY);
        assertThat(dry.out()).contains("sql/am-3.0.0-to-3.1.0/h2/01_am_tables.sql")
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
}
