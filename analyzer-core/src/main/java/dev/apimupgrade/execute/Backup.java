package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.scan.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Saves a home path under backup/&lt;ROLE&gt;/&lt;relative path&gt; before a step first changes it, and journals it
 * (existed or not, its SHA-256), so rollback can put back every file byte-identical and remove what the run added.
 * Only the first save of a path counts: a rerun never overwrites the backup with a state the run already changed.
 */
public final class Backup {
    private final RunDirectory run;
    private final Journal journal;
    private final Homes homes;

    public Backup(RunDirectory run, Journal journal, Homes homes) {
        this.run = run;
        this.journal = journal;
        this.homes = homes;
    }

    /** Saves a file or a whole folder (each file in it), or records that the path did not exist. */
    public void save(String stepId, Role role, String relative) throws IOException {
        String name = Homes.name(role, relative);
        Path path = homes.resolve(role, relative);
        boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        // a folder saved earlier may hold files added since (a manual step, a server start): still save those
        if (journal.saved(name) && !folder) {
            return;
        }
        if (folder) {
            if (!journal.saved(name)) {
                journal.append(JournalRecord.backup(stepId, name, true, true, null));
            }
            for (Path child : children(path)) {
                save(stepId, role, relative + "/" + child.getFileName());
            }
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            Path copy = copyOf(name);
            AtomicFiles.copy(path, copy);
            journal.append(JournalRecord.backup(stepId, name, true, false, FileDigest.sha256(copy)));
        } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " is neither a file nor a folder; the tool does not change it");
        } else {
            saveParentOf(stepId, role, relative);
            journal.append(JournalRecord.backup(stepId, name, false, false, null));
        }
    }

    /**
     * Saves many paths of one step, as {@link #save} does each: the paths that exist are saved one by one, the
     * records of those that do not (with their missing parent folders, parents first) go to the journal together,
     * with one flush, before the step creates any of them.
     */
    public void saveAll(String stepId, Role role, List<String> relatives) throws IOException {
        List<JournalRecord.Backup> absent = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (String relative : relatives) {
            if (Files.exists(homes.resolve(role, relative), LinkOption.NOFOLLOW_LINKS)) {
                save(stepId, role, relative);
            } else {
                recordAbsent(stepId, role, relative, absent, named);
            }
        }
        journal.appendAll(absent);
    }

    private void recordAbsent(
            String stepId, Role role, String relative, List<JournalRecord.Backup> out, Set<String> named) {
        String name = Homes.name(role, relative);
        if (journal.saved(name) || !named.add(name)) {
            return;
        }
        int slash = relative.lastIndexOf('/');
        // the files of one folder share their parent: it is looked at once (resolving a path checks every link on it)
        if (slash > 0
                && !recorded(Homes.name(role, relative.substring(0, slash)), named)
                && !Files.exists(homes.resolve(role, relative.substring(0, slash)))) {
            recordAbsent(stepId, role, relative.substring(0, slash), out, named);
        }
        out.add(JournalRecord.backup(stepId, name, false, false, null));
    }

    private boolean recorded(String name, Set<String> named) {
        return named.contains(name) || journal.saved(name);
    }

    /** A missing parent folder is recorded before the path, so rollback removes the path first, then the folder. */
    private void saveParentOf(String stepId, Role role, String relative) throws IOException {
        int slash = relative.lastIndexOf('/');
        if (slash > 0 && !Files.exists(homes.resolve(role, relative.substring(0, slash)))) {
            save(stepId, role, relative.substring(0, slash));
        }
    }

    /**
     * The new home's files as they were before a run changed them: each saved path (home-relative) with its saved
     * copy, or with a path that does not exist when the run added the file.
     */
    public static java.util.Map<String, Path> newHomeOriginals(RunDirectory run)
            throws IOException, dev.apimupgrade.scan.InputException {
        java.util.Map<String, Path> originals = new java.util.TreeMap<>();
        for (JournalRecord r : Journal.open(run.journal()).records()) {
            if (r instanceof JournalRecord.Backup b
                    && Homes.isHomeName(b.path())
                    && Homes.roleOf(b.path()) == Role.NEW
                    && !b.directory()) {
                originals.putIfAbsent(
                        Homes.relativeOf(b.path()),
                        b.existed()
                                ? copyOf(run, b.path())
                                : run.backup().resolve("absent").resolve(Homes.relativeOf(b.path())));
            }
        }
        return originals;
    }

    /** Where the saved copy of a home path is kept. */
    public Path copyOf(String name) {
        return copyOf(run, name);
    }

    private static Path copyOf(RunDirectory run, String name) {
        return run.backup().resolve(Homes.roleOf(name).name()).resolve(Homes.relativeOf(name));
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
