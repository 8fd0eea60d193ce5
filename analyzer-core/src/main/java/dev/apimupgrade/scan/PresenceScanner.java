package dev.apimupgrade.scan;

import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Records whether the paths some conditions hinge on exist: traces of a started 3.1.0 pack (solr index, log), the
 * identity migration resources and tenant loader in the new home, and the H2 database files of both homes.
 */
public final class PresenceScanner implements Scanner {
    static final List<String> NEW_PATHS = List.of(
            "solr",
            "repository/logs/wso2carbon.log",
            "migration-resources",
            "repository/components/dropins/tenantloader-1.0.jar");
    static final String DATABASE_DIR = "repository/database";
    static final String H2_SUFFIX = ".mv.db";

    @Override
    public List<Observation> scan(Installation installation) {
        List<Observation> out = new ArrayList<>();
        h2Files(Role.OLD, installation.oldHome(), out);
        Optional<Path> neu = installation.newHome();
        if (neu.isPresent()) {
            for (String path : NEW_PATHS) {
                out.add(new FilePresence(
                        Role.NEW, path, Files.exists(neu.get().resolve(path)), SourceRef.file(Role.NEW, path)));
            }
            h2Files(Role.NEW, neu.get(), out);
        }
        return out;
    }

    /** One fact per H2 file, or one absent fact for the pattern when there is none. */
    private static void h2Files(Role role, Path home, List<Observation> out) {
        Path dir = home.resolve(DATABASE_DIR);
        List<String> names = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                names = s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(H2_SUFFIX))
                        .sorted()
                        .toList();
            } catch (IOException | RuntimeException e) {
                out.add(FileTree.problem(role, DATABASE_DIR, e));
            }
        }
        for (String name : names) {
            String path = DATABASE_DIR + "/" + name;
            out.add(new FilePresence(role, path, true, SourceRef.file(role, path)));
        }
        if (names.isEmpty()) {
            String pattern = DATABASE_DIR + "/*" + H2_SUFFIX;
            out.add(new FilePresence(role, pattern, false, SourceRef.file(role, DATABASE_DIR)));
        }
    }
}
