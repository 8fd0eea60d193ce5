package dev.apimupgrade.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real WSO2 files under apim.reference.dir (../shared/reference) that some samples tests compare with: a test
 * needing one is skipped when it is absent, except under CI=true, where it fails.
 */
final class ReferenceFiles {
    private ReferenceFiles() {
    }

    static Path require(String relative) {
        String dir = System.getProperty("apim.reference.dir");
        boolean present = dir != null && Files.isRegularFile(Path.of(dir, relative));
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail("reference file " + relative + " is missing under apim.reference.dir=" + dir);
        }
        Assumptions.assumeTrue(present, "reference file " + relative + " not available (apim.reference.dir=" + dir + ")");
        return Path.of(dir, relative);
    }
}
