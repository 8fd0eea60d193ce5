package dev.apimupgrade.execute;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Files a plan's step needs that apim-upgrade does not ship (the tenant loader jar), given by the operator with
 * {@code --file <name>=<path>} or the answers file's {@code migrate.files}: by file name ("tenantloader-1.0.jar") or
 * short name ("tenantloader"). With the file given, the step that copies it runs as automated; without it, the run
 * stops there saying which file it needs.
 */
public record SuppliedFiles(Map<String, Path> byName) {
    public static final SuppliedFiles NONE = new SuppliedFiles(Map.of());

    public SuppliedFiles {
        byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** The given file for a step's {@code from} name: by its file name, else by its short name. */
    public Optional<Path> find(String fileName) {
        Path exact = byName.get(fileName);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byName.get(shortName(fileName)));
    }

    /** "tenantloader-1.0.jar" -> "tenantloader": the name before its version or extension, as the answers key. */
    public static String shortName(String fileName) {
        int end = fileName.length();
        for (char c : new char[] {'-', '.'}) {
            int at = fileName.indexOf(c);
            if (at > 0) {
                end = Math.min(end, at);
            }
        }
        return fileName.substring(0, end);
    }

    /** How the operator gives a file the tool does not ship, for messages. */
    public static String howToGive(String fileName) {
        return "--file " + fileName + "=<path> or, in the --answers file, migrate: files: " + shortName(fileName)
                + ": <path>";
    }
}
