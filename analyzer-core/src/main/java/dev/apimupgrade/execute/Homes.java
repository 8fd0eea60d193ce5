package dev.apimupgrade.execute;

import dev.apimupgrade.fact.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * A path inside a home; throws IllegalArgumentException when the relative path leaves it, by its text (an absolute
     * path, a {@code ..} segment) or through a symbolic link on the way (a folder, or the path itself, linked out).
     */
    public Path resolve(Role role, String relative) {
        Optional<String> bad = problem(relative);
        if (bad.isPresent()) {
            throw new IllegalArgumentException(
                    "'" + relative + "' is not a path inside the " + role + " home: " + bad.get());
        }
        Path home = home(role);
        Path p = home.resolve(relative).normalize();
        linkOut(home, p).ifPresent(out -> {
            throw new IllegalArgumentException(
                    "'" + relative + "' leaves the " + role + " home through a symbolic" + " link (" + out + ")");
        });
        return p;
    }

    /**
     * What is wrong with a home-relative path by its text alone: blank, absolute, a drive or a {@code ..} segment, or
     * a control character; empty when it names a path inside a home.
     */
    public static Optional<String> problem(String relative) {
        if (relative == null || relative.isBlank()) {
            return Optional.of("it is empty");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            return Optional.of("it is absolute, where a path relative to the home belongs");
        }
        for (String segment : relative.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return Optional.of("it climbs out with '..'");
            }
        }
        if (relative.chars().anyMatch(c -> c < 0x20)) {
            return Optional.of("it holds a control character");
        }
        return Optional.empty();
    }

    /**
     * Where a path inside a home leads out of it through a link, if it does: the deepest part of it that exists is
     * resolved (following links) and must stay in the home's own real location. A dangling link at the end is judged
     * by its folder (writing replaces the link, reading it fails).
     */
    static Optional<String> linkOut(Path home, Path path) {
        if (!Files.exists(home)) {
            return Optional.empty();
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        try {
            Path realHome = home.toRealPath();
            Path real;
            try {
                real = existing.toRealPath();
            } catch (IOException dangling) {
                if (!existing.equals(path) || !Files.isSymbolicLink(existing) || existing.equals(home)) {
                    throw dangling;
                }
                real = AtomicFiles.parentOf(existing).toRealPath().resolve(existing.getFileName());
            }
            return real.startsWith(realHome) ? Optional.empty() : Optional.of("it leads to " + real);
        } catch (IOException e) {
            return Optional.of("it cannot be resolved: " + e.getMessage());
        }
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
