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
import java.util.List;

/** The scan stage: checks the homes look like APIM homes, runs every scanner, and returns the facts. */
public final class InstallationScanner {
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
        for (Scanner s : scanners) {
            // a snapshot's old home: what it could not carry is the recorded scanners' findings on the node
            facts.addAll(Snapshot.asRecorded(s, installation, s.scan(installation)));
        }
        return new Facts(facts);
    }

    /** An APIM home has repository/conf; anything else is a usage error, named. */
    static void requireApimHome(Path home, String option) throws InputException {
        if (Files.isRegularFile(home)) {
            throw new InputException(
                    home.toString(),
                    option + " names a file, not a home (a snapshot apim-upgrade collect made is read by assess only)");
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
