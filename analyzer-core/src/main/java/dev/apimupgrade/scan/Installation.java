package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Role;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The homes being assessed: the 3.0.0 home (always) and the 3.1.0 target home (when given). A plan made in the middle
 * of a run also knows the new home's files as they were before the run changed them ({@code newHomeAsPlanned}:
 * relative path to the run's saved copy, a path that does not exist for a file the run added), so comparisons with
 * the new home judge the old files against what the first plan saw, not against what the run already put there.
 * When the old home was given as a snapshot {@code apim-upgrade collect} made on its node, {@code oldHome} is the
 * snapshot unpacked in a private folder and {@code oldSnapshot} says where it came from (ADR 0034).
 */
public record Installation(
        Path oldHome,
        Optional<Path> newHome,
        Map<String, Path> newHomeAsPlanned,
        Optional<Snapshot.Origin> oldSnapshot) {
    public Installation {
        newHomeAsPlanned = Map.copyOf(newHomeAsPlanned);
    }

    public Installation(Path oldHome, Optional<Path> newHome, Map<String, Path> newHomeAsPlanned) {
        this(oldHome, newHome, newHomeAsPlanned, Optional.empty());
    }

    public Installation(Path oldHome, Optional<Path> newHome) {
        this(oldHome, newHome, Map.of());
    }

    public Optional<Path> home(Role role) {
        return role == Role.OLD ? Optional.of(oldHome) : newHome;
    }

    /** A home that is there, with its role. */
    public record Home(Role role, Path path) {}

    /** The homes given, old first: what a scanner walks when it reads the same files in each home. */
    public List<Home> homes() {
        return homes(this::home);
    }

    /** The homes {@code home} gives, old first. */
    static List<Home> homes(Function<Role, Optional<Path>> home) {
        return Arrays.stream(Role.values())
                .flatMap(r -> home.apply(r).map(p -> new Home(r, p)).stream())
                .toList();
    }

    /** A path inside a home, as facts cite it: relative, with forward slashes. */
    public static String relative(Path home, Path file) {
        return home.relativize(file).toString().replace('\\', '/');
    }
}
