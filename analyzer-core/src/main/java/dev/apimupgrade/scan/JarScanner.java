package dev.apimupgrade.scan;

import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.MigrationArtefact;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.UnreadableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the jars of repository/components/dropins and lib in both homes (manifest headers, JDBC driver registration,
 * hash) and says which are stock, so rules can find custom bundles, custom libraries and JDBC drivers to carry over.
 */
public final class JarScanner implements Scanner {
    static final String COMPONENTS = "repository/components/";
    static final List<String> FOLDERS = List.of("dropins", "lib");
    /** Jars the migration tools have users drop in (docs/facts.md section 7); they are neither stock nor custom. */
    static final List<PathMatcher> MIGRATION_ARTEFACTS = Stream.of(
                    "org.wso2.carbon.is.migration-*.jar",
                    "org.wso2.carbon.apimgt.migrate.client-*.jar",
                    "tenantloader-*.jar")
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
            .toList();

    private final StockFiles stock;

    public JarScanner() {
        this(StockFiles.stock());
    }

    JarScanner(StockFiles stock) {
        this.stock = stock;
    }

    @Override
    public List<Observation> scan(Installation installation) {
        List<Observation> out = new ArrayList<>();
        for (Installation.Home home : installation.homes()) {
            for (String folder : FOLDERS) {
                Set<String> newNames = home.role() == Role.OLD
                        ? installation
                                .newHome()
                                .map(h -> names(h.resolve(COMPONENTS + folder)))
                                .orElse(Set.of())
                        : Set.of();
                scanFolder(home.role(), home.path(), folder, newNames, out);
            }
        }
        return out;
    }

    private void scanFolder(Role role, Path home, String folder, Set<String> newNames, List<Observation> out) {
        String dirPath = COMPONENTS + folder;
        Path dir = home.resolve(dirPath);
        boolean present = Files.isDirectory(dir);
        out.add(new FilePresence(role, dirPath, present, SourceRef.file(role, dirPath)));
        if (!present) {
            return;
        }
        HomeLinks links = new HomeLinks(role, home);
        if (!links.treeStaysInside(folder, dirPath, out)) {
            return;
        }
        for (Path jar : jars(role, dir, dirPath, out)) {
            String name = jar.getFileName().toString();
            String path = dirPath + "/" + name;
            SourceRef source = SourceRef.file(role, path);
            if (Files.isSymbolicLink(jar) && !links.follow(folder, jar, out)) {
                continue;
            }
            if (!Files.isRegularFile(jar)) {
                // a folder named like a jar is no jar: reported, so it cannot pass for "every jar is stock"
                out.add(new UnreadableFile(
                        role,
                        folder,
                        path,
                        Files.isDirectory(jar) ? "is a directory, not a jar" : "is not a regular file",
                        source));
                continue;
            }
            JarHeaders headers;
            String sha;
            try {
                headers = JarHeaders.read(jar);
                sha = FileDigest.sha256(jar);
            } catch (JarHeaders.NotAJar e) {
                // a truncated or non-zip file must not stop the assessment; the rules report it
                out.add(new UnreadableFile(role, folder, path, e.getMessage(), source));
                continue;
            } catch (UncheckedIOException e) {
                out.add(new UnreadableFile(
                        role, folder, path, "cannot be read (" + FileTree.causeName(e) + ")", source));
                continue;
            }
            boolean artefact = isMigrationArtefact(name);
            boolean stockJar =
                    !artefact && (role == Role.NEW || stock.listedJar(folder, name) || newNames.contains(name));
            out.add(new JarFile(
                    role,
                    folder,
                    name,
                    headers.osgiBundle(),
                    headers.symbolicName(),
                    headers.bundleVersion(),
                    headers.importPackage(),
                    headers.jdbcDriverClass(),
                    stockJar,
                    sha,
                    source));
            if (artefact) {
                out.add(new MigrationArtefact(role, folder, name, source));
            }
        }
    }

    static boolean isMigrationArtefact(String name) {
        Path p = Path.of(name);
        return MIGRATION_ARTEFACTS.stream().anyMatch(m -> m.matches(p));
    }

    /** Every entry named like a jar, whatever it is: a folder or a link of that name is judged, not skipped. */
    private static List<Path> jars(Role role, Path dir, String dirPath, List<Observation> out) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(JarScanner::isJarName).sorted().toList();
        } catch (IOException | RuntimeException e) {
            out.add(new UnreadableFile(
                    role,
                    dirPath.substring(COMPONENTS.length()),
                    dirPath,
                    "cannot be listed (" + e.getClass().getSimpleName() + ")",
                    SourceRef.file(role, dirPath)));
            return List.of();
        }
    }

    /** Jar names in a folder of the new home; an unreadable folder just gives no names (its own scan reports it). */
    private static Set<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            s.filter(JarScanner::isJar).forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    private static boolean isJarName(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    private static boolean isJar(Path p) {
        return isJarName(p) && Files.isRegularFile(p);
    }
}
