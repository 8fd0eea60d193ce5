package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import java.nio.file.Path;

/**
 * The two homes a run works on, resolving the "OLD:relative/path" and "NEW:relative/path" names plans and journals
 * use; a name that would leave its home (.., an absolute path) is refused, so a plan cannot write elsewhere.
 */
public record Homes(Path oldHome, Path newHome) {
    public Homes {
        oldHome = oldHome.toAbsolutePath().normalize();
        newHome = newHome.toAbsolutePath().normalize();
    }

    public Path home(Role role) {
        return role == Role.OLD ? oldHome : newHome;
    }

    /** A path inside a home; throws IllegalArgumentException when the relative path leaves it. */
    public Path resolve(Role role, String relative) {
        Path home = home(role);
        Path p = home.resolve(relative).normalize();
        if (relative.isBlank() || Path.of(relative).isAbsolute() || !p.startsWith(home) || p.equals(home)) {
            throw new IllegalArgumentException("'" + relative + "' is not a path inside the " + role + " home");
        }
        return p;
    }

    /** "OLD:repository/x" -> the file; a name without a home prefix is refused. */
    public Path resolve(String name) {
        return resolve(roleOf(name), relativeOf(name));
    }

    public static boolean isHomeName(String name) {
        return name.startsWith(Role.OLD + ":") || name.startsWith(Role.NEW + ":");
    }

    public static Role roleOf(String name) {
        if (!isHomeName(name)) {
            throw new IllegalArgumentException("'" + name + "' does not name a file of the OLD or NEW home");
        }
        return Role.valueOf(name.substring(0, name.indexOf(':')));
    }

    public static String relativeOf(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    public static String name(Role role, String relative) {
        return role + ":" + relative.replace('\\', '/');
    }
}
