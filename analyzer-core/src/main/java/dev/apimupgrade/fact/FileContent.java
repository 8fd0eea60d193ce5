package dev.apimupgrade.fact;

/** The SHA-256 of a file some other fact was read from, so a plan notices any change to the files it rests on. */
public record FileContent(Role role, String relativePath, String sha256, SourceRef source) implements Observation {
    public String observed() {
        return "sha256 " + sha256;
    }
}
