package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Backup;
import dev.apimupgrade.execute.RunDirectory;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reads a migrate run folder given to plan (--run): the new home's files as they were before that run changed them. */
final class RunFolders {
    private RunFolders() {
    }

    static Map<String, Path> newHomeOriginals(Path folder) throws InputException {
        RunDirectory run = new RunDirectory(folder);
        if (!run.exists()) {
            throw new InputException(folder.toString(), "not a migrate run folder (no "
                    + run.journal().getFileName() + ")");
        }
        try {
            return Backup.newHomeOriginals(run);
        } catch (IOException e) {
            throw new InputException(run.journal().toString(), e.getMessage());
        }
    }
}
