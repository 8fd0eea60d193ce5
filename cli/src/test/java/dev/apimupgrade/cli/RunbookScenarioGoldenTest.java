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
 * owner and the server's version string vary. Regenerate with -Dgolden.update=true like {@link RunbookGoldenTest}. Skips without a PostgreSQL server
 * (fails under CI=true).
 */
class RunbookScenarioGoldenTest {
    private static final Pattern OWNER = Pattern.compile("apimup_[0-9a-f]{12}");
    /** The server's own version string, e.g. "PostgreSQL 15.20 (Debian 15.20-0+deb12u1)": it differs per machine. */
    private static final Pattern SERVER_VERSION = Pattern.compile("`PostgreSQL [^`]*? \\(dialect POSTGRES\\)`");

    @TempDir
    Path tmp;

    @Test
    void normalisingReplacesTheTemporaryFolderTheOwnerAndTheServerVersionOnly() {
        Path tmp = Path.of("/tmp/junit123");
        String text = "export APIM_OLD_HOME=\"/tmp/junit123/home\"\nurl = \"jdbc:postgresql://127.0.0.1:5432/"
                + "apimup_0123456789ab_user\"\n| `db:apim_db/product` | `PostgreSQL 15.20 (Debian 15.20-0+deb12u1)"
                + " (dialect POSTGRES)` |\nkeep PostgreSQL and apimup_x\n";

        assertThat(normalised(text, tmp)).isEqualTo("export APIM_OLD_HOME=\"<tmp>/home\"\n"
                + "url = \"jdbc:postgresql://127.0.0.1:5432/<owner>_user\"\n"
                + "| `db:apim_db/product` | `PostgreSQL <server version> (dialect POSTGRES)` |\n"
                + "keep PostgreSQL and apimup_x\n");
    }

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
        out = SERVER_VERSION.matcher(out).replaceAll("`PostgreSQL <server version> (dialect POSTGRES)`");
        return OWNER.matcher(out).replaceAll("<owner>");
    }
}
