package dev.apimupgrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The secrets a sample or scenario plants (by name), and the one assertion that none of them appears in what the tool
 * wrote or printed. A failure names the secret and the file, never the secret's value.
 */
public final class PlantedSecrets {
    private final Map<String, String> byName;

    private PlantedSecrets(Map<String, String> byName) {
        this.byName = byName;
    }

    /** The secrets of one or more samples' maps (name to value); at least one, or the sweep would prove nothing. */
    @SafeVarargs
    public static PlantedSecrets of(Map<String, String>... planted) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, String> one : planted) {
            all.putAll(one);
        }
        assertThat(all).as("planted secrets to look for").isNotEmpty();
        return new PlantedSecrets(all);
    }

    /** Asserts that no planted secret is in any file under {@code dir} (read as UTF-8, binary files included). */
    public PlantedSecrets assertNoneIn(Path dir) {
        for (Path file : files(dir)) {
            String text = new String(bytes(file), StandardCharsets.UTF_8);
            byName.forEach((name, value) -> assertThat(text.contains(value))
                    .as("planted secret %s in %s", name, file)
                    .isFalse());
        }
        return this;
    }

    /** Asserts that no planted secret is in this text (what the command printed, a message, a file read already). */
    public PlantedSecrets assertNoneIn(String text, String what) {
        byName.forEach((name, value) -> assertThat(text.contains(value))
                .as("planted secret %s in %s", name, what)
                .isFalse());
        return this;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
