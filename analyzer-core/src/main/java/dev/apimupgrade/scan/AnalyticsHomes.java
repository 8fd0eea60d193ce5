package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The API-M Analytics homes of an assessment, both optional: the 3.0.0 one (--old-analytics) whose configuration and
 * database are read, and the 3.1.0 one (--new-analytics) that must be prepared. Kept apart from {@link Installation}
 * so callers that assess API-M alone are unchanged.
 */
public record AnalyticsHomes(Optional<Path> oldHome, Optional<Path> newHome) {
    public static AnalyticsHomes none() {
        return new AnalyticsHomes(Optional.empty(), Optional.empty());
    }

    public Optional<Path> home(Role role) {
        return role == Role.OLD ? oldHome : newHome;
    }

    /** The analytics homes given, old first. */
    public List<Installation.Home> homes() {
        return Installation.homes(this::home);
    }

    /** An analytics home has conf/worker or conf/dashboard; anything else is a usage error, named. */
    public void requireAnalyticsHomes() throws InputException {
        for (Role role : Role.values()) {
            Optional<Path> home = home(role);
            String option = role == Role.OLD ? "--old-analytics" : "--new-analytics";
            if (home.isPresent() && !Files.isDirectory(home.get())) {
                throw new InputException(home.get().toString(), option + " does not name a directory");
            }
            if (home.isPresent()
                    && !Files.isDirectory(home.get().resolve(AnalyticsYaml.WORKER_FOLDER))
                    && !Files.isDirectory(home.get().resolve(AnalyticsYaml.DASHBOARD_FOLDER))) {
                throw new InputException(
                        home.get().toString(),
                        option + " is not an API-M Analytics home (no conf/worker or conf/dashboard folder)");
            }
        }
    }
}
