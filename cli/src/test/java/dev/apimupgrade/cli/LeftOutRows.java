package dev.apimupgrade.cli;

import dev.apimupgrade.samples.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook's "Steps left out, and why" table has a row for every condition that does not apply, so a new condition
 * that applies nowhere would add a row to every runbook golden. The default sample's golden keeps the whole table;
 * the other goldens keep only the rows that differ from the default sample's runbook, rendered fresh in the same run
 * (ADR 0042). The heading's count is checked against the rendered rows before it is replaced.
 */
final class LeftOutRows {
    private static final Pattern HEADING = Pattern.compile("(?m)^## Steps left out, and why \\((\\d+)\\)$");
    static final String NOTE = "<!-- golden: the rows the default sample's runbook has word for word are not repeated"
            + " here (ADR 0042) -->";
    private static Set<String> defaultRows;

    private LeftOutRows() {}

    /** The runbook with the left-out rows the default sample's runbook has word for word taken out. */
    static String withoutTheDefaultSamplesRows(String runbook) {
        return without(runbook, defaultRows());
    }

    static String without(String runbook, Set<String> common) {
        Matcher m = HEADING.matcher(runbook);
        if (!m.find()) {
            throw new AssertionError("no 'Steps left out' heading in the runbook");
        }
        List<String> lines = runbook.substring(m.end()).lines().toList();
        List<String> rows = rows(lines);
        if (rows.size() != Integer.parseInt(m.group(1))) {
            throw new AssertionError(
                    "the heading counts " + m.group(1) + " steps left out, the table has " + rows.size());
        }
        StringBuilder out = new StringBuilder(runbook.substring(0, m.start()));
        out.append("## Steps left out, and why (<n>)\n\n").append(NOTE).append('\n');
        for (String line : lines.subList(1, lines.size())) { // the heading's own line end is lines[0]
            if (!(line.startsWith("| `") && common.contains(line))) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The table rows (condition rows, not the header) of the section that starts {@code lines}. */
    private static List<String> rows(List<String> lines) {
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("| `")) {
                rows.add(line);
            } else if (line.startsWith("## ")) {
                break;
            }
        }
        return rows;
    }

    private static synchronized Set<String> defaultRows() {
        if (defaultRows == null) {
            try {
                Path out = Files.createTempDirectory("runbook-default");
                CliRun planned = CliRun.of(
                        "plan",
                        "--old",
                        Samples.home(Samples.DEFAULT).toString(),
                        "--new",
                        Samples.home(Samples.TARGET).toString(),
                        "--today",
                        "2026-11-25",
                        "--out",
                        out.resolve("plan").toString());
                if (!planned.err().isEmpty()) {
                    throw new AssertionError("planning the default sample: " + planned.err());
                }
                String runbook = RunbookGoldenTest.normalised(Files.readString(out.resolve("plan/runbook.md")));
                Matcher m = HEADING.matcher(runbook);
                if (!m.find()) {
                    throw new AssertionError("no 'Steps left out' heading in the default sample's runbook");
                }
                defaultRows = Set.copyOf(rows(runbook.substring(m.end()).lines().toList()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return defaultRows;
    }
}
