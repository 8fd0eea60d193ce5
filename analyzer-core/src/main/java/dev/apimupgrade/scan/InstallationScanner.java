package dev.apimupgrade.scan;

import dev.apimupgrade.fact.AssessmentDate;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.HomeGiven;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scan stage: checks the homes look like APIM homes, runs every scanner, and returns the facts. */
public final class InstallationScanner {
    private static final Logger LOG = LoggerFactory.getLogger(InstallationScanner.class);

    private final List<Scanner> scanners;
    private final LocalDate today;

    public InstallationScanner(List<Scanner> scanners, LocalDate today) {
        this.scanners = List.copyOf(scanners);
        this.today = today;
    }

    public Facts scan(Installation installation) throws InputException {
        requireApimHome(installation.oldHome(), "--old");
        if (installation.newHome().isPresent()) {
            requireApimHome(installation.newHome().get(), "--new");
        }
        List<Observation> facts = new ArrayList<>();
        facts.add(AssessmentDate.of(today));
        String oldGiven = installation
                .oldSnapshot()
                .map(Snapshot.Origin::snapshot)
                .orElse(installation.oldHome().toString());
        facts.add(new HomeGiven(Role.OLD, oldGiven, SourceRef.file(Role.OLD, ".")));
        installation
                .newHome()
                .ifPresent(h -> facts.add(new HomeGiven(Role.NEW, h.toString(), SourceRef.file(Role.NEW, "."))));
        long all = System.nanoTime();
        // the slow scanners that share nothing (the databases) start first, each on its own thread, and are waited for
        // in their place: the facts come in the order of the scanners, and the first failure in that order is the one
        // reported, as when they ran one after another
        Map<Scanner, FutureTask<List<Observation>>> beside = new IdentityHashMap<>();
        for (Scanner s : scanners) {
            if (s.sideBySide()) {
                FutureTask<List<Observation>> task = new FutureTask<>(() -> timed(s, installation));
                Thread t = new Thread(task, "apim-upgrade-scan");
                t.setDaemon(true);
                t.start();
                beside.put(s, task);
            }
        }
        try {
            for (Scanner s : scanners) {
                FutureTask<List<Observation>> task = beside.get(s);
                facts.addAll(task == null ? timed(s, installation) : result(task));
            }
        } finally {
            beside.values().forEach(t -> t.cancel(true));
        }
        LOG.debug(
                "scan: {} scanners, {} facts in {} ms",
                scanners.size(),
                facts.size(),
                (System.nanoTime() - all) / 1_000_000);
        return new Facts(facts);
    }

    private static List<Observation> timed(Scanner s, Installation installation) throws InputException {
        long started = System.nanoTime();
        // a snapshot's old home: what it could not carry is the recorded scanners' findings on the node
        List<Observation> found = Snapshot.asRecorded(s, installation, s.scan(installation));
        LOG.debug("scan {}: {} facts in {} ms", name(s), found.size(), (System.nanoTime() - started) / 1_000_000);
        return found;
    }

    private static List<Observation> result(FutureTask<List<Observation>> task) throws InputException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException input) {
                throw input;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The scanner's class name; a scanner made by a lambda (DatabaseScanner's) by the class that made it. */
    private static String name(Scanner s) {
        String name = s.getClass().getName();
        return name.substring(name.lastIndexOf('.') + 1).replaceFirst("\\$.*", "");
    }

    /** An APIM home has repository/conf; anything else is a usage error, named. */
    static void requireApimHome(Path home, String option) throws InputException {
        if (Files.isRegularFile(home)) {
            throw new InputException(
                    home.toString(),
                    option
                            + " names a file, not a home (a snapshot apim-upgrade collect made is read by assess and plan"
                            + " only: migrate, verify and rollback need the home itself)");
        }
        if (!Files.isDirectory(home)) {
            throw new InputException(home.toString(), option + " does not name a directory");
        }
        if (!Files.isDirectory(home.resolve("repository/conf"))) {
            throw new InputException(
                    home.toString(), option + " is not a WSO2 API Manager home (no repository/conf folder)");
        }
    }
}
