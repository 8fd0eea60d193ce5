package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the keystores each home's deployment.toml configures (primary, internal, tls, truststore, with the 3.0.0
 * defaults) and any other keystore in repository/resources/security: whether each exists, opens with its password,
 * and its hash; and the entries of the old home's stores and of the new home's truststore, for expiry and trust checks.
 * The new home is read the same way so rules can tell whether it already holds the same files.
 */
public final class KeystoreScanner implements Scanner {
    static final String SECURITY = "repository/resources/security";
    static final String CUSTOM = "custom";

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        List<Observation> out = new ArrayList<>();
        for (Installation.Home home : installation.homes()) {
            Role role = home.role();
            Path root = home.path().toAbsolutePath().normalize();
            List<KeystoreConfig> configs = KeystoreConfig.of(TomlFile.read(installation, role));
            Set<Path> listed = new HashSet<>();
            Set<Path> configured = new HashSet<>();
            for (KeystoreConfig config : configs) {
                Path file = root.resolve(SECURITY).resolve(config.fileName()).normalize();
                configured.add(file);
                boolean listEntries = role == Role.OLD || config.purpose().equals(KeystoreConfig.TRUSTSTORE);
                observe(
                        role,
                        root,
                        file,
                        asPlanned(installation, role, root, file),
                        config,
                        listEntries && listed.add(file),
                        out);
            }
            customStores(installation, role, root, configured, out);
        }
        return out;
    }

    /**
     * Where a keystore of the home is read: mid-run, a new-home file the run changed is read from the run's saved copy
     * (a path that does not exist for a file the run added), so a plan that continues the run compares the old
     * keystores with the new home as the first plan saw it, not with the copies the run already made.
     */
    private static Path asPlanned(Installation installation, Role role, Path home, Path file) {
        if (role != Role.NEW || !file.startsWith(home)) {
            return file;
        }
        return installation.newHomeAsPlanned().getOrDefault(Installation.relative(home, file), file);
    }

    private static void observe(
            Role role,
            Path home,
            Path shownFile,
            Path file,
            KeystoreConfig config,
            boolean listEntries,
            List<Observation> out)
            throws InputException {
        String shown = shown(home, shownFile);
        if (Files.exists(file)) {
            // a folder in its place is no missing keystore: the configuration names something that cannot be one
            InputFile.requireRegularFile(file, role.name() + ":" + shown);
        }
        SourceRef source =
                config.line() > 0 ? SourceRef.line(role, TomlFile.PATH, config.line()) : SourceRef.file(role, shown);
        KeystoreFile.Opened opened = KeystoreFile.open(file, config.type(), config.password());
        boolean exists = !KeystoreFile.MISSING.equals(opened.error());
        String sha = exists ? hash(role, shown, file, out) : "";
        out.add(new Keystore(
                role,
                config.purpose(),
                config.fileName(),
                config.type(),
                exists,
                opened.store() != null,
                opened.error(),
                config.alias(),
                config.defaultName(),
                config.defaultPassword(),
                source,
                sha));
        if (opened.store() != null && listEntries) {
            try {
                out.addAll(KeystoreFile.entries(role, config.fileName(), opened.store(), SourceRef.file(role, shown)));
            } catch (GeneralSecurityException | RuntimeException e) {
                out.add(FileTree.problem(role, shown, e));
            }
        }
    }

    /** Keystores no purpose names: recorded with their hash so they can be carried over, never opened. */
    private static void customStores(
            Installation installation, Role role, Path home, Set<Path> configured, List<Observation> out) {
        Path dir = home.resolve(SECURITY);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(KeystoreScanner::isKeystore)
                    .map(Path::normalize)
                    .filter(p -> !configured.contains(p))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            out.add(FileTree.problem(role, SECURITY, e));
            return;
        }
        for (Path listed : files) {
            Path file = asPlanned(installation, role, home, listed);
            if (!Files.isRegularFile(file)) {
                continue; // added by the run: not in the new home as planned
            }
            String name = listed.getFileName().toString();
            String shown = SECURITY + "/" + name;
            out.add(new Keystore(
                    role,
                    CUSTOM,
                    name,
                    KeystoreFile.typeOf(name),
                    true,
                    false,
                    KeystoreFile.NOT_CONFIGURED,
                    "",
                    false,
                    false,
                    SourceRef.file(role, shown),
                    hash(role, shown, file, out)));
        }
    }

    private static boolean isKeystore(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".jks") || name.endsWith(".p12") || name.endsWith(".pfx")) && Files.isRegularFile(p);
    }

    private static String hash(Role role, String shown, Path file, List<Observation> out) {
        try {
            return FileDigest.sha256(file);
        } catch (UncheckedIOException e) {
            out.add(FileTree.problem(role, shown, e));
            return "";
        }
    }

    /** Home-relative when inside the home; a keystore configured elsewhere is named by file name only. */
    private static String shown(Path home, Path file) {
        return file.startsWith(home)
                ? Installation.relative(home, file)
                : file.getFileName().toString();
    }
}
