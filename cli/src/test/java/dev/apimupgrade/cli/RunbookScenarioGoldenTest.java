package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runbook.md of every scenario but the stock one (the default sample: {@link RunbookGoldenTest}) (PostgreSQL and MariaDB ones on the loopback servers, with the real 3.0.0 schemas;
 * answers where the scenario has them), compared with the reviewed copy under src/test/resources/golden: they show
 * the steps each situation adds or leaves out (versioned registry clean-up, tenants and custom jars, PostgreSQL and
 * MySQL SQL inline, the analytics database, an IS Key Manager answered or not). Besides what
 * {@link RunbookGoldenTest#normalised} replaces, only the scenario's temporary folder and its uniquely named database
 * owner and the server's version string vary, and the left-out rows the default sample's runbook has word for word
 * are not repeated ({@link LeftOutRows}, ADR 0042). Regenerate with -Dgolden.update=true like {@link RunbookGoldenTest}.
 * A scenario on a server that is not running skips (fails under CI=true).
 */
class RunbookScenarioGoldenTest {
    private static final Pattern OWNER = Pattern.compile("apimup_[0-9a-f]{12}");
    /** The server's own version string, e.g. "PostgreSQL 15.20 (Debian 15.20-0+deb12u1)": it differs per machine. */
    private static final Pattern SERVER_VERSION =
            Pattern.compile("`(PostgreSQL|MariaDB|MySQL) [^`]*? \\(dialect (\\w+)\\)`");

    @TempDir
    Path tmp;

    @Test
    void normalisingReplacesTheTemporaryFolderTheOwnerAndTheServerVersionOnly() {
        Path tmp = Path.of("/tmp/junit123");
        String text = "export APIM_OLD_HOME=\"/tmp/junit123/home\"\nurl = \"jdbc:postgresql://127.0.0.1:5432/"
                + "apimup_0123456789ab_user\"\n| `db:apim_db/product` | `PostgreSQL 15.20 (Debian 15.20-0+deb12u1)"
                + " (dialect POSTGRES)` |\nkeep PostgreSQL and apimup_x\n";

        assertThat(normalised(text, tmp))
                .isEqualTo("export APIM_OLD_HOME=\"<tmp>/home\"\n"
                        + "url = \"jdbc:postgresql://127.0.0.1:5432/<owner>_user\"\n"
                        + "| `db:apim_db/product` | `PostgreSQL <server version> (dialect POSTGRES)` |\n"
                        + "keep PostgreSQL and apimup_x\n");
    }

    @ParameterizedTest
    @EnumSource(value = Scenario.class, names = "STOCK", mode = EnumSource.Mode.EXCLUDE) // RunbookGoldenTest has it
    void theScenariosRunbookIsTheReviewedOne(Scenario scenario) throws Exception {
        try (ScenarioDatabases databases = ScenarioDatabases.create(scenario)) {
            Path home = ScenarioGenerator.write(scenario, tmp.resolve("home"), databases.datasources());
            Path out = tmp.resolve("plan");
            List<String> args = new ArrayList<>(List.of(
                    "plan",
                    "--old",
                    home.toString(),
                    "--new",
                    Samples.home(Samples.TARGET).toString(),
                    "--today",
                    "2026-11-25",
                    "--out",
                    out.toString()));
            if (scenario.answers().isPresent()) {
                Path answers = Files.writeString(
                        tmp.resolve("answers.yaml"), scenario.answers().get());
                args.addAll(List.of("--answers", answers.toString()));
            }
            CliRun planned = CliRun.withEnvironment(java.util.Map.of(), args.toArray(String[]::new));
            assertThat(planned.err()).isEmpty();

            String rendered = LeftOutRows.withoutTheDefaultSamplesRows(
                    normalised(Files.readString(out.resolve("runbook.md")), tmp));
            if (scenario.server() != Scenario.Server.H2) {
                assertThat(rendered).as("the server's SQL inline").contains("```sql");
            }
            Path golden = RunbookGoldenTest.GOLDEN.resolve("runbook-" + scenario.expectedName() + ".md");
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(RunbookGoldenTest.GOLDEN);
                Files.writeString(golden, rendered);
            }
            assertThat(golden)
                    .as("golden copy (regenerate with -Dgolden.update=true)")
                    .exists();
            assertThat(rendered).isEqualTo(Files.readString(golden));
        }
    }

    static String normalised(String text, Path tmp) {
        String out = RunbookGoldenTest.normalised(text.replace(tmp.toString(), "<tmp>"));
        out = SERVER_VERSION.matcher(out).replaceAll("`$1 <server version> (dialect $2)`");
        return OWNER.matcher(out).replaceAll("<owner>");
    }
}
