package dev.apimupgrade.scan;

import java.io.StringReader;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * YAML as the tool reads it: bounded in size (see {@link InputFile}), strictly UTF-8, composed into a node tree by
 * the safe loader with few aliases, a shallow nesting limit, no recursive keys and no global tags (no
 * {@code !!java.lang...}), so a hostile file is an input error naming its line, never a crash or an hour of work.
 */
public final class SafeYaml {
    /** An answers file or a deployment.yaml needs no anchors; a handful are allowed, an alias bomb is not. */
    static final int MAX_ALIASES = 20;

    static final int MAX_DEPTH = 50;

    private SafeYaml() {}

    /** The file's root node, or null when it holds no document. */
    public static Node compose(Path file, String shownAs) throws InputException {
        return compose(InputFile.text(file, shownAs, InputFile.YAML), shownAs);
    }

    public static Node compose(String text, String shownAs) throws InputException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) InputFile.YAML.bytes());
        options.setTagInspector(tag -> false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InputException(
                    shownAs, mark == null ? 0 : mark.getLine() + 1, "malformed YAML: " + e.getProblem());
        } catch (YAMLException | StackOverflowError e) {
            throw new InputException(shownAs, "malformed YAML: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl > 0 ? message.substring(0, nl) : message;
    }
}
