package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Role;
import java.nio.file.Path;
import java.util.Optional;

/** The homes being assessed: the 3.0.0 home (always) and the 3.1.0 target home (when given). */
public record Installation(Path oldHome, Optional<Path> newHome) {

    public Optional<Path> home(Role role) {
        return role == Role.OLD ? Optional.of(oldHome) : newHome;
    }

    /** A path inside a home, as facts cite it: relative, with forward slashes. */
    public static String relative(Path home, Path file) {
        return home.relativize(file).toString().replace('\\', '/');
    }
}
