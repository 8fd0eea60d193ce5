package dev.apimupgrade.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WSO2's identity migration scripts read as the migration client's SchemaMigrator reads them, for the tests that run
 * them for real (analyzer-core's schema test and cli's operator at the IDN-RUN stop).
 */
public final class MigrationScripts {
    /** One statement of a script, with the file and the line it starts on. */
    public record Statement(String file, int line, String sql) {}

    private MigrationScripts() {}

    /**
     * Comment lines skipped, a MySQL DELIMITER line obeyed, and no split inside $$ quoting (the PostgreSQL procedure,
     * H2's Java alias).
     */
    public static List<Statement> split(String file, String script) {
        List<Statement> out = new ArrayList<>();
        String delimiter = ";";
        boolean dollar = false;
        StringBuilder current = new StringBuilder();
        int start = 0;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (!dollar && (t.isEmpty() || t.startsWith("--") || t.startsWith("/*") && t.endsWith("*/"))) {
                continue;
            }
            if (!dollar && t.toUpperCase(Locale.ROOT).startsWith("DELIMITER ")) {
                delimiter = t.substring("DELIMITER ".length()).strip();
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            current.append(lines[i]).append('\n');
            if (delimiter.equals(";") && (t.split("\\$\\$", -1).length - 1) % 2 == 1) {
                dollar = !dollar;
            }
            if (!dollar && t.endsWith(delimiter)) {
                String s = current.toString().strip();
                out.add(new Statement(
                        file,
                        start,
                        s.substring(0, s.length() - delimiter.length()).strip()));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(new Statement(file, start, current.toString().strip()));
        }
        return out;
    }
}
