package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Rollback;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.execute.RunOutcome;
import dev.apimupgrade.execute.RunRefusedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rollback}: puts back every file a migrate run changed, byte-identical, from the run's backup folder, removes
 * what it added, and says plainly what it cannot undo (the steps done by hand).
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the homes as they were before the migrate run kept in --run.", footer = ExitCode.HELP)
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "<dir>", description = "The run folder migrate used.")
    Path runDir;

    @Option(names = "--break-lock", description = "Remove a lock left by a run that is no longer active (journalled).")
    boolean breakLock;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            RunOutcome outcome = Rollback.of(new RunDirectory(runDir), breakLock);
            outcome.lines().forEach(out::println);
            boolean kept = outcome.lines().stream().anyMatch(l -> l.startsWith("kept "));
            out.println(kept ? "Rolled back, except the paths listed as kept above."
                    : "Rolled back: every file the run changed is as it was before the run.");
            out.println("What was there before the rollback (if it differed) is kept in "
                    + runDir.resolve(Rollback.SET_ASIDE) + ".");
            return kept ? ExitCode.REFUSED : ExitCode.READY;
        } catch (RunRefusedException e) {
            spec.commandLine().getErr().println("apim-upgrade: refused: " + e.getMessage());
            return ExitCode.REFUSED;
        }
    }
}
