package dev.apimupgrade.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** What a jar says about itself: its OSGi manifest headers and the JDBC driver it registers ("" when absent). */
record JarHeaders(String symbolicName, String bundleVersion, String importPackage, String jdbcDriverClass) {
    static final String DRIVER_SERVICE = "META-INF/services/java.sql.Driver";

    boolean osgiBundle() {
        return !symbolicName.isEmpty();
    }

    /** Opens the jar read-only, without verifying signatures (a scan only reads headers). */
    static JarHeaders read(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false, JarFile.OPEN_READ)) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String symbolicName = header(main, "Bundle-SymbolicName");
            int directives = symbolicName.indexOf(';');
            if (directives >= 0) {
                // "org.foo;singleton:=true" names the bundle org.foo
                symbolicName = symbolicName.substring(0, directives).strip();
            }
            return new JarHeaders(symbolicName, header(main, "Bundle-Version"), header(main, "Import-Package"),
                    driverClass(file));
        }
    }

    private static String header(Attributes main, String name) {
        String v = main.getValue(name);
        return v == null ? "" : v.strip();
    }

    /** The first class named in the ServiceLoader file, as DriverManager would load it. */
    private static String driverClass(JarFile file) throws IOException {
        JarEntry entry = file.getJarEntry(DRIVER_SERVICE);
        if (entry == null) {
            return "";
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
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
}
