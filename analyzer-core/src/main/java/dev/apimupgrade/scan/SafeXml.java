package dev.apimupgrade.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;

/** Jackson XML with DTDs and external entities refused, and parse errors turned into file:line input errors. */
public final class SafeXml {
    private SafeXml() {
    }

    public static XmlMapper mapper() {
        XMLInputFactory in = XMLInputFactory.newFactory();
        in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return new XmlMapper(XmlFactory.builder().xmlInputFactory(in).build());
    }

    public static String read(Path file, String shownAs) throws InputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(shownAs, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static JsonNode parse(XmlMapper mapper, String text, String shownAs) throws InputException {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new InputException(shownAs, loc == null ? 0 : loc.getLineNr(),
                    "malformed XML: " + (nl > 0 ? msg.substring(0, nl) : msg));
        }
    }

    /** The 1-based line of the first occurrence of {@code needle}, or 0. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
