package dev.apimupgrade.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code formatVersion} every JSON file the tool writes carries first, so a pipeline or a later version knows
 * which published schema (docs/schema) a file follows. A file written before the field existed is version 1, so old
 * run folders and plans still read; a version newer than this tool's is bad input, never guessed at.
 */
public final class FormatVersion {
    public static final String FIELD = "formatVersion";
    /** The format this version writes (and the newest it reads). */
    public static final int CURRENT = 1;

    private FormatVersion() {}

    /** The value as a JSON object with {@code formatVersion} as its first field, then the value's own fields. */
    public static ObjectNode stamp(ObjectMapper mapper, Object value) {
        return stamp(mapper, value, CURRENT);
    }

    /** As {@link #stamp(ObjectMapper, Object)} with the version a file was read with (to check its MAC again). */
    public static ObjectNode stamp(ObjectMapper mapper, Object value, int version) {
        ObjectNode stamped = mapper.createObjectNode();
        stamped.put(FIELD, version);
        stamped.setAll((ObjectNode) mapper.valueToTree(value));
        return stamped;
    }

    /**
     * Removes {@code formatVersion} from a file's top-level object and returns it (1 when absent: the file predates
     * the field); a version this tool does not know is bad input naming the file.
     */
    public static int take(ObjectNode node, String file) throws InputException {
        JsonNode version = node.remove(FIELD);
        if (version == null) {
            return 1;
        }
        if (!version.isInt() || version.intValue() < 1) {
            throw new InputException(file, "has a formatVersion that is not a positive whole number: " + version);
        }
        require(version.intValue(), file);
        return version.intValue();
    }

    /** Refuses a format newer than this tool's (a null version is a file that predates the field: version 1). */
    public static void require(Integer version, String file) throws InputException {
        if (version != null && version > CURRENT) {
            throw new InputException(
                    file,
                    "was written in format " + version + " by a newer version of"
                            + " apim-upgrade; this version reads format " + CURRENT
                            + " and older: use the newer version");
        }
    }
}
