package dev.apimupgrade.scan;

import dev.apimupgrade.fact.FileContent;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Digests of every file the facts were read from (each distinct OLD:/NEW: source that is a regular file), so a plan's
 * fingerprint covers the content of the files and not only the values the scanners kept from them.
 */
public final class ScannedFiles {
    private ScannedFiles() {
    }

    public static List<FileContent> digests(Installation installation, Facts facts) {
        TreeSet<String> files = new TreeSet<>();
        for (Observation o : facts.all()) {
            String where = o.source().where();
            if (where.startsWith(Role.OLD.name() + ":") || where.startsWith(Role.NEW.name() + ":")) {
                files.add(where);
            }
        }
        List<FileContent> out = new ArrayList<>();
        for (String where : files) {
            Role role = Role.valueOf(where.substring(0, where.indexOf(':')));
            String relative = where.substring(where.indexOf(':') + 1);
            Optional<Path> home = installation.home(role);
            if (home.isEmpty() || relative.isEmpty()) {
                continue;
            }
            Path file = home.get().resolve(relative);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                out.add(new FileContent(role, relative, FileDigest.sha256(file), SourceRef.file(role, relative)));
            }
        }
        return out;
    }
}
