package dev.apimupgrade.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.scan.FormatVersion;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * plan.json's parser as the plan's record reads it: the top-level {@code mac} and {@code formatVersion} are taken out
 * and kept, so the plan is read straight into its records as the text comes, without a tree of it (tens of MB at
 * 1,000 tenants). A format this version does not read, or a plan of the version before MACs, is refused when met,
 * before the rest is read as a plan.
 */
final class PlanParser extends JsonParserDelegate {
    /** Bad input met while parsing, carried out of Jackson's reading as the refusal to report. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        private final InputException refusal;

        Refused(InputException refusal) {
            super(refusal.getMessage(), refusal);
            this.refusal = refusal;
        }

        InputException refusal() {
            return refusal;
        }
    }

    private final ObjectMapper mapper;
    private final String file;
    private final String mac;
    /** Null until the parser has met plan.json's mac object. */
    private @Nullable JsonNode macs;

    /** Null until met, and in a plan written before formatVersion existed. */
    private @Nullable Integer version;

    PlanParser(JsonParser in, ObjectMapper mapper, String file, String mac) {
        super(in);
        this.mapper = mapper;
        this.file = file;
        this.mac = mac;
    }

    /** The plan's {@code mac} value, or null when it has none. */
    @Nullable
    JsonNode macs() {
        return macs;
    }

    /** The plan's format, or null for a plan written before {@code formatVersion} existed. */
    @Nullable
    Integer formatVersion() {
        return version;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = super.nextToken();
        while (t == JsonToken.FIELD_NAME && topLevel() && take(delegate.currentName())) {
            t = super.nextToken();
        }
        return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        // as JsonParser's own: through nextToken, so a field taken out is never seen
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    /** Takes the field's value out when it is one plan.json adds to the plan's record; false for the others. */
    private boolean take(String name) throws IOException {
        if (name.equals(mac)) {
            delegate.nextToken();
            macs = mapper.readTree(delegate);
            return true;
        }
        if (name.equals(FormatVersion.FIELD)) {
            delegate.nextToken();
            ObjectNode field = mapper.createObjectNode();
            field.set(name, mapper.readTree(delegate));
            try {
                version = FormatVersion.take(field, file);
            } catch (InputException e) {
                throw new Refused(e);
            }
            return true;
        }
        if (name.equals("stepsSha256") && macs == null) {
            throw new Refused(new InputException(
                    file,
                    "was made by an older version of apim-upgrade, whose plans"
                            + " carry no MAC and so cannot be trusted: make a new plan with apim-upgrade plan"));
        }
        return false;
    }

    private boolean topLevel() {
        JsonStreamContext at = delegate.getParsingContext();
        return at.inObject() && at.getParent() != null && at.getParent().inRoot();
    }
}
