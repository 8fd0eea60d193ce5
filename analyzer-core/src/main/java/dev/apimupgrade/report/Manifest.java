package dev.apimupgrade.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file of an evidence bundle, in {@code sha256sum} format ("hex, two spaces, relative path",
 * sorted by path, '/' separators), so a board can check a bundle with the tool or with {@code sha256sum -c}.
 */
public record Manifest(SortedMap<String, String> sha256ByPath) {
    /** The manifest's own file name; it covers every file of the bundle but itself. */
    public static final String FILE = "MANIFEST.sha256";

    static final String NOT_A_FILE = "not a regular file";

    public Manifest {
        sha256ByPath = Collections.unmodifiableSortedMap(new TreeMap<>(sha256ByPath));
    }

    /**
     * Hashes every file under a folder but a top-level manifest, streaming so large exports are never held in memory.
     * A symbolic link gets a value no SHA-256 can equal: a bundle holds plain files, so a link is always a change.
     */
    public static Manifest ofTree(Path root) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String path = relative(root, p);
                if (path.equals(FILE)) {
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(path, NOT_A_FILE);
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    out.put(path, sha256(in));
                }
            }
        }
        return new Manifest(out);
    }

    /** The path of a file in a bundle: relative to its root, with '/' whatever the platform. */
    static String relative(Path root, Path file) {
        StringBuilder s = new StringBuilder();
        for (Path part : root.relativize(file)) {
            s.append(s.isEmpty() ? "" : "/").append(part);
        }
        return s.toString();
    }

    /** Reads a manifest; a line that is not "hex, two spaces, path" makes the whole manifest unusable. */
    public static Manifest parse(String text) {
        SortedMap<String, String> out = new TreeMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  \\S.*") || out.put(line.substring(66), line.substring(0, 64)) != null) {
                throw new IllegalArgumentException(
                        FILE + " line " + n + " is not '<sha256>  <path>' or repeats a path");
            }
            if (!insideTheBundle(line.substring(66))) {
                throw new IllegalArgumentException(FILE + " line " + n + " names '" + line.substring(66)
                        + "', which is not a path inside the bundle (absolute, or climbing out with '..')");
            }
        }
        return new Manifest(out);
    }

    /** A manifest path is relative to the bundle and never climbs out of it. */
    private static boolean insideTheBundle(String path) {
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        sha256ByPath.forEach(
                (path, hex) -> s.append(hex).append("  ").append(path).append('\n'));
        return s.toString();
    }

    /** The SHA-256 of {@link #text()}: what {@code sha256sum MANIFEST.sha256} prints. */
    public String sha256() {
        return sha256(text().getBytes(StandardCharsets.UTF_8));
    }

    public Manifest without(String path) {
        SortedMap<String, String> copy = new TreeMap<>(sha256ByPath);
        copy.remove(path);
        return new Manifest(copy);
    }

    public static String sha256(byte[] bytes) {
        MessageDigest digest = digest();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
