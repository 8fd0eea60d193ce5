package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook.md of the PostgreSQL scenario (real 3.0.0 schemas on the loopback server), compared with the reviewed
 * copy under src/test/resources/golden: it shows the PostgreSQL SQL inline, which neither H2 sample does. Besides what
 * {@link RunbookGoldenTest#normalised} replaces, only the scenario's temporary folder and its uniquely named database
 * owner vary. Regenerate with -Dgolden.update=true like {@link RunbookGoldenTest}. Skips without a PostgreSQL server
 * (fails under CI=true).
 */
class RunbookScenarioGoldenTest {
    private static final Pattern OWNER = Pattern.compile("apimup_[0-9a-f]{12}");

    @TempDir
    Path tmp;

    @Test
    void thePostgresqlScenarioRunbookIsTheReviewedOne() throws Exception {
        Scenario scenario = Scenario.POSTGRESQL;
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario)) {
            Path home = ScenarioGenerator.write(scenario, tmp.resolve("home"), databases.datasources());
            Path out = tmp.resolve("plan");
            CliRun planned = CliRun.withEnvironment(java.util.Map.of(), "plan", "--old", home.toString(),
                    "--new", Samples.home(Samples.TARGET).toString(), "--today", "2026-11-25", "--out", out.toString());
            assertThat(planned.err()).isEmpty();

            String rendered = normalised(Files.readString(out.resolve("runbook.md")), tmp);
            assertThat(rendered).as("PostgreSQL SQL inline").contains("```sql");
            Path golden = RunbookGoldenTest.GOLDEN.resolve("runbook-" + scenario.expectedName() + ".md");
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(RunbookGoldenTest.GOLDEN);
                Files.writeString(golden, rendered);
            }
            assertThat(golden).as("golden copy (regenerate with -Dgolden.update=true)").exists();
            assertThat(rendered).isEqualTo(Files.readString(golden));
        }
    }

    static String normalised(String text, Path tmp) {
        String out = RunbookGoldenTest.normalised(text.replace(tmp.toString(), "<tmp>"));
        return OWNER.matcher(out).replaceAll("<owner>");
    }
}
