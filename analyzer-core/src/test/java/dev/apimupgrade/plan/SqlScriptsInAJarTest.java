package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI runs from a shaded jar: scripts are found there too, whether or not the jar has entries for folders. */
class SqlScriptsInAJarTest {
    @TempDir
    Path dir;

    private Path jar(String name, List<String> entries) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out)) {
            for (String entry : entries) {
                j.putNextEntry(new JarEntry(entry));
                if (!entry.endsWith("/")) {
                    j.write(("SELECT 1; -- " + entry).getBytes(StandardCharsets.UTF_8));
                }
                j.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> files(Path jar) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            return SqlScripts.files(loader, "reg-index", DatabaseProduct.POSTGRESQL);
        }
    }

    @Test
    void scriptsAreListedInNameOrderFromAJarWithFolderEntries() throws Exception {
        Path jar = jar(
                "with-folders.jar",
                List.of(
                        "sql/",
                        "sql/README.md",
                        "sql/reg-index/",
                        "sql/reg-index/postgres/",
                        "sql/reg-index/postgres/02_b.sql",
                        "sql/reg-index/postgres/01_a.sql",
                        "sql/reg-index/h2/01_h2.sql"));
        assertThat(files(jar)).containsExactly("sql/reg-index/postgres/01_a.sql", "sql/reg-index/postgres/02_b.sql");
    }

    @Test
    void scriptsAreListedFromAJarWithoutFolderEntries() throws Exception {
        Path jar = jar(
                "flat.jar",
                List.of("sql/README.md", "sql/reg-index/postgres/02_b.sql", "sql/reg-index/postgres/01_a.sql"));
        assertThat(files(jar)).containsExactly("sql/reg-index/postgres/01_a.sql", "sql/reg-index/postgres/02_b.sql");
    }

    @Test
    void aJarWithoutTheFolderListsNothing() throws Exception {
        assertThat(files(jar("other.jar", List.of("sql/README.md", "sql/reg-index/h2/01_h2.sql"))))
                .isEmpty();
    }
}
