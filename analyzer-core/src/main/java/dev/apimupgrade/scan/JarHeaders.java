package dev.apimupgrade.scan;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * What a jar says about itself: its OSGi manifest headers and the JDBC driver it registers ("" when absent). Read
 * within bounds: a jar of absurd entry count or declared size (a zip bomb), or with an entry whose name climbs out
 * of it ({@code ../}), is refused with the reason; nothing of a jar is ever extracted to disk.
 */
record JarHeaders(String symbolicName, String bundleVersion, String importPackage, String jdbcDriverClass) {
    static final String DRIVER_SERVICE = "META-INF/services/java.sql.Driver";
    /** The largest stock jars hold about 20,000 entries and 100 MB uncompressed. */
    static final int MAX_ENTRIES = 200_000;

    static final long MAX_UNCOMPRESSED = 2L * 1024 * 1024 * 1024;
    static final int MAX_MANIFEST = 1024 * 1024;
    static final int MAX_SERVICE_FILE = 64 * 1024;

    /** Why a file is no usable jar, in words fit for a report (no path, no stack). */
    static final class NotAJar extends Exception {
        private final String reason;

        NotAJar(String reason) {
            super(reason);
            this.reason = reason;
        }

        @Override
        public String getMessage() {
            return reason;
        }
    }

    boolean osgiBundle() {
        return !symbolicName.isEmpty();
    }

    /**
     * Opens the jar read-only as a plain zip: a JarFile would read (and verify) the whole manifest on its own, before
     * any bound applies.
     */
    static JarHeaders read(Path jar) throws NotAJar {
        try (ZipFile file = new ZipFile(jar.toFile(), ZipFile.OPEN_READ)) {
            checkEntries(file);
            Manifest manifest = manifest(file);
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String symbolicName = header(main, "Bundle-SymbolicName");
            int directives = symbolicName.indexOf(';');
            if (directives >= 0) {
                // "org.foo;singleton:=true" names the bundle org.foo
                symbolicName = symbolicName.substring(0, directives).strip();
            }
            return new JarHeaders(
                    symbolicName, header(main, "Bundle-Version"), header(main, "Import-Package"), driverClass(file));
        } catch (IOException | RuntimeException e) {
            String detail = e instanceof ZipException && e.getMessage() != null ? ": " + e.getMessage() : "";
            throw new NotAJar("cannot be opened as a jar (" + e.getClass().getSimpleName() + detail + ")");
        }
    }

    private static void checkEntries(ZipFile file) throws NotAJar {
        if (file.size() > MAX_ENTRIES) {
            throw new NotAJar(
                    "holds " + file.size() + " entries, more than any real jar (at most " + MAX_ENTRIES + " are read)");
        }
        long declared = 0;
        for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String name = entry.getName();
            if (name.startsWith("/")
                    || name.equals("..")
                    || name.startsWith("../")
                    || name.contains("/../")
                    || name.endsWith("/..")) {
                throw new NotAJar("holds an entry whose name leaves the jar (" + printable(name) + ")");
            }
            declared += Math.max(0, entry.getSize());
            if (declared > MAX_UNCOMPRESSED) {
                throw new NotAJar(
                        "declares more than " + (MAX_UNCOMPRESSED >> 30) + " GiB uncompressed" + " (a zip bomb?)");
            }
        }
    }

    private static @Nullable Manifest manifest(ZipFile file) throws IOException, NotAJar {
        ZipEntry entry = file.getEntry(JarFile.MANIFEST_NAME);
        return entry == null ? null : new Manifest(new ByteArrayInputStream(bounded(file, entry, MAX_MANIFEST)));
    }

    /** An entry's bytes, refusing one that inflates beyond {@code max} whatever size it declares. */
    private static byte[] bounded(ZipFile file, ZipEntry entry, int max) throws IOException, NotAJar {
        try (InputStream in = file.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new NotAJar(entry.getName() + " inflates to more than " + (max / 1024) + " KiB (a zip bomb?)");
            }
            return bytes;
        }
    }

    private static String header(Attributes main, String name) {
        String v = main.getValue(name);
        return v == null ? "" : v.strip();
    }

    /** The first class named in the ServiceLoader file, as DriverManager would load it. */
    private static String driverClass(ZipFile file) throws IOException, NotAJar {
        ZipEntry entry = file.getEntry(DRIVER_SERVICE);
        if (entry == null) {
            return "";
        }
        byte[] bytes = bounded(file, entry, MAX_SERVICE_FILE);
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        }
        return "";
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
