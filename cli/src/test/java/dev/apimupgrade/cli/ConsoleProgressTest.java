package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.execute.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final StringWriter err = new StringWriter();

    private void copyThreeFiles(Progress progress) {
        for (int i = 1; i <= 3; i++) {
            progress.update("synapse", i, 3, "files");
        }
        progress.finish("synapse");
    }

    @Test
    void atATerminalTheLineIsRewrittenInPlaceAndEndsWithTheTotal() {
        copyThreeFiles(ConsoleProgress.of(true, false, new PrintWriter(err)));

        assertThat(err.toString())
                .startsWith("\rsynapse: 1/3 files")
                .endsWith("\rsynapse: 3/3 files" + System.lineSeparator());
    }

    @Test
    void withoutATerminalNothingIsShown() {
        copyThreeFiles(ConsoleProgress.of(false, false, new PrintWriter(err)));

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void quietShowsNothingEvenAtATerminal() {
        copyThreeFiles(ConsoleProgress.of(true, true, new PrintWriter(err)));

        assertThat(err.toString()).isEmpty();
    }
}
