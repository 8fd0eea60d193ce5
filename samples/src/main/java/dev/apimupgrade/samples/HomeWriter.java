package dev.apimupgrade.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes files into one sample home by their path relative to the home, creating folders as needed. */
final class HomeWriter {
    private final Path root;

    HomeWriter(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    void text(String relative, String content) {
        bytes(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes every entry of {@code files} (relative path under {@code dir} -> text). */
    void texts(String dir, Map<String, String> files) {
        files.forEach((relative, content) -> text(dir + "/" + relative, content));
    }

    void bytes(String relative, byte[] content) {
        Path file = path(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void copy(Path source, String relative) {
        try {
            bytes(relative, Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
