package dev.apimupgrade.scan;

import dev.apimupgrade.fact.Answer;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the operator's answers file (YAML, yes/no per question key) into Answer facts, for the conditions the files
 * cannot settle. A typo must not pass for "unanswered", so unknown keys and values other than yes/no are input errors.
 */
public final class AnswersScanner implements Scanner {
    public static final List<String> KEYS =
            List.of("keep_registry_versioning", "is_key_manager", "distributed", "unique_id_user_store");
    private static final Set<String> YES = Set.of("yes", "y", "true", "on");
    private static final Set<String> NO = Set.of("no", "n", "false", "off");

    private final Path answersFile;

    public AnswersScanner(Path answersFile) {
        this.answersFile = answersFile;
    }

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        String shown = answersFile.toString();
        // composed, not constructed: the node tree keeps each key's line; the loader is the safe one regardless
        Node root = SafeYaml.compose(answersFile, shown);
        List<Observation> out = new ArrayList<>();
        if (root == null) {
            return out; // an empty file answers nothing
        }
        if (!(root instanceof MappingNode map)) {
            throw new InputException(shown, line(root), "expected 'key: yes|no' lines, one per question: " + KEYS);
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), shown);
            if (key.equals(MigrateAnswers.KEY)) {
                MigrateAnswers.of(t.getValueNode(), shown); // checked here too, so assess and plan reject a typo in it
                continue;
            }
            if (!KEYS.contains(key)) {
                throw new InputException(shown, line(t.getKeyNode()), "unknown question '" + key + "'; known: " + KEYS);
            }
            if (!seen.add(key)) {
                throw new InputException(shown, line(t.getKeyNode()), "'" + key + "' is answered twice");
            }
            out.add(new Answer(
                    key,
                    yesNo(key, t.getValueNode(), shown),
                    SourceRef.answers(answersFile.getFileName().toString(), key)));
        }
        return out;
    }

    private static String yesNo(String key, Node node, String shown) throws InputException {
        String v = scalar(node, shown).toLowerCase(Locale.ROOT);
        if (YES.contains(v)) {
            return "yes";
        }
        if (NO.contains(v)) {
            return "no";
        }
        throw new InputException(shown, line(node), "'" + key + "' must be yes or no, not '" + v + "'");
    }

    private static String scalar(Node node, String shown) throws InputException {
        if (node instanceof ScalarNode s) {
            return s.getValue().strip();
        }
        throw new InputException(shown, line(node), "expected a plain value");
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
