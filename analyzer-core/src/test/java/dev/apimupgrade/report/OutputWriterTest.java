package dev.apimupgrade.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
    @TempDir
    Path tmp;

    private static Map<String, byte[]> files(String... nameThenContent) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1].getBytes(UTF_8));
        }
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path earlierRun() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("assessment.json"), "old json");
        Files.writeString(out.resolve("assessment.html"), "old html");
        Files.writeString(out.resolve("run.json"), "old run");
        return out;
    }

    @Test
    void everyFileIsWrittenIntoANewDirectoryAndNothingElseIsLeftBeside() throws IOException {
        Path out = tmp.resolve("reports/today");

        OutputWriter.writeAll(
                out, files("assessment.json", "{}", "assessment.html", "<html>", "run.json", "{\"a\":1}"));

        assertThat(names(out)).containsExactly("assessment.html", "assessment.json", "run.json");
        assertThat(out.resolve("assessment.html")).hasContent("<html>");
        assertThat(names(tmp.resolve("reports"))).containsExactly("today");
    }

    @Test
    void theOutputOfAnEarlierRunIsReplacedAsAWhole() throws IOException {
        Path out = earlierRun();
        Files.writeString(out.resolve("assessment.txt"), "a file only the earlier run wrote");

        OutputWriter.writeAll(out, files("assessment.json", "new json", "run.json", "new run"));

        assertThat(names(out)).containsExactly("assessment.json", "run.json");
        assertThat(out.resolve("assessment.json")).hasContent("new json");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void aDirectoryHoldingSomeoneElsesFileIsRefusedAndLeftAlone() throws IOException {
        Path out = earlierRun();
        Files.writeString(out.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> OutputWriter.writeAll(out, files("assessment.json", "new json")))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining(out.toString());

        assertThat(out.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("assessment.json")).hasContent("old json");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void aDirectoryHoldingASubdirectoryIsRefused() throws IOException {
        Path out = earlierRun();
        Files.createDirectories(out.resolve("assessment.d"));

        assertThatThrownBy(() -> OutputWriter.writeAll(out, files("assessment.json", "new json")))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("assessment.d");
        assertThat(out.resolve("assessment.d")).isDirectory();
    }

    @Test
    void aPathThatIsAFileIsRefusedAndKept() throws IOException {
        Path out = Files.writeString(tmp.resolve("out"), "a user's file");

        assertThatThrownBy(() -> OutputWriter.writeAll(out, files("assessment.json", "{}")))
                .isInstanceOf(OutputRefusedException.class)
                .hasMessageContaining("not a plain directory");
        assertThat(out).hasContent("a user's file");
    }

    @Test
    void aFileFailingMidWayLeavesThePreviousOutputIntactAndNoTemporaryDirectory() throws IOException {
        Path out = earlierRun();
        Map<String, byte[]> failing =
                files("assessment.json", "new json", "x".repeat(300) + ".html", "too long a name");

        assertThatThrownBy(() -> OutputWriter.writeAll(out, failing)).isInstanceOf(IOException.class);

        assertThat(names(out)).containsExactly("assessment.html", "assessment.json", "run.json");
        assertThat(out.resolve("assessment.json")).hasContent("old json");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void aParentThatCannotBeCreatedFailsBeforeAnythingIsWritten() throws IOException {
        Files.writeString(tmp.resolve("plain-file"), "x");

        assertThatThrownBy(() -> OutputWriter.writeAll(tmp.resolve("plain-file/out"), files("run.json", "{}")))
                .isInstanceOf(IOException.class);
        assertThat(names(tmp)).containsExactly("plain-file");
    }

    @Test
    void aNameWithASeparatorIsRejectedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> OutputWriter.writeAll(tmp.resolve("out"), files("../escape.json", "{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("out")).doesNotExist();
        assertThat(tmp.resolve("escape.json")).doesNotExist();
    }
}
