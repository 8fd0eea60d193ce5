package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is the output of {@code apim-upgrade rules}, so the documentation cannot drift from the rules. */
class RulesDocTest {
    @Test
    void docsRulesMdIsExactlyWhatTheRulesCommandPrints() throws IOException {
        CliRun run = CliRun.of("rules");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("### REG-VERSIONING-ENABLED").contains("rule `REG-VERSIONING-ENABLED");
        assertThat(Files.readString(Path.of("../docs/rules.md")))
                .as("docs/rules.md is stale: regenerate it with ./apim-upgrade rules > docs/rules.md")
                .isEqualTo(run.out());
    }
}
