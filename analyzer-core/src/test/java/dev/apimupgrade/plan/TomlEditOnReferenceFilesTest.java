package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.testkit.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The editor on the real 3.1.0 deployment.toml files (the stock pack's and the migration testing tool's for each
 * database): every line outside the edited table stays byte-identical, and the result parses with the new value.
 */
public class TomlEditOnReferenceFilesTest {

    /** The real 3.1.0 deployment.toml files; the test is skipped without them (failed under CI=true). */
    public static Stream<Path> files() throws IOException {
        SharedFiles.referenceFolder("apim-3.1.0");
        String dir = SharedFiles.referenceDir();
        List<Path> files = new ArrayList<>();
        files.add(Path.of(dir, "apim-3.1.0/repository/conf/deployment.toml"));
        try (Stream<Path> tool = Files.list(Path.of(dir, "migration/testing-tool/API-M_3.1.0"))) {
            tool.map(d -> d.resolve("deployment.toml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(1);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void replacingAnExistingKeyChangesOneLine(Path file) throws IOException {
        String text = Files.readString(file);

        String out = TomlEdit.setValue(text, "server.hostname", TomlEdit.literal("apim.example.com"));

        assertOnlyChangedWithin(text, out, "[server]");
        assertThat(changedLines(text, out)).isEqualTo(1);
        assertThat(Toml.parse(out).getString("server.hostname")).isEqualTo("apim.example.com");
    }

    @ParameterizedTest
    @MethodSource("files")
    void settingAKeyOfAnExistingTableTouchesOnlyThatTable(Path file) throws IOException {
        String text = Files.readString(file);

        String out =
                TomlEdit.setValue(text, "database.apim_db.validationQuery", TomlEdit.literal("SELECT 1 FROM DUAL"));

        assertOnlyChangedWithin(text, out, "[database.apim_db]");
        boolean present = Toml.parse(text).contains("database.apim_db.validationQuery");
        assertThat(TomlEdit.lines(out)).hasSize(TomlEdit.lines(text).size() + (present ? 0 : 1));
        assertThat(Toml.parse(out).getString("database.apim_db.validationQuery"))
                .isEqualTo("SELECT 1 FROM DUAL");
    }

    @ParameterizedTest
    @MethodSource("files")
    void replacingATableLeavesEveryOtherLineByteIdentical(Path file) throws IOException {
        String text = Files.readString(file);

        String out = TomlEdit.setTable(
                text,
                "database.shared_db",
                List.of(
                        "type = \"postgre\"",
                        "url = \"jdbc:postgresql://db:5432/shared\"",
                        "username = \"apim\"",
                        "password = \"$secret{shared}\""));

        assertOnlyChangedWithin(text, out, "[database.shared_db]");
        TomlParseResult parsed = Toml.parse(out);
        assertThat(parsed.getString("database.shared_db.url")).isEqualTo("jdbc:postgresql://db:5432/shared");
        assertThat(parsed.getString("database.apim_db.url"))
                .isEqualTo(Toml.parse(text).getString("database.apim_db.url"));
    }

    @ParameterizedTest
    @MethodSource("files")
    void addingATableKeepsTheWholeOriginalAroundIt(Path file) throws IOException {
        String text = Files.readString(file);

        String out = TomlEdit.setValue(text, "registry.static_configuration.enable", "true");

        assertOnlyChangedWithin(text, out, "[registry.static_configuration]");
        if (!text.contains("[secrets]")) {
            assertThat(out).startsWith(text);
        }
        assertThat(Toml.parse(out).getBoolean("registry.static_configuration.enable"))
                .isTrue();
    }

    /** Every line that differs (after the common head and tail) is blank or inside {@code header}'s table. */
    private static void assertOnlyChangedWithin(String before, String after, String header) {
        List<String> a = TomlEdit.lines(before).stream().map(TomlLayout::strip).toList();
        List<String> b = TomlEdit.lines(after).stream().map(TomlLayout::strip).toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head
                && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        assertThat(head + tail).as("lines kept").isGreaterThan(a.size() / 2);
        assertWithin(a, head, a.size() - tail, header);
        assertWithin(b, head, b.size() - tail, header);
    }

    private static void assertWithin(List<String> lines, int from, int to, String header) {
        String table = null;
        for (int i = 0; i < to; i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("[")) {
                table = t;
            }
            if (i >= from && !t.isEmpty()) {
                assertThat(table).as("line %d '%s'", i + 1, t).isEqualTo(header);
            }
        }
    }

    private static int changedLines(String before, String after) {
        List<String> a = TomlEdit.lines(before);
        List<String> b = TomlEdit.lines(after);
        int changed = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            changed += a.get(i).equals(b.get(i)) ? 0 : 1;
        }
        return changed + Math.abs(a.size() - b.size());
    }
}
