package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.scan.ReaderFuzz.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long fuzz run, only when asked for (-Dfuzz.seconds=N, as fuzz/run.sh does): the readers of ReaderFuzz, in
 * turn, on as many mutated inputs as the budget allows, from a seed (-Dfuzz.seed). Writes its figures to
 * target/fuzz-report.txt; fails on the first input that ends in anything but a value or an InputException.
 */
@EnabledIfSystemProperty(named = "fuzz.seconds", matches = "\\d+")
class ReaderFuzzBudgetTest {
    @TempDir
    Path tmp;

    @Test
    void noInputTriedInTheBudgetEndsInAnythingButAValueOrAnInputException() throws Exception {
        long seconds = Long.getLong("fuzz.seconds");
        long seed = Long.getLong("fuzz.seed", 20261207L);
        ReaderFuzz fuzz = new ReaderFuzz(tmp);
        Random seeds = new Random(seed);
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        long tried = 0;
        List<String> findings = new ArrayList<>();
        Target[] targets = Target.values();
        long[] nanos = new long[targets.length];
        while (System.nanoTime() < deadline && findings.isEmpty()) {
            Target target = targets[(int) (tried % targets.length)];
            long inputSeed = seeds.nextLong();
            long at = System.nanoTime();
            try {
                fuzz.feed(target, fuzz.input(target, inputSeed));
            } catch (Throwable t) {
                findings.add(target + " seed " + inputSeed + ": " + t);
            }
            nanos[target.ordinal()] += System.nanoTime() - at;
            tried++;
        }
        double took = (System.nanoTime() - started) / 1e9;
        String report = String.format(
                        "fuzz: %d inputs tried over %d readers in %.1f s (seed %d), %d ending in"
                                + " anything but a value or an InputException%n",
                        tried, targets.length, took, seed, findings.size())
                + perReader(targets, nanos, tried)
                + String.join(System.lineSeparator(), findings);
        Files.writeString(Path.of("target/fuzz-report.txt"), report, StandardCharsets.UTF_8);
        System.out.print(report);

        assertThat(findings).as(report).isEmpty();
    }

    private static String perReader(Target[] targets, long[] nanos, long tried) {
        StringBuilder out = new StringBuilder();
        for (Target t : targets) {
            long inputs = tried / targets.length + (t.ordinal() < tried % targets.length ? 1 : 0);
            out.append(String.format("  %-14s %6d inputs %7.1f s%n", t, inputs, nanos[t.ordinal()] / 1e9));
        }
        return out.toString();
    }
}
