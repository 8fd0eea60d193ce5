package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.SymbolicLink;
import dev.apimupgrade.fact.UnreadableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the symbolic links met in a home's copied trees lead. Each link becomes a fact; a walk follows it only when
 * its real target lies inside the home, so a scan never reads a file outside the installation through a link.
 */
final class HomeLinks {
    private final Role role;
    private final Path home;
    private final Path realHome;
    /** Links already recorded: a tree's folder is passed on the way to each of its tenants' folders. */
    private final Set<Path> recorded = new HashSet<>();

    HomeLinks(Role role, Path home) {
        this.role = role;
        this.home = home;
        Path real;
        try {
            real = home.toRealPath();
        } catch (IOException e) {
            real = home.toAbsolutePath().normalize();
        }
        this.realHome = real;
    }

    /**
     * Records the link at {@code link} and says whether a reader may go through it: true only when it resolves inside
     * the home. A link that resolves to nothing (dangling, or a loop of links) is an UnreadableFile of {@code area}.
     */
    boolean follow(String area, Path link, List<Observation> out) {
        String relative = Installation.relative(home, link);
        SourceRef source = SourceRef.file(role, relative);
        String written = written(link);
        boolean first = recorded.add(link);
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            if (first) {
                out.add(new UnreadableFile(
                        role,
                        area,
                        relative,
                        "is a symbolic link to " + written + ", which does not resolve ("
                                + e.getClass().getSimpleName() + ")",
                        source));
            }
            return false;
        }
        boolean inside = real.startsWith(realHome);
        if (first) {
            out.add(new SymbolicLink(role, relative, inside ? written : real.toString(), inside, source));
        }
        return inside;
    }

    /**
     * Whether a tree's folder may be read: when it, or a folder between the home and it, is a link out of the home,
     * that link is recorded and the answer is false.
     */
    boolean treeStaysInside(String area, String dir, List<Observation> out) {
        Path at = home;
        for (Path segment : Path.of(dir)) {
            at = at.resolve(segment.toString());
            if (Files.isSymbolicLink(at)) {
                if (!follow(area, at, out)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String written(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "(unreadable link)";
        }
    }
}
