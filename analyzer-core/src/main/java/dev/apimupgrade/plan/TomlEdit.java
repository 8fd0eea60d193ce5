package dev.apimupgrade.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Computes the new text of a deployment.toml with one table or one key added or replaced, keeping every comment and
 * every other line byte for byte (the guide forbids copying whole configuration files). The result is re-parsed with
 * tomlj, so an edit that would make the file unreadable is refused instead of written.
 */
public final class TomlEdit {
    private static final Pattern BARE = Pattern.compile("true|false|-?\\d+");

    private TomlEdit() {}

    /** {@code key = value} for {@code dottedKey}: replaces its line(s), else adds it to its table, else adds the table. */
    public static String setValue(String text, String dottedKey, String literal) {
        TomlLayout layout = new TomlLayout(lines(text));
        String sep = layout.lineSeparator();
        Optional<TomlLayout.Key> existing = layout.key(dottedKey);
        int dot = dottedKey.lastIndexOf('.');
        String table = dot < 0 ? "" : dottedKey.substring(0, dot);
        String name = dottedKey.substring(dot + 1);
        if (existing.isPresent()) {
            TomlLayout.Key k = existing.get();
            String line = layout.lines.get(k.firstLine());
            String keyAsWritten = line.substring(0, TomlKeys.equalsSign(line)).trim();
            return checked(
                    splice(
                            layout.lines,
                            k.firstLine(),
                            k.lastLine() + 1,
                            List.of(indent(line) + keyAsWritten + " = " + literal + sep)),
                    dottedKey);
        }
        Optional<TomlLayout.Table> parent = table.isEmpty() ? Optional.of(layout.tables.get(0)) : layout.table(table);
        if (parent.isPresent()) {
            int at = parent.get().header() < 0 && parent.get().keys().isEmpty() ? 0 : layout.end(parent.get()) + 1;
            String before = at > 0 && !layout.lines.get(at - 1).endsWith("\n") ? sep : "";
            return checked(splice(layout.lines, at, at, List.of(before + name + " = " + literal + sep)), dottedKey);
        }
        return addTable(layout, table, List.of(name + " = " + literal));
    }

    /** Replaces table {@code path} (its header and keys, up to the comments that introduce the next table) or adds it. */
    public static String setTable(String text, String path, List<String> body) {
        TomlLayout layout = new TomlLayout(lines(text));
        Optional<TomlLayout.Table> existing = layout.table(path);
        if (existing.isEmpty()) {
            return addTable(layout, path, body);
        }
        TomlLayout.Table t = existing.get();
        List<String> replacement = new ArrayList<>();
        replacement.add(layout.lines.get(t.header()));
        body.forEach(l -> replacement.add(l + layout.lineSeparator()));
        return checked(splice(layout.lines, t.header(), layout.end(t) + 1, replacement), path);
    }

    /**
     * Replaces subtable {@code path} of {@code parent} or, when the text has no such table, adds it right after the
     * parent table (and after the parent's subtables that directly follow it), where a reader looks for it; without
     * the parent either, it is added as a new table like {@link #setTable}.
     */
    public static String setSubtable(String text, String parent, String path, List<String> body) {
        TomlLayout layout = new TomlLayout(lines(text));
        Optional<TomlLayout.Table> p = layout.table(parent);
        if (layout.table(path).isPresent() || p.isEmpty()) {
            return setTable(text, path, body);
        }
        int index = layout.tables.indexOf(p.get());
        while (index + 1 < layout.tables.size()
                && layout.tables.get(index + 1).path().startsWith(parent + ".")) {
            index++;
        }
        int at = layout.end(layout.tables.get(index)) + 1;
        String sep = layout.lineSeparator();
        StringBuilder block = new StringBuilder();
        if (at == layout.lines.size() && at > 0 && !layout.lines.get(at - 1).endsWith("\n")) {
            block.append(sep);
        }
        block.append(sep).append('[').append(path).append(']').append(sep);
        body.forEach(l -> block.append(l).append(sep));
        return checked(splice(layout.lines, at, at, List.of(block.toString())), path);
    }

    /** The standard tables declared under {@code path} by a header of their own ("pool_options" for a.b.pool_options). */
    public static List<String> subtables(String text, String path) {
        return new TomlLayout(lines(text))
                .tables.stream()
                        .filter(t -> !t.array() && t.header() >= 0 && t.path().startsWith(path + "."))
                        .map(t -> t.path().substring(path.length() + 1))
                        .toList();
    }

    /** The key lines of a table as written (values spanning lines included), to carry a table from one file to another. */
    public static Optional<List<String>> tableBody(String text, String path) {
        return tableBody(text, path, java.util.Set.of());
    }

    /**
     * The table's key lines as {@link #tableBody} gives them, without the keys named in {@code dropped} (relative to
     * the table: "driverClassName"), each with any continuation lines of its value.
     */
    public static Optional<List<String>> tableBody(String text, String path, java.util.Set<String> dropped) {
        TomlLayout layout = new TomlLayout(lines(text));
        return layout.table(path).map(t -> {
            List<String> body = new ArrayList<>();
            for (TomlLayout.Key k : t.keys()) {
                if (dropped.contains(k.path().substring(path.length() + 1))) {
                    continue;
                }
                for (int i = k.firstLine(); i <= k.lastLine(); i++) {
                    body.add(TomlLayout.strip(layout.lines.get(i)));
                }
            }
            return body;
        });
    }

    /**
     * A scanned value as the TOML literal of its type as written: a string quoted and escaped even when it reads
     * "false" or "50", a boolean, number, date or array as its text; a value of unobserved type as {@link #literal}.
     */
    public static String typed(String value, String type) {
        if (type.isEmpty()) {
            return literal(value);
        }
        return type.equals("string") ? "\"" + org.tomlj.Toml.tomlEscape(value) + "\"" : value;
    }

    /** A parameter value as a TOML literal: booleans and integers bare, anything else a quoted, escaped string. */
    public static String literal(String value) {
        if (BARE.matcher(value).matches()) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String addTable(TomlLayout layout, String path, List<String> body) {
        String sep = layout.lineSeparator();
        int at = layout.newTablePosition();
        // A file whose last line has no terminator keeps that line as it is: the new table starts with the break.
        boolean openLastLine =
                at == layout.lines.size() && at > 0 && !layout.lines.get(at - 1).endsWith("\n");
        StringBuilder block = new StringBuilder();
        if (openLastLine) {
            block.append(sep);
        }
        if (at > 0 && !TomlLayout.strip(layout.lines.get(at - 1)).isBlank()) {
            block.append(sep);
        }
        block.append('[').append(path).append(']').append(sep);
        body.forEach(l -> block.append(l).append(sep));
        if (at < layout.lines.size()) {
            block.append(sep);
        } else if (openLastLine) {
            block.setLength(block.length() - sep.length());
        }
        return checked(splice(layout.lines, at, at, List.of(block.toString())), path);
    }

    private static String checked(String result, String what) {
        TomlParseResult parsed = Toml.parse(result);
        if (parsed.hasErrors()) {
            throw new IllegalStateException("setting " + what + " would leave deployment.toml unreadable: "
                    + parsed.errors().get(0));
        }
        return result;
    }

    private static String splice(List<String> lines, int from, int to, List<String> replacement) {
        StringBuilder out = new StringBuilder();
        lines.subList(0, from).forEach(out::append);
        replacement.forEach(out::append);
        lines.subList(to, lines.size()).forEach(out::append);
        return out.toString();
    }

    private static String indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /** The text's lines, each with its own terminator, so joining them gives the text back exactly. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
