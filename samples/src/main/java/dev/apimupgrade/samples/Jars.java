package dev.apimupgrade.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Tiny valid jars standing for the bundles and libraries of a pack: a manifest (OSGi headers for bundles) and one
 * small entry. Entry times are fixed, so the same jar has the same bytes on every run.
 */
final class Jars {
    private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    private Jars() {}

    /** An OSGi bundle with the given symbolic name and version. */
    static byte[] bundle(String symbolicName, String version, String importPackage) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-Name", symbolicName);
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", version);
        if (!importPackage.isEmpty()) {
            headers.put("Import-Package", importPackage);
        }
        return jar(headers, symbolicName.replace('.', '/') + "/bundle.properties", "version=" + version + "\n");
    }

    /** A plain library jar (no OSGi headers). */
    static byte[] library(String title, String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Implementation-Title", title);
        headers.put("Implementation-Version", version);
        return jar(headers, "META-INF/" + title + ".properties", "version=" + version + "\n");
    }

    /** A JDBC driver jar: a plain jar registering {@code driverClass} in META-INF/services/java.sql.Driver. */
    static byte[] jdbcDriver(String title, String version, String driverClass) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Implementation-Title", title);
        headers.put("Implementation-Version", version);
        return jar(headers, "META-INF/services/java.sql.Driver", driverClass + "\n");
    }

    private static byte[] jar(Map<String, String> headers, String entryName, String entryText) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Created-By", "apim-upgrade samples");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            ZipEntry manifestEntry = fixed(new ZipEntry("META-INF/MANIFEST.MF"));
            out.putNextEntry(manifestEntry);
            manifest.write(out);
            out.closeEntry();
            out.putNextEntry(fixed(new ZipEntry(entryName)));
            out.write(entryText.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ZipEntry fixed(ZipEntry entry) {
        entry.setCreationTime(FIXED_TIME);
        entry.setLastModifiedTime(FIXED_TIME);
        entry.setLastAccessTime(FIXED_TIME);
        return entry;
    }
}
