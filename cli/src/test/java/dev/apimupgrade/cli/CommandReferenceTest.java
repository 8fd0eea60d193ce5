package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's command reference is each command's --help as the tool prints it, so the two cannot drift apart; after a
 * change to the commands, regenerate the README's blocks with -Dgolden.update=true and review the diff.
 */
class CommandReferenceTest {
    private static final Path README = Path.of("..", "README.md");
    private static final List<String> COMMANDS =
            List.of("assess", "plan", "migrate", "verify", "compare", "evidence", "rollback", "rules", "collect");
    private static final Pattern BLOCK =
            Pattern.compile("(<!-- help: (?<command>[a-z]+) -->\n```text\n)(?<help>.*?)" + "(```\n)", Pattern.DOTALL);

    @Test
    void theReadmesCommandReferenceIsEachCommandsHelpAsPrinted() throws Exception {
        String readme = Files.readString(README);
        StringBuilder updated = new StringBuilder();
        Matcher m = BLOCK.matcher(readme);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            String command = m.group("command");
            found.add(command);
            String help = help(command);
            if (Boolean.getBoolean("golden.update")) {
                m.appendReplacement(updated, Matcher.quoteReplacement(m.group(1) + help + m.group(4)));
            } else {
                assertThat(m.group("help"))
                        .as("README's block for " + command + " (regenerate with" + " -Dgolden.update=true)")
                        .isEqualTo(help);
            }
        }
        if (Boolean.getBoolean("golden.update")) {
            m.appendTail(updated);
            Files.writeString(README, updated.toString());
        }
        assertThat(found).isEqualTo(COMMANDS);
    }

    @Test
    void everyCommandsHelpGroupsItsOptionsShowsAnExampleAndOnlyItsOwnExitCodes() {
        String migrate = help("migrate");
        assertThat(migrate)
                .contains(
                        "Homes and inputs:",
                        "Behaviour:",
                        "Example",
                        "Exit codes:",
                        "  4  stopped at a step for the operator")
                .doesNotContain("READY: no blocker");
        assertThat(migrate.indexOf("\n      --plan="))
                .isPositive()
                .isLessThan(migrate.indexOf("\n      --old="))
                .isLessThan(migrate.indexOf("\n      --dry-run "));
        assertThat(help("verify"))
                .containsPattern("--new=<3.1.0 home>\\s+The API Manager 3.1.0 home to upgrade to\\.\\s+Required\\.");
        assertThat(help("migrate")).contains("Required; when not given, the one plan.json");
        String assess = help("assess");
        assertThat(assess).contains("Outputs:", "Databases:", "  7  UNDECIDED").doesNotContain("  4  stopped");
        assertThat(assess.indexOf("\n      --old="))
                .isPositive()
                .isLessThan(assess.indexOf("\n      --out="))
                .isLessThan(assess.indexOf("\n      --no-db "));
        for (String command : COMMANDS) {
            assertThat(help(command).lines())
                    .as(command)
                    .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        }
    }

    private static String help(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.code()).isZero();
        return run.out().replace("\r\n", "\n");
    }
}
