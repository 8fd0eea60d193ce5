package dev.apimupgrade.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The MACs of a plan (ADR 0014): one per top-level field, over {@code name=} and the field's canonical JSON, and one
 * over the whole plan's canonical JSON, all from one pass of a generator over the plan's records. The canonical JSON
 * of every field is a part of the whole's, so the whole's bytes are split among the fields' MACs as they are written;
 * no tree of the plan and no text of it is held (ADR 0050).
 */
final class PlanMacs implements PlanGenerator.Fields {
    private final MacKey key;
    private final MacKey.Running whole;
    private final Map<String, String> macs = new LinkedHashMap<>();
    /** The field being written, null between fields. */
    private MacKey.@Nullable Running field;

    private @Nullable String fieldName;
    /** The generator writes the ':' after a name with the value: it is not part of the value's text. */
    private boolean colonNext;

    private PlanMacs(MacKey key) {
        this.key = key;
        this.whole = key.running();
    }

    /**
     * Field name to MAC in the order of plan.json, then {@code wholeName} to the whole plan's MAC; {@code version}
     * null MACs the plan without {@code formatVersion}, as a plan written before it existed was.
     */
    static Map<String, String> of(
            ObjectWriter canonical, MigrationPlan plan, @Nullable Integer version, MacKey key, String wholeName) {
        PlanMacs macs = new PlanMacs(key);
        // through a Writer as writeValueAsString did: Jackson's byte generator escapes a surrogate pair (an emoji) as
        // two escapes, and the MAC of an earlier plan would no longer match
        Writer text = new OutputStreamWriter(macs.new Split(), StandardCharsets.UTF_8);
        try {
            JsonGenerator g = new PlanGenerator(
                    canonical.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(text), version, macs);
            canonical.writeValue(g, plan);
            g.flush();
        } catch (IOException e) {
            // the text only feeds the MACs: a failure is a bug, not bad input
            throw new UncheckedIOException(e);
        }
        macs.macs.put(wholeName, macs.whole.hex());
        return macs.macs;
    }

    @Override
    public void ending(JsonGenerator g) throws IOException {
        g.flush();
        if (field != null && fieldName != null) {
            macs.put(fieldName, field.hex());
            field = null;
        }
    }

    @Override
    public void begun(JsonGenerator g, String name) throws IOException {
        g.flush();
        field = key.running();
        field.write((name + "=").getBytes(StandardCharsets.UTF_8));
        fieldName = name;
        colonNext = true;
    }

    /** The bytes of the whole plan, each also given to the MAC of the field they belong to. */
    private final class Split extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            whole.write(b, off, len);
            if (field == null || len == 0) {
                return;
            }
            int from = off;
            if (colonNext) {
                if (b[off] != ':') {
                    throw new IllegalStateException("a field's value did not begin with ':'");
                }
                colonNext = false;
                from++;
            }
            field.write(b, from, off + len - from);
        }
    }
}
