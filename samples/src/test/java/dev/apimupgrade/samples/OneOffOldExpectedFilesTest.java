package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One-off (ADR 0042): the baseline-plus-differences files resolve to exactly the full files they replace. */
class OneOffOldExpectedFilesTest {
    @Test
    void everyOldFullFileEqualsTheNewResolution() throws IOException {
        Path old = Path.of("/tmp/goldens-old");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(old)) {
            files.sorted().forEach(f -> names.add(f.getFileName().toString().replace(".status", "")));
        }
        assertThat(names).hasSize(9);
        for (String name : names) {
            Map<String, String> full = new LinkedHashMap<>();
            for (String line : Files.readAllLines(old.resolve(name + ".status"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] p = line.strip().split("\\s+");
                    assertThat(full.put(p[0], p[1])).isNull();
                }
            }
            Map<String, String> resolved = Samples.expectedStatuses(name);
            assertThat(List.copyOf(resolved.entrySet())).as(name).isEqualTo(List.copyOf(full.entrySet()));
            System.out.println("ONE-OFF " + name + ": " + resolved.size() + " conditions equal, order too");
        }
    }
}
