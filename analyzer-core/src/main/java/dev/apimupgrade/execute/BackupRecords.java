package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks that the journal records at least what the backups show: every file under backup/ was saved with a backup
 * record, unless the home's file is still exactly that copy (a run killed between the copy and its record changed
 * nothing). A journal that records less (emptied, cut short with its head, or replaced) would make rollback claim a
 * state it cannot bring back, and a resume overwrite the only copy of a file as it was before the run.
 */
final class BackupRecords {
    private BackupRecords() {}

    static void requireRecorded(RunDirectory run, Journal journal, Homes homes) throws IOException, InputException {
        for (Role role : Role.values()) {
            Path saved = run.backup().resolve(role.name());
            if (!Files.isDirectory(saved, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> all = Files.walk(saved)) {
                // a copy killed before its rename leaves only its temporary file, which saved nothing
                files = all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> !p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))
                        .sorted()
                        .toList();
            }
            for (Path copy : files) {
                String name = Homes.name(role, saved.relativize(copy).toString());
                if (!journal.saved(name) && !unchanged(copy, homes, role, Homes.relativeOf(name))) {
                    throw new InputException(
                            journal.file().toString(),
                            "records less than the backups show: "
                                    + run.root().relativize(copy) + " has no backup record, and " + name
                                    + " is no longer"
                                    + " that copy. The journal was emptied, cut short or replaced; it cannot be trusted to"
                                    + " resume or roll back this run. Nothing was changed");
                }
            }
        }
    }

    private static boolean unchanged(Path copy, Homes homes, Role role, String relative) {
        if (Homes.problem(relative).isPresent() || !Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path home = homes.home(role).resolve(relative).normalize();
        return Files.isRegularFile(home, LinkOption.NOFOLLOW_LINKS)
                && FileDigest.sha256(copy).equals(FileDigest.sha256(home));
    }
}
