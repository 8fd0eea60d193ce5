package dev.apimupgrade.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code migrate:} section of the answers file, for runs without a person at the keyboard: the manual steps the
 * operator has done ({@code confirmed:}, a list of step ids, instead of --confirm) and where the operator's full
 * database backup is ({@code database_backup:}, recorded in the run's journal), and where the files a step needs that
 * the tool does not ship are ({@code files:}, short name or file name to a path, e.g. {@code tenantloader:
 * /opt/tenantloader-1.0.jar}; a relative path is read from the answers file's folder). It is no question of the assessment,
 * so it makes no fact and does not change the plan's fingerprint. A location that looks like it holds a credential is
 * refused: the journal never holds a secret.
 *
 * @param confirmed each confirmed step id with where it was given ("answers.yaml:12")
 * @param databaseBackup the backup's location, if given
 * @param files each file the tool does not ship (by short name or file name) with where the operator has it
 */
public record MigrateAnswers(Map<String, String> confirmed, Optional<String> databaseBackup, Map<String, Path> files) {
    public static final String KEY = "migrate";
    static final List<String> KEYS = List.of("confirmed", "database_backup", "files");

    public MigrateAnswers(Map<String, String> confirmed, Optional<String> databaseBackup) {
        this(confirmed, databaseBackup, Map.of());
    }

    private static final Pattern SECRET =
            Pattern.compile("(?i)(password|passwd|pwd|secret|token|api[_-]?key)\\s*[=:]|://[^/@\\s]*:[^/@\\s]*@");

    public static MigrateAnswers none() {
        return new MigrateAnswers(Map.of(), Optional.empty());
    }

    /** The migrate section of an answers file; a file without one confirms nothing. */
    public static MigrateAnswers read(Path file) throws InputException {
        String shown = file.toString();
        Node root = SafeYaml.compose(file, shown);
        if (root instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(KEY)) {
                    return of(t.getValueNode(), shown, InputFile.folderOf(file));
                }
            }
        }
        return none();
    }

    /** Reads the section's node; unknown keys, a step id that is not a plain value and a secret are input errors. */
    static MigrateAnswers of(Node section, String shown) throws InputException {
        return of(section, shown, Path.of(""));
    }

    static MigrateAnswers of(Node section, String shown, Path folder) throws InputException {
        if (!(section instanceof MappingNode map)) {
            throw new InputException(shown, line(section), "'" + KEY + "' must hold " + KEYS);
        }
        Map<String, String> confirmed = new LinkedHashMap<>();
        Optional<String> backup = Optional.empty();
        Map<String, Path> files = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (key.equals("confirmed")) {
                if (!(t.getValueNode() instanceof SequenceNode list)) {
                    throw new InputException(shown, line(t.getValueNode()), "'confirmed' must be a list of step ids");
                }
                for (Node id : list.getValue()) {
                    if (!(id instanceof ScalarNode s) || s.getValue().isBlank()) {
                        throw new InputException(shown, line(id), "a confirmed step must be a step id");
                    }
                    confirmed.put(s.getValue().strip(), shown + ":" + line(id));
                }
            } else if (key.equals("database_backup")) {
                if (!(t.getValueNode() instanceof ScalarNode s) || s.getValue().isBlank()) {
                    throw new InputException(
                            shown, line(t.getValueNode()), "'database_backup' must say where the" + " backup is");
                }
                backup = Optional.of(requireNoSecret(s.getValue().strip(), shown, line(s)));
            } else if (key.equals("files")) {
                files.putAll(files(t.getValueNode(), shown, folder));
            } else {
                throw new InputException(
                        shown, line(t.getKeyNode()), "unknown key '" + key + "' under '" + KEY + "'; known: " + KEYS);
            }
        }
        return new MigrateAnswers(confirmed, backup, files);
    }

    /** {@code files:}: name to path, each an existing file (a missing one is named with its line, before any run). */
    private static Map<String, Path> files(Node node, String shown, Path folder) throws InputException {
        if (!(node instanceof MappingNode map)) {
            throw new InputException(
                    shown,
                    line(node),
                    "'files' must map a file's name to where it is, e.g." + " tenantloader: /opt/tenantloader-1.0.jar");
        }
        Map<String, Path> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)
                    || !(t.getValueNode() instanceof ScalarNode v)
                    || v.getValue().isBlank()) {
                throw new InputException(shown, line(t.getKeyNode()), "each entry under 'files' is name: path");
            }
            Path path = folder.resolve(v.getValue().strip());
            if (!Files.isRegularFile(path)) {
                throw new InputException(
                        shown,
                        line(v),
                        "files: " + k.getValue() + ": " + v.getValue().strip() + " is not a file");
            }
            out.put(k.getValue().strip(), path);
        }
        return out;
    }

    /** A backup location is recorded in the journal: one that looks like it holds a credential is refused. */
    public static String requireNoSecret(String location, String shown, int line) throws InputException {
        if (SECRET.matcher(location).find() || location.toLowerCase(Locale.ROOT).contains("password")) {
            throw new InputException(
                    shown,
                    line,
                    "the database backup location looks like it holds a credential;"
                            + " give only where the backup is (it is recorded in the run's journal)");
        }
        return location;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
