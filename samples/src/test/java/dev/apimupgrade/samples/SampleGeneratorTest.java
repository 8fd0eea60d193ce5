package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
    /** Binaries whose bytes hold random keys or H2 page layouts; everything else must be byte-identical per run. */
    private static boolean randomBinary(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".mv.db") || name.endsWith(".jks");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void generatingTwiceGivesTheSameFilesAndTheSameBytesForEveryTextFileAndJarAndDropsLeftovers(
            @TempDir Path first, @TempDir Path second) throws IOException {
        // the second run goes into a used folder: what was there before must not survive
        Files.createDirectories(second.resolve("samples/stale"));
        Files.writeString(second.resolve("samples/stale/left-over.txt"), "old");
        SampleGenerator.generate(first.resolve("samples"));
        SampleGenerator.generate(second.resolve("samples"));
        assertThat(second.resolve("samples").toFile().list())
                .containsExactlyInAnyOrderElementsOf(SampleGenerator.SAMPLES);
        List<Path> files = files(first.resolve("samples"));
        assertThat(files(second.resolve("samples"))).isEqualTo(files);
        List<Path> compared = new ArrayList<>();
        for (Path f : files) {
            if (!randomBinary(f)) {
                assertThat(second.resolve("samples").resolve(f))
                        .as(f.toString())
                        .hasSameBinaryContentAs(first.resolve("samples").resolve(f));
                compared.add(f);
            }
        }
        assertThat(compared)
                .anyMatch(f -> f.toString().endsWith(".jar"))
                .anyMatch(f -> f.toString().endsWith(".toml"));
    }

    @Test
    void plantedSecretsAreUniqueAndNoneContainsAnother() {
        List<String> values = List.copyOf(Samples.plantedSecrets().values());
        assertThat(values).doesNotHaveDuplicates().isNotEmpty();
        for (String a : values) {
            for (String b : values) {
                assertThat(a.equals(b) || a.contains(b))
                        .as(a + " contains " + b)
                        .isEqualTo(a.equals(b));
            }
        }
    }

    @Test
    void everyPlantedSecretOccursInTheGeneratedSamplesSoASearchForItCanFindALeak() throws IOException {
        Path dir = Samples.dir();
        List<byte[]> contents = new ArrayList<>();
        for (Path f : files(dir)) {
            contents.add(Files.readAllBytes(dir.resolve(f)));
        }
        for (Map.Entry<String, String> secret : Samples.plantedSecrets().entrySet()) {
            byte[] needle = secret.getValue().getBytes(StandardCharsets.UTF_8);
            assertThat(contents.stream().anyMatch(c -> indexOf(c, needle) >= 0))
                    .as(secret.getKey())
                    .isTrue();
        }
    }

    @Test
    void noTextFileOfTheSamplesKeepsAnUnfilledPlaceholder() throws IOException {
        Path dir = Samples.dir();
        for (Path f : files(dir)) {
            if (!randomBinary(f) && !f.toString().endsWith(".jar")) {
                assertThat(Files.readString(dir.resolve(f), StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain("@@");
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
