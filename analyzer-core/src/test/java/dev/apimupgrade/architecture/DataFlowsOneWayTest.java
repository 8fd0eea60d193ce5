package dev.apimupgrade.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the stages in one direction (scan -> facts -> rules -> plan -> execute -> report -> verify): a class may import its own
 * or earlier stages only, rules never touch files or databases, and the core holds no templates and no CLI.
 */
class DataFlowsOneWayTest {
    private static final List<String> STAGES = List.of("fact", "scan", "rule", "plan", "execute", "report", "verify");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("analyzer-core/pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("project root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(projectRoot())) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/dev/apimupgrade/"))
                    .toList();
        }
    }

    /** The stage of a package, or -1 for the CLI and samples which sit outside the flow. */
    static int stageOf(String pkg) {
        String rest = pkg.startsWith("dev.apimupgrade.") ? pkg.substring("dev.apimupgrade.".length()) : "";
        String head = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        if (head.equals("rules")) {
            return STAGES.indexOf("rule");
        }
        return STAGES.indexOf(head);
    }

    @Test
    void noStageImportsALaterStage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            String text = Files.readString(file);
            Matcher pkg = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
            if (!pkg.find()) {
                continue;
            }
            int own = stageOf(pkg.group(1));
            if (own < 0) {
                continue;
            }
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String imported = m.group(2);
                int theirs = stageOf(imported.substring(0, Math.max(0, imported.lastIndexOf('.'))));
                if (imported.startsWith("dev.apimupgrade.") && theirs > own) {
                    violations.add(file.getFileName() + " (" + STAGES.get(own) + ") imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void rulesNeverTouchFilesOrDatabases() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            String text = Files.readString(file);
            Matcher pkg = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
            if (pkg.find() && stageOf(pkg.group(1)) == STAGES.indexOf("rule")) {
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    if (m.group(2).startsWith("java.nio.file") || m.group(2).startsWith("java.sql")
                            || m.group(2).startsWith("org.jooq") || m.group(2).equals("java.io.File")) {
                        violations.add(file.getFileName() + " imports " + m.group(2));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCoreHoldsNoTemplatesAndNoCommandLine() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            if (file.toString().replace('\\', '/').contains("/analyzer-core/")) {
                String text = Files.readString(file);
                if (text.contains("import freemarker.") || text.contains("import picocli.")) {
                    violations.add(file.getFileName().toString());
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
