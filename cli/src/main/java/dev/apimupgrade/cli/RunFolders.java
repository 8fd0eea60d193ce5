package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Backup;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.plan.MacKey;
import dev.apimupgrade.plan.PlanInputs;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a migrate run folder given to plan (--run): how its plan was made, and the new home's files as they were
 * before that run changed them.
 */
final class RunFolders {
    private RunFolders() {}

    /** How the plan the run executes was made, when its plan.json records it. */
    static Optional<PlanInputs> planInputs(Path folder) throws InputException {
        RunDirectory run = new RunDirectory(folder);
        if (!Files.isRegularFile(run.plan())) {
            return Optional.empty();
        }
        // the run's copy of its plan is signed with the run's key, not a plan.key beside it
        return Optional.ofNullable(
                PlanJson.read(run.plan(), MacKey.read(run.key(), run.plan().toString()))
                        .inputs());
    }

    static Map<String, Path> newHomeOriginals(Path folder) throws InputException {
        RunDirectory run = new RunDirectory(folder);
        if (!run.exists()) {
            throw new InputException(
                    folder.toString(),
                    "not a migrate run folder (no " + run.journal().getFileName() + ")");
        }
        try {
            return Backup.newHomeOriginals(run);
        } catch (IOException e) {
            throw new InputException(run.journal().toString(), e.getMessage());
        }
    }
}
