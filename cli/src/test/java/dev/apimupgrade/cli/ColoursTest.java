package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColoursTest {
    private static final String SUMMARY = "NOT READY: 1 blocker\nBlockers:\n  ANA-PK  BLOCKER: x\nNext: fix it\n";

    @Test
    void atATerminalTheVerdictAndTheBlockersAreColoured() {
        String painted = Colours.of(true, Map.of("TERM", "xterm")).summary(SUMMARY);

        assertThat(painted)
                .startsWith("\u001b[1;31mNOT READY\u001b[0m: 1 blocker")
                .contains("\u001b[1;31mBLOCKER\u001b[0m: x")
                .contains("\u001b[1mNext:\u001b[0m fix it");
        assertThat(painted.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(SUMMARY);
    }

    @Test
    void noColourInAPipeWithNoColorSetOrOnADumbTerminal() {
        assertThat(Colours.of(false, Map.of("TERM", "xterm")).summary(SUMMARY)).isEqualTo(SUMMARY);
        assertThat(Colours.of(true, Map.of("NO_COLOR", "1", "TERM", "xterm")).summary(SUMMARY))
                .isEqualTo(SUMMARY);
        assertThat(Colours.of(true, Map.of("TERM", "dumb")).summary(SUMMARY)).isEqualTo(SUMMARY);
        assertThat(Colours.of(true, Map.of("NO_COLOR", "")).on()).isTrue();
    }

    @Test
    void commandsRunInProcessAsTestsAndPipesRunThemPrintNoEscapeCodes() {
        CliRun run = CliRun.of("assess", "--help");

        assertThat(run.out()).doesNotContain("\u001b[");
    }
}
