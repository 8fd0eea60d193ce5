package dev.apimupgrade.scan.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a WSO2 H2 URL keeps its database file. Every URL option is dropped (AUTO_SERVER and MVCC would make H2 write
 * or refuse, and user-supplied suffixes such as INIT=RUNSCRIPT must never reach H2 1.4.199); the scanner sets its own.
 */
final class H2Url {
    private H2Url() {
    }

    /** The database path without the .mv.db suffix, relative paths resolved against the home; empty when not a file. */
    static Optional<Path> databasePath(String url, Path home) {
        String rest = url.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.regionMatches(true, 0, "file:", 0, 5)) {
            path = path.substring(5);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.startsWith("mem:") || lower.contains(":")
                && !Path.of(path).isAbsolute()) {
            return Optional.empty();
        }
        // absolute, or a home given as a relative path would be resolved against itself a second time below
        path = path.replace("${carbon.home}", home.toAbsolutePath().toString());
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path p = Path.of(path);
        return Optional.of((p.isAbsolute() ? p : home.resolve(p)).normalize());
    }

    /** The .mv.db file of a database path. */
    static Path mvFile(Path databasePath) {
        return databasePath.resolveSibling(databasePath.getFileName() + ".mv.db");
    }

    /** The URL that opens a copy read-only and never creates a database. */
    static String readOnlyUrl(Path copyPath) {
        return "jdbc:h2:" + copyPath + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
    }
}
