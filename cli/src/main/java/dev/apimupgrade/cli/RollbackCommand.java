package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Homes;
import dev.apimupgrade.execute.Rollback;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.execute.RunOutcome;
import dev.apimupgrade.execute.RunRecord;
import dev.apimupgrade.execute.RunRefusedException;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code rollback}: puts back every file a migrate run changed, byte-identical, from the run's backup folder, removes
 * what it added, and says plainly what it cannot undo (the steps done by hand).
 */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Restore the homes as they were before the migrate run kept in --run.")
public final class RollbackCommand implements Callable<Integer> {
    /** --verbose and --log (every command has them). */
    @Mixin
    LogOptions log;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--run", required = true, paramLabel = "<dir>", description = "The run folder migrate used.")
    Path runDir;

    @Option(names = "--break-lock", description = "Remove a lock left by a run that is no longer active (journalled).")
    boolean breakLock;

    @Override
    public Integer call() throws IOException, InputException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RunDirectory run = new RunDirectory(runDir);
            log.runFolder(run.root());
            RunOutcome outcome = Rollback.of(run, breakLock, datasources(run));
            outcome.lines().forEach(out::println);
            boolean kept = outcome.lines().stream().anyMatch(l -> l.startsWith("kept "));
            out.println(
                    kept
                            ? "Rolled back, except the paths listed as kept above."
                            : "Rolled back: every file the run changed is as it was before the run.");
            out.println("What was there before the rollback (if it differed) is kept in "
                    + runDir.resolve(Rollback.SET_ASIDE) + ".");
            return kept ? ExitCode.REFUSED : ExitCode.READY;
        } catch (RunRefusedException e) {
            spec.commandLine().getErr().println("apim-upgrade: refused: " + e.getMessage());
            return ExitCode.REFUSED;
        }
    }

    /**
     * The run's datasources, read from its old home as migrate read them (passwords from the environment), so the
     * row exports can be replayed; none when the run folder or the configuration cannot be read, and then rollback
     * only names the exports.
     */
    private Optional<DatasourceSpecs> datasources(RunDirectory run) {
        try {
            Homes homes = RunRecord.read(run).homes();
            return Optional.of(DatasourceSpecs.read(
                    new Installation(homes.oldHome(), Optional.of(homes.newHome())),
                    Map.of(),
                    main == null ? System.getenv() : main.environment));
        } catch (InputException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
