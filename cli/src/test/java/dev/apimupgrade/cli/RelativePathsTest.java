package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths given relative to the working directory work in every command, migrate's H2 scripts included. */
class RelativePathsTest {
    @TempDir
    Path tmp;

    @Test
    void migrateAndRollbackWithRelativeHomePlanAndRunPathsRunTheH2ScriptsAndUndoThem() throws Exception {
        MigrateHomes homes = MigrateHomes.of(Samples.DEFAULT, tmp.resolve("homes"), true);
        String oldBefore = MigrateHomes.treeHash(homes.oldHome());
        Path run = tmp.resolve("run");
        List<String> args =
                homes.migrateArgs(run).stream().map(RelativePathsTest::relative).toList();
        assertThat(args).contains(relative(homes.oldHome().toString())).noneMatch(a -> a.startsWith(tmp.toString()));

        CliRun migrate = CliRun.of(args.toArray(String[]::new));
        assertThat(migrate.code()).as(migrate.out() + migrate.err()).isEqualTo(ExitCode.READY);
        List<PlanStep> scripts = homes.plan().steps().stream()
                .filter(s -> s.kind().equals("RunSqlScript"))
                .toList();
        assertThat(scripts).isNotEmpty();
        for (PlanStep s : scripts) {
            assertThat(migrate.out()).contains(s.id() + ": done");
        }

        CliRun rollback = CliRun.of("rollback", "--run", relative(run.toString()));
        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCode.READY);
        assertThat(MigrateHomes.treeHash(homes.oldHome())).isEqualTo(oldBefore);
    }

    /** An absolute path under the test folder, relative to the working directory; any other argument as it is. */
    private static String relative(String arg) {
        Path p = Path.of(arg);
        return p.isAbsolute() ? Path.of("").toAbsolutePath().relativize(p).toString() : arg;
    }
}
