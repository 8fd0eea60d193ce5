package dev.apimupgrade.report;

/** One way a bundle differs from its manifest, naming the file, so a board knows exactly what to distrust. */
public record EvidenceProblem(Kind kind, String path) {
    /** Changed: other bytes than the manifest's; added: not in the manifest; missing: in the manifest, not present. */
    public enum Kind {
        CHANGED,
        ADDED,
        MISSING
    }

    public String describe() {
        return switch (kind) {
            case CHANGED -> "changed: " + path + " (its SHA-256 differs from MANIFEST.sha256)";
            case ADDED -> "added: " + path + " (not in MANIFEST.sha256)";
            case MISSING -> "missing: " + path + " (listed in MANIFEST.sha256)";
        };
    }
}
