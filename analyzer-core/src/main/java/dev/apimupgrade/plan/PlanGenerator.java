package dev.apimupgrade.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import dev.apimupgrade.scan.FormatVersion;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A generator that writes a plan's record as plan.json's top-level object, as the tree of {@code FormatVersion.stamp}
 * was written: {@code formatVersion} first (when the plan has one), then the record's fields; and it tells its
 * {@link Fields} where each top-level field begins and where the object ends, so the MACs and the {@code mac} object
 * are made while the plan is written, without a tree of it (tens of MB at 1,000 tenants).
 */
final class PlanGenerator extends JsonGeneratorDelegate {
    /** What is told of the top-level object as it is written; each call may write to the generator. */
    interface Fields {
        /** Before the name of a top-level field: the value before it is complete. */
        default void ending(JsonGenerator g) throws IOException {}

        /** After the name of a top-level field, before its value. */
        default void begun(JsonGenerator g, String name) throws IOException {}

        /** Before the top-level object is closed. */
        default void closing(JsonGenerator g) throws IOException {}
    }

    private final @Nullable Integer version;
    private final Fields fields;

    /** {@code version} null writes no {@code formatVersion} (a plan read from a file written before it existed). */
    PlanGenerator(JsonGenerator out, @Nullable Integer version, Fields fields) {
        // false: writeObject and writeTree, too, go through this generator's methods
        super(out, false);
        this.version = version;
        this.fields = fields;
    }

    @Override
    public void writeStartObject() throws IOException {
        super.writeStartObject();
        stamp();
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        super.writeStartObject(forValue);
        stamp();
    }

    @Override
    public void writeStartObject(Object forValue, int size) throws IOException {
        super.writeStartObject(forValue, size);
        stamp();
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        boolean top = beforeName();
        super.writeFieldName(name);
        afterName(top, name);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        boolean top = beforeName();
        super.writeFieldName(name);
        afterName(top, name.getValue());
    }

    @Override
    public void writeEndObject() throws IOException {
        if (topLevel()) {
            fields.ending(this);
            fields.closing(this);
        }
        super.writeEndObject();
    }

    private boolean beforeName() throws IOException {
        boolean top = topLevel();
        if (top) {
            fields.ending(this);
        }
        return top;
    }

    private void afterName(boolean top, String name) throws IOException {
        if (top) {
            fields.begun(this, name);
        }
    }

    private void stamp() throws IOException {
        if (topLevel() && version != null) {
            writeFieldName(FormatVersion.FIELD);
            writeNumber(version);
        }
    }

    private boolean topLevel() {
        JsonStreamContext at = getOutputContext();
        return at.inObject() && at.getParent() != null && at.getParent().inRoot();
    }
}
