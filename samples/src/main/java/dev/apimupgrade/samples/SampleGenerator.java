package dev.apimupgrade.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the sample installations (apim-3.0.0-default, apim-3.0.0-custom, apim-3.1.0 and the custom sample's analytics
 * homes apim-analytics-3.0.0-custom and apim-analytics-3.1.0) into one folder at build time,
 * so binaries (H2 databases, keystores, jars) are made fresh and never committed.
 */
public final class SampleGenerator {
    /** The sample homes, in the order they are written. */
    public static final List<String> SAMPLES = List.of(
            Samples.DEFAULT, Samples.CUSTOM, Samples.TARGET, Samples.ANALYTICS_CUSTOM, Samples.ANALYTICS_TARGET);

    private SampleGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleGenerator <output dir>");
            System.exit(2);
        }
        generate(Path.of(args[0]));
    }

    /** Replaces {@code out} with freshly generated sample homes. */
    public static void generate(Path out) throws IOException {
        deleteTree(out);
        Files.createDirectories(out);
        Path scratch = Files.createTempDirectory("apim-samples-keystores");
        try {
            Keystores.Made keystores = Keystores.make(scratch, Samples.plantedSecret("custom.truststore.password"));
            DefaultSample.write(new HomeWriter(out.resolve(Samples.DEFAULT)), keystores);
            CustomSample.write(new HomeWriter(out.resolve(Samples.CUSTOM)), keystores);
            TargetSample.write(new HomeWriter(out.resolve(Samples.TARGET)), keystores);
            AnalyticsSample.writeCustom(new HomeWriter(out.resolve(Samples.ANALYTICS_CUSTOM)));
            AnalyticsSample.writeTarget(new HomeWriter(out.resolve(Samples.ANALYTICS_TARGET)));
        } finally {
            deleteTree(scratch);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
