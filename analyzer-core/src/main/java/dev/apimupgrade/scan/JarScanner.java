package dev.apimupgrade.scan;

import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.MigrationArtefact;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the jars of repository/components/dropins and lib in both homes (manifest headers, JDBC driver registration,
 * hash) and says which are stock, so rules can find custom bundles, custom libraries and JDBC drivers to carry over.
 */
public final class JarScanner implements Scanner {
    static final String COMPONENTS = "repository/components/";
    static final List<String> FOLDERS = List.of("dropins", "lib");
    /** Jars the migration tools have users drop in (FACTS.md section 7); they are neither stock nor custom. */
    static final List<PathMatcher> MIGRATION_ARTEFACTS = Stream.of("org.wso2.carbon.is.migration-*.jar",
            "org.wso2.carbon.apimgt.migrate.client-*.jar", "tenantloader-*.jar")
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();

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
        for (Role role : Role.values()) {
            Optional<Path> home = installation.home(role);
            if (home.isEmpty()) {
                continue;
            }
            for (String folder : FOLDERS) {
                Set<String> newNames = role == Role.OLD
                        ? installation.newHome().map(h -> names(h.resolve(COMPONENTS + folder))).orElse(Set.of())
                        : Set.of();
                scanFolder(role, home.get(), folder, newNames, out);
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
        for (Path jar : jars(role, dir, dirPath, out)) {
            String name = jar.getFileName().toString();
            SourceRef source = SourceRef.file(role, dirPath + "/" + name);
            JarHeaders headers;
            String sha;
            try {
                headers = JarHeaders.read(jar);
                sha = FileDigest.sha256(jar);
            } catch (IOException | RuntimeException e) {
                // A truncated or non-zip file must not stop the assessment; rules can still report it.
                out.add(new ScanProblem(role, dirPath + "/" + name,
                        "cannot be opened as a jar (" + e.getClass().getSimpleName() + ")", source));
                continue;
            }
            boolean artefact = isMigrationArtefact(name);
            boolean stockJar = !artefact
                    && (role == Role.NEW || stock.listedJar(folder, name) || newNames.contains(name));
            out.add(new JarFile(role, folder, name, headers.osgiBundle(), headers.symbolicName(),
                    headers.bundleVersion(), headers.importPackage(), headers.jdbcDriverClass(), stockJar, sha, source));
            if (artefact) {
                out.add(new MigrationArtefact(role, folder, name, source));
            }
        }
    }

    static boolean isMigrationArtefact(String name) {
        Path p = Path.of(name);
        return MIGRATION_ARTEFACTS.stream().anyMatch(m -> m.matches(p));
    }

    private static List<Path> jars(Role role, Path dir, String dirPath, List<Observation> out) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(JarScanner::isJar).sorted().toList();
        } catch (IOException | RuntimeException e) {
            out.add(FileTree.problem(role, dirPath, e));
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

    private static boolean isJar(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(p);
    }
}
