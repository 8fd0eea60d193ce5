package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void aChangedLineShowsAsRemovedAndAddedWithContextAndHeaders() {
        String diff = UnifiedDiff.of("stock", "a\nb\nc\n", "old", "a\nB\nc\n", 200);

        assertThat(diff).isEqualTo("--- stock\n+++ old\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c");
    }

    @Test
    void textsWithTheSameLinesGiveNoDiffEvenWithOtherLineEndings() {
        assertThat(UnifiedDiff.of("stock", "a\nb\n", "old", "a\r\nb\r\n", 200)).isEmpty();
    }

    @Test
    void aLongDiffIsCutAtTheLimitWithANoteOfHowManyLinesWereLeftOut() {
        String many = IntStream.range(0, 50).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

        String diff = UnifiedDiff.of("stock", "", "old", many, 10);

        assertThat(diff.lines()).hasSize(11);
        assertThat(diff.lines().toList().get(10)).isEqualTo("... (43 more diff lines cut)");
    }
}
