package dev.apimupgrade.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Jackson XML with DTDs and external entities refused, and parse errors turned into file:line input errors. */
public final class SafeXml {
    private SafeXml() {}

    /** One per thread: files are checked in parallel, and a factory is not promised to be safe to share. */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::factory);

    public static XmlMapper mapper() {
        return new XmlMapper(XmlFactory.builder().xmlInputFactory(factory()).build());
    }

    /** No DTD, so neither external entities (XXE) nor entity expansion (billion laughs) can happen. */
    private static XMLInputFactory factory() {
        XMLInputFactory in = XMLInputFactory.newFactory();
        in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return in;
    }

    /** The document as a tree; a malformed or empty one is an input error with its line. */
    public static JsonNode parse(XmlMapper mapper, String text, String shownAs) throws InputException {
        return parse(mapper, (Object) text, shownAs);
    }

    /** The same from bytes, so the parser honours the document's own encoding declaration. */
    public static JsonNode parse(XmlMapper mapper, byte[] bytes, String shownAs) throws InputException {
        return parse(mapper, (Object) bytes, shownAs);
    }

    private static JsonNode parse(XmlMapper mapper, Object document, String shownAs) throws InputException {
        String text = document instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : (String) document;
        if (text.isBlank()) {
            throw new InputException(shownAs, "is empty: no XML element in it");
        }
        JsonNode root;
        try {
            root = document instanceof byte[] b ? mapper.readTree(b) : mapper.readTree((String) document);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputException(
                    shownAs, loc == null ? 0 : loc.getLineNr(), "malformed XML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // the StAX parser reports some errors (a byte not of the declared encoding, a bad character in text it
            // reads lazily) as plain I/O or unchecked exceptions
            throw new InputException(shownAs, "malformed XML: " + firstLine(String.valueOf(e.getMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InputException(shownAs, "is empty: no XML element in it");
        }
        return root;
    }

    /**
     * Why a document is not well-formed XML ("line 3: ..."), or "" when it is: a streaming pass with the same
     * protections, for files the tool only carries over and need not understand (synapse artefacts).
     */
    public static String notWellFormed(byte[] bytes) {
        try {
            XMLStreamReader r = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                boolean element = false;
                while (r.hasNext()) {
                    element |= r.next() == XMLStreamConstants.START_ELEMENT;
                }
                return element ? "" : "no XML element in it";
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String where = at == null || at.getLineNumber() <= 0 ? "" : "line " + at.getLineNumber() + ": ";
            return where + firstLine(stripLocation(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            return firstLine(String.valueOf(e.getMessage()));
        }
    }

    /** StAX messages start with "ParseError at [row,col]:[3,5]\nMessage: ...": keep the message. */
    private static String stripLocation(String message) {
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl > 0 ? message.substring(0, nl) : message;
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
