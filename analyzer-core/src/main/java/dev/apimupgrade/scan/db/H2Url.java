package dev.apimupgrade.scan.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one reading of a WSO2 H2 JDBC URL, shared by the scan (where the database file is), the rules (is the URL
 * relative to the home that reads it) and the deployment.toml edit (anchor a relative URL at the old home), so they
 * cannot disagree. {@code jdbc:h2:} and the {@code file:} prefix are matched in any case ({@code jdbc:h2:FILE:...});
 * {@code tcp:}, {@code ssl:}, {@code mem:}, {@code zip:} and any other {@code scheme:} are not database files.
 * The options after the first {@code ;} are kept as written in {@link #options()}; every reader that connects drops
 * them (AUTO_SERVER and MVCC would make H2 write or refuse, and user-supplied suffixes such as INIT=RUNSCRIPT must
 * never reach H2 1.4.199) and sets its own.
 *
 * @param filePrefix whether the path had a {@code file:} prefix (in any case)
 * @param path the database path as written, without prefix and options ({@code ./repository/database/WSO2AM_DB})
 * @param options the options as written, with their leading {@code ;}, or ""
 */
public record H2Url(boolean filePrefix, String path, String options) {
    private static final String JDBC = "jdbc:h2:";
    private static final String CARBON_HOME = "${carbon.home}";

    /** The parts of an H2 URL; empty when the URL is not an H2 one. */
    public static Optional<H2Url> parse(String url) {
        if (url == null || !url.trim().regionMatches(true, 0, JDBC, 0, JDBC.length())) {
            return Optional.empty();
        }
        String rest = url.trim().substring(JDBC.length());
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String options = semicolon < 0 ? "" : rest.substring(semicolon);
        boolean file = path.regionMatches(true, 0, "file:", 0, 5);
        return Optional.of(new H2Url(file, file ? path.substring(5) : path, options));
    }

    /** Whether the URL names a database file (not a server, memory or archive database). */
    public boolean isFile() {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp:")
                || lower.startsWith("ssl:")
                || lower.startsWith("mem:")
                || lower.startsWith("zip:")) {
            return false;
        }
        // another scheme (nio:, split:, ...) but not a Windows drive letter
        return !(lower.matches("^[a-z][a-z0-9+.-]+:.*") && !lower.matches("^[a-z]:[\\\\/].*"));
    }

    /**
     * Whether the file resolves inside the home reading it (./..., a bare relative path, or ${carbon.home}/...): the
     * same text in the new home's deployment.toml points at the new home's own, empty database.
     */
    public boolean homeRelative() {
        if (!isFile()) {
            return false;
        }
        if (path.startsWith(CARBON_HOME)) {
            return true;
        }
        return !(path.startsWith("/")
                || path.startsWith("~")
                || path.startsWith("\\")
                || path.matches("^[A-Za-z]:.*")
                || path.startsWith("${"));
    }

    /** The database path without the .mv.db suffix, relative paths resolved against the home; empty when not a file. */
    public Optional<Path> databasePath(Path home) {
        if (!isFile()) {
            return Optional.empty();
        }
        String p = path.replace(CARBON_HOME, home.toAbsolutePath().toString());
        if (p.startsWith("~")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        Path db = Path.of(p);
        return Optional.of((db.isAbsolute() ? db : home.resolve(db)).normalize());
    }

    /**
     * The URL with a home-relative path anchored at {@code home} (jdbc:h2:./repository/database/X;... becomes
     * jdbc:h2:/opt/old/repository/database/X;...), the options kept as written; other URLs unchanged.
     */
    public String anchoredAt(Path home) {
        String rest = path;
        if (rest.startsWith(CARBON_HOME)) {
            rest = rest.substring(CARBON_HOME.length());
        }
        while (rest.startsWith("./") || rest.startsWith("/")) {
            rest = rest.substring(rest.startsWith("./") ? 2 : 1);
        }
        String h = home.toString().replace('\\', '/');
        return JDBC + (filePrefix ? "file:" : "") + h + (h.endsWith("/") ? "" : "/") + rest + options;
    }

    /** The .mv.db file of a database path. */
    public static Path mvFile(Path databasePath) {
        return databasePath.resolveSibling(databasePath.getFileName() + ".mv.db");
    }

    /** The URL that opens a copy read-only and never creates a database. */
    static String readOnlyUrl(Path copyPath) {
        return JDBC + copyPath + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
    }

    /** A URL to connect to a database path, with none of the written options. */
    public static String connectUrl(Path databasePath) {
        return JDBC + databasePath;
    }
}
