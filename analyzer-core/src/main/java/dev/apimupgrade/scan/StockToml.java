package dev.apimupgrade.scan;

import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlDifference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stock 3.0.0 deployment.toml as leaf key -> SHA-256 of its value, derived from the GA file (hashes, not a copy,
 * so no stock password ships with the tool), to tell which keys an operator added, changed or removed.
 */
final class StockToml {
    static final String RESOURCE = "stock-3.0.0-deployment-toml.txt";
    static final String ADDED = "ADDED";
    static final String CHANGED = "CHANGED";
    static final String REMOVED = "REMOVED";
    private static final StockToml STOCK = new StockToml(parse(StockFiles.lines(RESOURCE)));

    private final Map<String, String> sha256ByKey;

    StockToml(Map<String, String> sha256ByKey) {
        this.sha256ByKey = Collections.unmodifiableMap(sha256ByKey);
    }

    static StockToml stock() {
        return STOCK;
    }

    Map<String, String> hashes() {
        return sha256ByKey;
    }

    /** The hash of a value as {@link TomlFile} renders it; secrets are compared by this hash, never by their text. */
    static String hash(String value) {
        return FileDigest.sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The resource's lines for a parsed file: "sha256  key", one per leaf, in file order. */
    static List<String> describe(TomlFile file) {
        return file.leaves().stream().map(l -> hash(l.value()) + "  " + l.key()).toList();
    }

    /** Added and changed keys in the old file's order, then removed keys in the stock file's order. */
    List<TomlDifference> differences(TomlFile old) {
        List<TomlDifference> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TomlFile.Leaf leaf : old.leaves()) {
            seen.add(leaf.key());
            String stockHash = sha256ByKey.get(leaf.key());
            String change = stockHash == null ? ADDED : stockHash.equals(hash(leaf.value())) ? null : CHANGED;
            if (change != null) {
                out.add(new TomlDifference(
                        old.role(), leaf.key(), change, SourceRef.line(old.role(), TomlFile.PATH, leaf.line())));
            }
        }
        for (String key : sha256ByKey.keySet()) {
            if (!seen.contains(key)) {
                out.add(new TomlDifference(old.role(), key, REMOVED, SourceRef.file(old.role(), TomlFile.PATH)));
            }
        }
        return out;
    }

    private static Map<String, String> parse(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            int gap = line.indexOf("  ");
            if (gap != 64) {
                throw new IllegalStateException(RESOURCE + " has a line not in 'sha256  key' form: " + line);
            }
            out.put(line.substring(gap + 2), line.substring(0, gap));
        }
        return out;
    }
}
