package dev.apimupgrade.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the generated sample homes are and what they must show, for the tests of other modules: the expected status
 * of every condition per sample (assessed against apim-3.1.0 on {@link #ASSESSMENT_DATE}, databases not read) and the
 * planted secrets no output may contain.
 */
public final class Samples {
    /** System property naming the folder that holds the generated homes; otherwise samples/target/samples is searched. */
    public static final String DIR_PROPERTY = "apim.samples.dir";

    public static final String DEFAULT = "apim-3.0.0-default";
    public static final String CUSTOM = "apim-3.0.0-custom";
    public static final String TARGET = "apim-3.1.0";
    /** The custom sample's API-M Analytics 3.0.0 home, and the analytics 3.1.0 target. */
    public static final String ANALYTICS_CUSTOM = "apim-analytics-3.0.0-custom";

    public static final String ANALYTICS_TARGET = "apim-analytics-3.1.0";
    /** The expected statuses of the custom sample assessed with --old-analytics and --new-analytics. */
    public static final String CUSTOM_WITH_ANALYTICS = "apim-3.0.0-custom+analytics";
    /** The --today the expected statuses assume (KEY-CERT-EXPIRY depends on it). */
    public static final LocalDate ASSESSMENT_DATE = LocalDate.of(2026, 11, 25);
    /** The samples that have an expected status file (the old homes; apim-3.1.0 is their target). */
    public static final List<String> ASSESSED = List.of(DEFAULT, CUSTOM);

    private Samples() {}

    /** The folder holding the generated homes; fails with a hint when the samples module was not built. */
    public static Path dir() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return existing(Path.of(property));
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(
                cwd.resolve("target/samples"),
                cwd.resolve("samples/target/samples"),
                cwd.resolveSibling("samples").resolve("target/samples"))) {
            if (Files.isDirectory(candidate.resolve(TARGET))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no generated samples found from " + cwd
                + "; build the samples module first (mvn -pl samples -am install) or set -D" + DIR_PROPERTY);
    }

    /** The home of one sample, e.g. {@code home(CUSTOM)}. */
    public static Path home(String sample) {
        return existing(dir().resolve(sample));
    }

    /**
     * Condition ID -> expected status (APPLIES, NOT_APPLICABLE, UNKNOWN) of every condition, in catalogue order: the
     * baseline with the sample's differences applied ({@link ExpectedStatuses}, ADR 0042).
     */
    public static Map<String, String> expectedStatuses(String sample) {
        return ExpectedStatuses.onClasspath().resolve(sample);
    }

    /** Planted secret name -> value: every password or secret value the samples contain that no output may show. */
    public static Map<String, String> plantedSecrets() {
        return secretsIn("planted-secrets.txt");
    }

    /** The name=value lines of a planted-secrets resource. */
    static Map<String, String> secretsIn(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            int eq = line.indexOf('=');
            if (eq <= 0 || out.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
                throw new IllegalStateException(resource + ": bad or repeated line: " + line);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** One planted secret by name; a missing name is a programming error. */
    public static String plantedSecret(String name) {
        String value = plantedSecrets().get(name);
        if (value == null) {
            throw new IllegalArgumentException("no planted secret " + name);
        }
        return value;
    }

    private static List<String> lines(String resource) {
        return Template.text(resource)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static Path existing(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist; build the samples module first");
        }
        return dir;
    }
}
