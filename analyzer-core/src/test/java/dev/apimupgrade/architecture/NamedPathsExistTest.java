package dev.apimupgrade.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Docs and comments point only at files in the repository. Read: every {@code *.md} file, and every Java and DRL
 * source (comments and strings alike) outside {@code target}. Checked:
 * <ul>
 *   <li>a repository path (a module's {@code src/} or top-level file, or anything under {@code docs/},
 *       {@code bench/} or {@code fuzz/}) exists, from the repository root; a placeholder or glob
 *       ({@code <chapter>}, {@code *}) is left alone;</li>
 *   <li>a Markdown link to a relative path exists, from the Markdown file's folder;</li>
 *   <li>the reference notes kept outside the repository ({@code FACTS.md}, {@code DECISIONS.md},
 *       {@code CONDITIONS.md}, {@code PITFALLS.md}, {@code SOURCES.md}) and {@code ../shared} paths are named only
 *       by the files in {@link #READ_OUTSIDE}: tests that read those real files at run time, the text that says
 *       where they are read from, and docs/facts.md, which says what it summarises. Anything else the code relies on
 *       from there is summarised under {@code docs/} and cited there.</li>
 * </ul>
 */
class NamedPathsExistTest {
    /** The files that may name the notes and folders outside the repository, each for the reason given. */
    private static final Set<String> READ_OUTSIDE = Set.of(
            // reads ../shared/guide/CONDITIONS.md at run time (skipped when absent, required on CI)
            "rules/src/test/java/dev/apimupgrade/rules/CatalogueTest.java",
            // reads the real WSO2 files under apim.reference.dir at run time
            "samples/src/test/java/dev/apimupgrade/samples/ReferenceFiles.java",
            // the test kit's one lookup of the reference and guide folders every module's tests read at run time
            "testkit/src/main/java/dev/apimupgrade/testkit/SharedFiles.java",
            // says where the tests above read the real files from
            "README.md",
            "docs/adr/0003-protected-files-compared-with-the-new-home.md",
            "docs/adr/0027-a-shared-test-kit.md",
            // generated from catalogue.yaml, whose remediation cites the WSO2 file it was taken from
            "docs/rules.md",
            // says which notes it summarises
            "docs/facts.md",
            // this test names them to find them
            "analyzer-core/src/test/java/dev/apimupgrade/architecture/NamedPathsExistTest.java");

    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w./-])((?:analyzer-core|rules|cli|report-templates|samples|testkit|docs|bench|fuzz)/[\\w./<>*{}-]+)");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern OUTSIDE =
            Pattern.compile("\\b(?:FACTS|DECISIONS|CONDITIONS|PITFALLS|SOURCES)\\.md\\b|\\.\\./shared\\b");

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("analyzer-core/pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("project root above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }

    private static List<Path> checkedFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith(".")
                                && !rel.contains("/target/")
                                && !rel.startsWith("target/")
                                && !rel.contains("/.")
                                && (rel.endsWith(".md") || rel.endsWith(".java") || rel.endsWith(".drl"));
                    })
                    .sorted()
                    .toList();
        }
    }

    /** A named path without its line reference ({@code :12-30}), anchor or closing punctuation. */
    static String bare(String named) {
        String p = named.replaceAll("#.*$", "").replaceAll(":\\d.*$", "");
        while (!p.isEmpty() && ".,;:".indexOf(p.charAt(p.length() - 1)) >= 0) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /**
     * A module path is checked when it goes into the module's {@code src/} or names a file at the module's top
     * ({@code samples/README.md}); any path under docs, bench or fuzz is checked. Other module-like names are a
     * module's output folders or a relative path inside a generated home ({@code samples/stale/x.txt}).
     */
    private static boolean isARepositoryPath(String p) {
        return p.startsWith("docs/")
                || p.startsWith("bench/")
                || p.startsWith("fuzz/")
                || p.matches("[\\w-]+/src/.*")
                || p.matches("[\\w-]+/[\\w-]+\\.\\w+");
    }

    @Test
    void everyRepositoryPathNamedInDocsAndCodeExists() throws IOException {
        Path root = projectRoot();
        List<String> missing = new ArrayList<>();
        for (Path file : checkedFiles(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            String[] lines = Files.readString(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = REPO_PATH.matcher(lines[i]);
                while (m.find()) {
                    String p = bare(m.group(1));
                    if (p.matches(".*[<>*{}].*") || !isARepositoryPath(p)) {
                        continue;
                    }
                    if (!Files.exists(root.resolve(p))) {
                        missing.add(rel + ":" + (i + 1) + " names " + p);
                    }
                }
                if (!rel.endsWith(".md")) {
                    continue;
                }
                Matcher link = MD_LINK.matcher(lines[i]);
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                        continue;
                    }
                    String p = bare(target);
                    if (!p.isEmpty()
                            && !p.matches(".*[<>*{}].*")
                            && !Files.exists(file.getParent().resolve(p))) {
                        missing.add(rel + ":" + (i + 1) + " links " + target);
                    }
                }
            }
        }
        assertThat(missing)
                .as("paths named in docs and comments that are not in the repository")
                .isEmpty();
    }

    @Test
    void notesOutsideTheRepositoryAreNamedOnlyWhereTestsReadThem() throws IOException {
        Path root = projectRoot();
        List<String> outside = new ArrayList<>();
        for (Path file : checkedFiles(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            if (READ_OUTSIDE.contains(rel)) {
                continue;
            }
            String[] lines = Files.readString(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = OUTSIDE.matcher(lines[i]);
                while (m.find()) {
                    outside.add(rel + ":" + (i + 1) + " names " + m.group());
                }
            }
        }
        assertThat(outside)
                .as("names of files outside the repository (summarise them under docs/ and cite that)")
                .isEmpty();
    }
}
