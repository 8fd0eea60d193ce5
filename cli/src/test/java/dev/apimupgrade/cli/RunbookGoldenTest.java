package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runbook.md of each sample, compared line for line with the reviewed copy under
 * src/test/resources/golden. Only what varies without the runbook's text changing is normalised: the samples
 * folder, the test's temporary folder (where the plan and its outputs go), the tool version, and the plan and rule-pack
 * hashes (they change with the version and with any rule); and in the custom sample's copy, the left-out rows the
 * default sample's runbook has word for word ({@link LeftOutRows}), so a condition that applies nowhere changes the
 * default sample's golden only. After a deliberate change, regenerate the copies with
 * {@code mvn -B -ntp -pl cli -am verify -Dtest=RunbookGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true}, read the diff as an operator would, and commit it.
 */
class RunbookGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Pattern HASH = Pattern.compile("`(sha256:)?[0-9a-f]{16,64}`");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {Samples.DEFAULT, Samples.CUSTOM})
    void theRunbookOfEachSampleIsTheReviewedOne(String sample) throws IOException {
        Path out = tmp.resolve("plan");
        CliRun planned = CliRun.withEnvironment(
                environment(sample),
                "plan",
                "--old",
                Samples.home(sample).toString(),
                "--new",
                Samples.home(Samples.TARGET).toString(),
                "--today",
                "2026-11-25",
                "--out",
                out.toString());
        assertThat(planned.err()).isEmpty();

        String rendered = normalised(Files.readString(out.resolve("runbook.md")).replace(tmp.toString(), "<tmp>"));
        if (!sample.equals(Samples.DEFAULT)) { // the default sample's golden alone keeps every left-out row
            rendered = LeftOutRows.withoutTheDefaultSamplesRows(rendered);
        }
        Path golden = GOLDEN.resolve("runbook-" + sample + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, rendered);
        }
        assertThat(golden)
                .as("golden copy (regenerate with -Dgolden.update=true)")
                .exists();
        assertThat(rendered).isEqualTo(Files.readString(golden));
    }

    @Test
    void normalisingReplacesOnlyTheSamplesFolderTheVersionAndTheHashes() {
        String text = "export APIM_OLD_HOME=\"" + Samples.dir() + "/apim-3.0.0-default\"\n| Tool | apim-upgrade "
                + ToolVersion.version() + " |\n| Rule pack | `" + "ab".repeat(8) + "` |\n| Plan | `" + "cd".repeat(32)
                + "` |\nkeep 2026-11-25, `abc` and " + "ef".repeat(32) + "\n";

        assertThat(normalised(text))
                .isEqualTo("export APIM_OLD_HOME=\"<samples>/apim-3.0.0-default\"\n"
                        + "| Tool | apim-upgrade <version> |\n| Rule pack | `<sha256>` |\n| Plan | `<sha256>` |\n"
                        + "keep 2026-11-25, `abc` and " + "ef".repeat(32) + "\n");
    }

    @Test
    void leftOutRowsTheDefaultSampleHasWordForWordAreTakenOutAndAHeadingThatMiscountsFails() {
        String runbook = "# R\n\n## Steps left out, and why (2)\n\n| Condition | Guide step | Why |\n|---|---|---|\n"
                + "| `A-ONE` a | 1 | same |\n| `B-TWO` b | 2 | own reason |\n";

        assertThat(LeftOutRows.without(
                        runbook, java.util.Set.of("| `A-ONE` a | 1 | same |", "| `B-TWO` b | 2 | other |")))
                .isEqualTo("# R\n\n## Steps left out, and why (<n>)\n\n" + LeftOutRows.NOTE
                        + "\n\n| Condition | Guide step | Why |\n|---|---|---|\n| `B-TWO` b | 2 | own reason |\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> LeftOutRows.without(runbook.replace("(2)", "(3)"), java.util.Set.of()))
                .hasMessageContaining("counts 3 steps left out, the table has 2");
    }

    static Map<String, String> environment(String sample) {
        return sample.equals(Samples.CUSTOM) ? AssessSamplesEndToEndTest.OPERATOR_ENVIRONMENT : Map.of();
    }

    /** The samples folder, the tool version, and the plan and rule-pack hashes (they bind the version) replaced. */
    static String normalised(String text) {
        String out = text.replace(Samples.dir().toString(), "<samples>")
                .replace("apim-upgrade " + ToolVersion.version(), "apim-upgrade <version>");
        return HASH.matcher(out).replaceAll(Matcher.quoteReplacement("`<sha256>`"));
    }
}
