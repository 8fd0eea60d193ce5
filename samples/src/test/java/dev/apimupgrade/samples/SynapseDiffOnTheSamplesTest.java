package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.SynapseDiff;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.SynapseScanner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CFG-SYNAPSE-PROTECTED-MODIFIED's evidence on the samples: the customised main.xml gets a diff, nothing else. */
class SynapseDiffOnTheSamplesTest {

    private static List<SynapseDiff> diffs(String sample) {
        return new SynapseScanner()
                .scan(new Installation(Samples.home(sample), Optional.of(Samples.home(Samples.TARGET)))).stream()
                        .filter(SynapseDiff.class::isInstance)
                        .map(SynapseDiff.class::cast)
                        .toList();
    }

    @Test
    void theCustomSamplesMainSequenceDiffShowsTheAddedPropertyAgainstTheTargetForCfgSynapseProtectedModified() {
        assertThat(diffs(Samples.CUSTOM)).singleElement().satisfies(d -> {
            assertThat(d.tenant()).isEqualTo("carbon.super");
            assertThat(d.relativePath()).isEqualTo("sequences/main.xml");
            assertThat(d.unifiedDiff().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")))
                    .singleElement()
                    .asString()
                    .contains("X-Partner-Trace");
            assertThat(d.unifiedDiff().lines().filter(l -> l.startsWith("-") && !l.startsWith("---")))
                    .isEmpty();
        });
    }

    @Test
    void theDefaultSampleHasNoProtectedFileToDiffForCfgSynapseProtectedModified() {
        assertThat(diffs(Samples.DEFAULT)).isEmpty();
    }
}
