package dev.apimupgrade.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a stock 3.0.0 pack holds, embedded so an assessment needs no 3.0.0 pack: the SHA-256 of its synapse files and
 * execution plans (derived from the GA files) and the jars it is known to ship in components/dropins and lib.
 */
public final class StockFiles {
    static final String HASHES = "stock-3.0.0.sha256";
    static final String JARS = "stock-3.0.0-jars.txt";
    static final String PLAN_PREFIX = "executionplans/";
    private static final StockFiles STOCK = new StockFiles(hashes(lines(HASHES)), lines(JARS));

    private final Map<String, String> sha256ByPath;
    private final List<String> jarGlobs;

    private StockFiles(Map<String, String> sha256ByPath, List<String> jarGlobs) {
        this.sha256ByPath = Collections.unmodifiableMap(sha256ByPath);
        this.jarGlobs = List.copyOf(jarGlobs);
    }

    public static StockFiles stock() {
        return STOCK;
    }

    /** The stock hash of a synapse file (relative to synapse-configs/default) or of "executionplans/<name>". */
    public Optional<String> sha256(String path) {
        return Optional.ofNullable(sha256ByPath.get(path));
    }

    /** Every path of the embedded hash list, in file order. */
    public Map<String, String> hashes() {
        return sha256ByPath;
    }

    /** The stock synapse files, relative to synapse-configs/default. */
    public List<String> synapsePaths() {
        return sha256ByPath.keySet().stream()
                .filter(p -> !p.startsWith(PLAN_PREFIX))
                .toList();
    }

    /** The file names of the stock execution plans. */
    public Set<String> executionPlanNames() {
        Set<String> names = new TreeSet<>();
        for (String p : sha256ByPath.keySet()) {
            if (p.startsWith(PLAN_PREFIX)) {
                names.add(p.substring(PLAN_PREFIX.length()));
            }
        }
        return names;
    }

    /** Whether a jar name in "dropins" or "lib" is on the embedded list of jars a stock 3.0.0 pack ships there. */
    public boolean listedJar(String folder, String name) {
        for (String glob : jarGlobs) {
            if (glob.startsWith(folder + "/")) {
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(folder.length() + 1));
                if (m.matches(Path.of(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> hashes(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            int gap = line.indexOf("  ");
            if (gap != 64) {
                throw new IllegalStateException(HASHES + " has a line not in 'sha256  path' form: " + line);
            }
            out.put(line.substring(gap + 2), line.substring(0, gap));
        }
        return out;
    }

    /** The non-blank, non-comment lines of a resource of this package; a missing resource is a build error. */
    static List<String> lines(String resource) {
        InputStream in = StockFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " is missing from the build");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
