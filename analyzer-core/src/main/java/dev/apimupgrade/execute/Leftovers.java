package dev.apimupgrade.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run killed between writing a temporary file and renaming it over its target leaves {@code .<name>.apim-upgrade-tmp}
 * beside the target. The next migrate or rollback of the same run removes such files where the journal says this run
 * saved (and so may have written) a path: beside each saved path, and inside each saved folder. Temporary files
 * anywhere else are not this run's and are left alone.
 */
final class Leftovers {
    private Leftovers() {}

    /** Removes this run's temporary files from the homes; journals and returns each one removed. */
    static List<String> removeTemps(Journal journal, Homes homes) throws IOException {
        Set<Path> found = new LinkedHashSet<>();
        for (JournalRecord r : journal.records()) {
            if (!(r instanceof JournalRecord.Backup b) || !Homes.isHomeName(b.path())) {
                continue;
            }
            Path path = homes.resolve(b.path());
            Path beside = path.resolveSibling("." + path.getFileName() + AtomicFiles.TEMP_SUFFIX);
            if (Files.isRegularFile(beside, LinkOption.NOFOLLOW_LINKS)) {
                found.add(beside);
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> all = Files.walk(path)) {
                    all.filter(p -> p.getFileName().toString().startsWith(".")
                                    && p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)
                                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .forEach(found::add);
                }
            }
        }
        List<String> removed = new ArrayList<>();
        for (Path p : found) {
            if (Files.deleteIfExists(p)) {
                String name = name(homes, p);
                journal.append(JournalRecord.note(
                        JournalRecord.Event.TEMP_REMOVED, name + " (left by a run killed before its rename)"));
                removed.add(name);
            }
        }
        return removed;
    }

    private static String name(Homes homes, Path p) {
        for (dev.apimupgrade.fact.Role role : dev.apimupgrade.fact.Role.values()) {
            if (p.startsWith(homes.home(role))) {
                return Homes.name(role, homes.home(role).relativize(p).toString());
            }
        }
        return p.toString();
    }
}
