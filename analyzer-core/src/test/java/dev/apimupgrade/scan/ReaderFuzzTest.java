package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.scan.ReaderFuzz.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded, short slice of the reader fuzzing that runs with every build (a few seconds): each input reader of the
 * tool, fed mutations of a real file, ends in a value or an InputException, never in another exception, which would
 * be an exit 3. {@code fuzz/run.sh} runs the same harness for a longer budget (ReaderFuzzBudgetTest).
 */
class ReaderFuzzTest {
    private static final long SEED = 20261207L;
    private static final int INPUTS_PER_READER = 30;

    @TempDir
    Path tmp;

    @Test
    void everyReaderEndsInAValueOrAnInputExceptionNeverAnotherException() throws Exception {
        ReaderFuzz fuzz = new ReaderFuzz(tmp);
        Random seeds = new Random(SEED);
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < INPUTS_PER_READER; i++) {
            for (Target target : Target.values()) {
                long inputSeed = seeds.nextLong();
                try {
                    fuzz.feed(target, fuzz.input(target, inputSeed));
                } catch (Throwable t) {
                    // ReaderFuzz.input(target, inputSeed) rebuilds the input
                    findings.add(target + " seed " + inputSeed + ": " + t);
                }
            }
        }

        assertThat(findings).isEmpty();
    }
}
