package dev.apimupgrade.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the versioning flags of the old repository/conf/registry.xml (staticConfiguration). In 3.x that file is
 * re-rendered at every start, so it shows the configuration the data was last written with.
 */
public final class RegistryXmlScanner implements Scanner {
    static final String REGISTRY_XML = "repository/conf/registry.xml";
    static final List<String> FLAGS =
            List.of("versioningProperties", "versioningComments", "versioningTags", "versioningRatings");

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        Path file = installation.oldHome().resolve(REGISTRY_XML);
        String shownAs = "OLD:" + REGISTRY_XML;
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // every 3.0.0 home has one (the server renders it at each start): without it the versioning is unknown
            throw new InputException(
                    shownAs, "does not exist; the old home's registry versioning cannot be read" + " without it");
        }
        String text = InputFile.text(file, shownAs, InputFile.CONF_XML);
        JsonNode root = SafeXml.parse(SafeXml.mapper(), text, shownAs);
        JsonNode stat = root.path("staticConfiguration");
        List<Observation> out = new ArrayList<>();
        for (String flag : FLAGS) {
            JsonNode v = stat.path(flag);
            if (!v.isMissingNode()) {
                int line = SafeXml.lineOf(text, "<" + flag + ">");
                out.add(new RegistryVersioning(
                        Role.OLD, flag, flag(v, flag, shownAs, line), SourceRef.line(Role.OLD, REGISTRY_XML, line)));
            }
        }
        return out;
    }

    /** The server reads these flags as booleans; anything but true or false would be read as false without a word. */
    private static boolean flag(JsonNode value, String flag, String shownAs, int line) throws InputException {
        String text = value.isValueNode() ? value.asText().strip() : "";
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new InputException(
                shownAs,
                line,
                "<" + flag + "> must be true or false, not '" + (value.isValueNode() ? text : "an element") + "'");
    }
}
