package dev.apimupgrade.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the versioning flags of the old repository/conf/registry.xml (staticConfiguration). In 3.x that file is
 * re-rendered at every start, so it shows the configuration the data was last written with.
 */
public final class RegistryXmlScanner implements Scanner {
    static final String REGISTRY_XML = "repository/conf/registry.xml";
    static final List<String> FLAGS = List.of("versioningProperties", "versioningComments", "versioningTags",
            "versioningRatings");

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        Path file = installation.oldHome().resolve(REGISTRY_XML);
        List<Observation> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            out.add(new FilePresence(Role.OLD, REGISTRY_XML, false, SourceRef.file(Role.OLD, REGISTRY_XML)));
            return out;
        }
        String text = SafeXml.read(file, "OLD:" + REGISTRY_XML);
        XmlMapper mapper = SafeXml.mapper();
        JsonNode root = SafeXml.parse(mapper, text, "OLD:" + REGISTRY_XML);
        JsonNode stat = root.path("staticConfiguration");
        for (String flag : FLAGS) {
            JsonNode v = stat.path(flag);
            if (!v.isMissingNode()) {
                out.add(new RegistryVersioning(Role.OLD, flag, Boolean.parseBoolean(v.asText().trim()),
                        SourceRef.line(Role.OLD, REGISTRY_XML, SafeXml.lineOf(text, "<" + flag + ">"))));
            }
        }
        return out;
    }
}
