package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.TomlSetting;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A home's repository/conf/deployment.toml, parsed, with its leaf keys flattened the way facts name them. Shared by
 * the scanners that read it, because scanners do not see each other's facts. Values here are NOT masked.
 */
public final class TomlFile {
    static final String PATH = "repository/conf/deployment.toml";
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    static final int MAX_BLANK_RUN = 200;
    static final int PARSE_SECONDS = 10;

    /**
     * One leaf: the dotted key, its own name (last segment), the value as text, the line it is on, and whether the
     * value is a TOML boolean (a flag such as allow_credentials, which no secret can hide in).
     */
    /** One leaf: its dotted key, its own name, its value as text, its line, and its TOML type (see {@link #type}). */
    record Leaf(String key, String name, String value, int line, String type) {
        boolean flag() {
            return type.equals(TomlSetting.BOOLEAN);
        }
    }

    private final Role role;
    private final String text;
    private final TomlParseResult toml;

    private TomlFile(Role role, String text, TomlParseResult toml) {
        this.role = role;
        this.text = text;
        this.toml = toml;
    }

    /**
     * The home's deployment.toml; none when there is no such home, or when the new home lacks the file (a target
     * pack without one is still a target). The old home without one cannot be assessed; a file that is there but
     * cannot be read, is too large, is not UTF-8, is malformed or gives a key the wrong type is an input error.
     */
    static Optional<TomlFile> read(Installation installation, Role role) throws InputException {
        Optional<Path> home = installation.home(role);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Path file = home.get().resolve(PATH);
        String shownAs = shownAs(role);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (role == Role.OLD) {
                throw new InputException(
                        shownAs, "the old home has no deployment.toml, so its configuration cannot be assessed");
            }
            return Optional.empty();
        }
        return Optional.of(parse(role, InputFile.text(file, shownAs, InputFile.TOML)));
    }

    /** The parsed deployment.toml of a home, checked as {@link #read} checks it, for readers outside this package. */
    public static Optional<TomlTable> table(Installation installation, Role role) throws InputException {
        return read(installation, role).map(TomlFile::root);
    }

    static TomlFile parse(Role role, String text) throws InputException {
        requireFewBlankLinesInARow(text, shownAs(role));
        TomlParseResult toml = parseWithin(text, shownAs(role));
        if (toml.hasErrors()) {
            TomlParseError e = toml.errors().get(0);
            throw new InputException(shownAs(role), line(e.position()), "malformed TOML: " + e.getMessage());
        }
        if (toml.isEmpty()) {
            throw new InputException(
                    shownAs(role),
                    "sets nothing (empty, or only comments); a deployment.toml"
                            + " configures at least the server and its databases");
        }
        TomlShape.check(toml, shownAs(role));
        return new TomlFile(role, text, toml);
    }

    /**
     * tomlj's parse time grows steeply with runs of blank or comment lines (1,600 in a row take half a minute; the
     * stock file has a handful), so a run longer than any real file has is refused before it starts.
     */
    private static void requireFewBlankLinesInARow(String text, String shownAs) throws InputException {
        int run = 0;
        int line = 0;
        for (String l : (Iterable<String>) text.lines()::iterator) {
            line++;
            String stripped = l.strip();
            run = stripped.isEmpty() || stripped.startsWith("#") ? run + 1 : 0;
            if (run > MAX_BLANK_RUN) {
                throw new InputException(
                        shownAs,
                        line,
                        "more than " + MAX_BLANK_RUN + " blank or comment lines in a"
                                + " row; a deployment.toml has far fewer, and the TOML parser slows down badly on them");
            }
        }
    }

    /** The parse, given at most {@link #PARSE_SECONDS}: a backstop for inputs that make the parser crawl. */
    private static TomlParseResult parseWithin(String text, String shownAs) throws InputException {
        FutureTask<TomlParseResult> parse = new FutureTask<>(() -> Toml.parse(text));
        Thread parser = new Thread(parse, "deployment.toml parser");
        parser.setDaemon(true); // an abandoned parse must not keep the tool alive
        parser.start();
        try {
            return parse.get(PARSE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            parser.interrupt();
            throw new InputException(
                    shownAs,
                    "took longer than " + PARSE_SECONDS + " s to parse, so it is refused;"
                            + " a deployment.toml parses in milliseconds");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InputException(
                    shownAs, "cannot be parsed (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(shownAs, "parsing was interrupted");
        }
    }

    static String shownAs(Role role) {
        return role.name() + ":" + PATH;
    }

    Role role() {
        return role;
    }

    TomlTable root() {
        return toml;
    }

    /** The raw lines, commented ones included, for what the parser drops (references in comments). */
    List<String> lines() {
        return text.lines().toList();
    }

    /** The line a dotted key (table or value) is defined on, or 0. */
    int line(List<String> keyPath) {
        return line(toml.inputPositionOf(keyPath));
    }

    /** A value as text, or "" when absent: strings as they are, arrays as TOML text. */
    static String text(TomlTable table, String name) {
        return table.contains(List.of(name)) ? text(table.get(List.of(name))) : "";
    }

    /** Every leaf in file order; arrays of tables are indexed (name[0].key), arrays of values stay one leaf. */
    List<Leaf> leaves() {
        List<Leaf> out = new ArrayList<>();
        flatten("", toml, out);
        return out;
    }

    private static void flatten(String prefix, TomlTable table, List<Leaf> out) {
        for (String name : table.keySet()) {
            List<String> path = List.of(name);
            String key = prefix + segment(name);
            Object value = table.get(path);
            if (value instanceof TomlTable t) {
                flatten(key + ".", t, out);
            } else if (value instanceof TomlArray a && holdsTables(a)) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.isTable(i)) {
                        flatten(key + "[" + i + "].", a.getTable(i), out);
                    } else {
                        out.add(new Leaf(
                                key + "[" + i + "]", name, text(a.get(i)), line(a.inputPositionOf(i)), type(a.get(i))));
                    }
                }
            } else {
                out.add(new Leaf(key, name, text(value), line(table.inputPositionOf(path)), type(value)));
            }
        }
    }

    private static boolean holdsTables(TomlArray a) {
        for (int i = 0; i < a.size(); i++) {
            if (a.isTable(i)) {
                return true;
            }
        }
        return false;
    }

    /** The TOML type of a value as tomlj parsed it, so a carried "false" stays a string and false a boolean. */
    static String type(Object value) {
        if (value instanceof String) {
            return TomlSetting.STRING;
        } else if (value instanceof Boolean) {
            return TomlSetting.BOOLEAN;
        } else if (value instanceof Long) {
            return TomlSetting.INTEGER;
        } else if (value instanceof Double) {
            return TomlSetting.FLOAT;
        } else if (value instanceof TomlArray) {
            return TomlSetting.ARRAY;
        }
        return TomlSetting.DATETIME;
    }

    private static String text(Object value) {
        return value instanceof TomlArray a ? a.toToml().strip() : String.valueOf(value);
    }

    /** A key segment as TOML writes it: bare when it can be, quoted otherwise, so dotted keys stay unambiguous. */
    private static String segment(String name) {
        return BARE_KEY.matcher(name).matches() ? name : "\"" + Toml.tomlEscape(name) + "\"";
    }

    private static int line(TomlPosition position) {
        return position == null ? 0 : position.line();
    }
}
