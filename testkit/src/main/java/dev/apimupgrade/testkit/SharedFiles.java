package dev.apimupgrade.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real WSO2 files the tests read and the project never copies: the reference folder (system property
 * apim.reference.dir, ../shared/reference by default, $APIM_SHARED_DIR/reference when that is set; see the parent pom)
 * and the guide folder (apim.guide.dir). A file that is absent skips the test, or fails it under CI.
 */
public final class SharedFiles {
    private SharedFiles() {}

    /** The reference folder as configured, which may not exist; empty when the property is not set. */
    public static String referenceDir() {
        return System.getProperty("apim.reference.dir", "");
    }

    /** The guide folder as configured, which may not exist; empty when the property is not set. */
    public static String guideDir() {
        return System.getProperty("apim.guide.dir", "");
    }

    /** Whether the reference folder holds this file (for a test that states its own rule when it is absent). */
    public static boolean hasReference(String relative) {
        return !referenceDir().isEmpty() && Files.isRegularFile(Path.of(referenceDir(), relative));
    }

    /** A file under the reference folder, or a skip (a failure under CI) when it is absent. */
    public static Path reference(String relative) {
        return existing(referenceDir(), relative, "apim.reference.dir");
    }

    /** A folder under the reference folder, or a skip (a failure under CI) when it is absent. */
    public static Path referenceFolder(String relative) {
        Path dir = referenceDir().isEmpty() ? null : Path.of(referenceDir(), relative);
        if (dir == null || !Files.isDirectory(dir)) {
            return SkipOrFail.missing(
                    "reference folder " + relative + " is absent (apim.reference.dir=" + referenceDir() + ")");
        }
        return dir;
    }

    /** The text of a file under the reference folder, or a skip (a failure under CI) when it is absent. */
    public static String readReference(String relative) {
        return read(reference(relative));
    }

    /** A file under the guide folder, or a skip (a failure under CI) when it is absent. */
    public static Path guide(String relative) {
        return existing(guideDir(), relative, "apim.guide.dir");
    }

    private static Path existing(String dir, String relative, String property) {
        Path file = dir.isEmpty() ? null : Path.of(dir, relative);
        if (file == null || !Files.isRegularFile(file)) {
            return SkipOrFail.missing("file " + relative + " is absent (" + property + "=" + dir + ")");
        }
        return file;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
