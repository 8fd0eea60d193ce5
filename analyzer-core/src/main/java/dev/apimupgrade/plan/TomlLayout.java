package dev.apimupgrade.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Where things are in a TOML text, line by line: table headers, key lines (with the line their value ends on, for
 * multi-line arrays and strings) and everything else (comments, blanks). The editor needs only this to change one
 * table or key and leave every other byte alone; the values themselves are checked by re-parsing with tomlj.
 */
final class TomlLayout {
    /** One table header, the key lines under it, and the line its last key's value ends on (-1 before any key). */
    record Table(String path, boolean array, int header, List<Key> keys) {
        int lastKeyLine() {
            return keys.isEmpty() ? header : keys.get(keys.size() - 1).lastLine();
        }
    }

    /** One key = value, with its full dotted path (table path plus the key as written) and its first and last line. */
    record Key(String path, int firstLine, int lastLine) {}

    final List<String> lines;
    final List<Table> tables = new ArrayList<>();

    /** {@code lines} keep their terminators, so joining them gives back the exact text. */
    TomlLayout(List<String> lines) {
        this.lines = lines;
        Table current = new Table("", false, -1, new ArrayList<>());
        tables.add(current);
        for (int i = 0; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            String trimmed = line.trim();
            if (trimmed.startsWith("[")) {
                boolean array = trimmed.startsWith("[[");
                String inner = trimmed.substring(array ? 2 : 1, trimmed.indexOf(array ? "]]" : "]"));
                current = new Table(TomlKeys.normalise(inner), array, i, new ArrayList<>());
                tables.add(current);
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int eq = TomlKeys.equalsSign(line);
                String key = TomlKeys.normalise(line.substring(0, eq));
                int last = TomlKeys.valueEnd(lines, i, eq + 1);
                current.keys().add(new Key(current.path().isEmpty() ? key : current.path() + "." + key, i, last));
                i = last;
            }
        }
    }

    static String strip(String line) {
        return line.endsWith("\r\n")
                ? line.substring(0, line.length() - 2)
                : line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** The standard (not array) table with this path, if the text has a header for it. */
    java.util.Optional<Table> table(String path) {
        return tables.stream()
                .filter(t -> !t.array() && t.header() >= 0 && t.path().equals(path))
                .findFirst();
    }

    java.util.Optional<Key> key(String path) {
        return tables.stream()
                .filter(t -> !t.array())
                .flatMap(t -> t.keys().stream())
                .filter(k -> k.path().equals(path))
                .findFirst();
    }

    /** The last line that belongs to a table: its last key's value, not the comments that introduce the next table. */
    int end(Table t) {
        return t.lastKeyLine();
    }

    /** The line a new table goes before: the [secrets] table, which must stay last, or the end of the text. */
    int newTablePosition() {
        return table("secrets").map(Table::header).orElse(lines.size());
    }

    String lineSeparator() {
        return lines.stream().anyMatch(l -> l.endsWith("\r\n")) ? "\r\n" : "\n";
    }
}
