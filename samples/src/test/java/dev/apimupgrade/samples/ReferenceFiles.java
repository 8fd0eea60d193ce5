package dev.apimupgrade.samples;

import dev.apimupgrade.testkit.SharedFiles;
import java.nio.file.Path;

/**
 * The real WSO2 files under apim.reference.dir (../shared/reference) that some samples tests compare with: a test
 * needing one is skipped when it is absent, except under CI=true, where it fails.
 */
final class ReferenceFiles {
    private ReferenceFiles() {}

    static Path require(String relative) {
        return SharedFiles.reference(relative);
    }
}
