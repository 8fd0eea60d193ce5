package dev.apimupgrade.scan;

import dev.apimupgrade.testkit.SharedFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small APIM homes for the file scanner tests, and finds the real WSO2 reference files when present. */
final class FileHomes {
    static final String SERVER = "repository/deployment/server/";

    private FileHomes() {}

    /** A folder with the one thing InstallationScanner requires of a home. */
    static Path home(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("repository/conf"));
        return dir;
    }

    static Path write(Path home, String relativePath, String text) throws IOException {
        Path file = home.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A jar with the given main manifest headers (none: no manifest) and text entries. */
    static Path jar(Path home, String relativePath, Map<String, String> headers, Map<String, String> entries)
            throws IOException {
        Path file = home.resolve(relativePath);
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file);
                JarOutputStream jar =
                        headers.isEmpty() ? new JarOutputStream(os) : new JarOutputStream(os, manifest(headers))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static Manifest manifest(Map<String, String> headers) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        return m;
    }

    /**
     * The reference folder (system property apim.reference.dir): a test that needs it is skipped when it is absent,
     * and fails instead when CI=true, so CI cannot pass without having checked against the real files.
     */
    static Path reference() {
        return SharedFiles.referenceFolder("apim-3.0.0").getParent();
    }

    /** Copies a real stock file (path below repository/deployment/server) of "apim-3.0.0" or "apim-3.1.0" into a home. */
    static Path copyStock(String pack, String serverPath, Path home, String relativePath) throws IOException {
        Path target = home.resolve(relativePath);
        Files.createDirectories(target.getParent());
        return Files.copy(reference().resolve(pack).resolve(SERVER + serverPath), target);
    }
}
