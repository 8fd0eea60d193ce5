package dev.apimupgrade.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apimupgrade.scan.FormatVersion;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.InputFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes plan.json and reads it back. Its field order and maps are fixed, so two plans of the same installation
 * differ only in their {@code mac} (a new random key each time) and a reviewer can diff them; the MAC, checked with
 * the key in plan.key beside it, makes any edit after the plan was made bad input.
 */
public final class PlanJson {
    // Fixed indent and line feed, so the bytes do not depend on the platform the tool runs on.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter WRITER =
            MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(INDENT).withArrayIndenter(INDENT));
    /** What a MAC is computed over: no indentation, keys in the plan's fixed order. */
    private static final ObjectWriter CANONICAL = MAPPER.writer();

    /** The key file kept beside plan.json; never printed, never put into an evidence bundle. */
    public static final String KEY_FILE = "plan.key";

    private static final String MAC = "mac";
    private static final String WHOLE = "plan";

    private PlanJson() {}

    /** The plan's JSON without a MAC (deterministic: the same plan gives the same bytes). */
    public static String toJson(MigrationPlan plan) {
        StringWriter text = new StringWriter();
        try {
            write(plan, FormatVersion.CURRENT, new PlanGenerator.Fields() {}, text);
        } catch (IOException e) {
            // the plan is plain records of strings, lists and maps: failing to write it is a bug, not bad input
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
        return text.toString();
    }

    /**
     * plan.json's text: the plan's JSON with a {@code mac} object last, holding an HMAC-SHA256 under the key of every
     * top-level field (so a refusal can say which field changed) and of the whole plan ({@value #WHOLE}). Every field
     * the plan has is covered, whatever fields it gains later.
     */
    public static String toJson(MigrationPlan plan, MacKey key) {
        StringWriter text = new StringWriter();
        try {
            write(plan, key, text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
        return text.toString();
    }

    /**
     * Writes plan.json's text ({@link #toJson(MigrationPlan, MacKey)}, the same bytes) to {@code out} in UTF-8 as it
     * is generated: at 1,000 tenants it is tens of MB, which a String and its bytes held twice over.
     */
    public static void write(MigrationPlan plan, MacKey key, OutputStream out) throws IOException {
        // through a Writer, as toJson: Jackson's byte generator escapes a surrogate pair differently
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        write(plan, key, text);
        text.flush();
    }

    /**
     * As {@link #write(MigrationPlan, MacKey, OutputStream)}, as text (standard output, for --format json). The MACs
     * are made in one pass over the plan's records and the text in a second, so no tree of the plan is held.
     */
    public static void write(MigrationPlan plan, MacKey key, Writer text) throws IOException {
        // formatVersion is a field like any other: its MAC makes removing or changing it an edit
        Map<String, String> macs = PlanMacs.of(CANONICAL, plan, FormatVersion.CURRENT, key, WHOLE);
        write(
                plan,
                FormatVersion.CURRENT,
                new PlanGenerator.Fields() {
                    @Override
                    public void closing(JsonGenerator g) throws IOException {
                        g.writeFieldName(MAC);
                        g.writeStartObject();
                        for (Map.Entry<String, String> m : macs.entrySet()) {
                            g.writeFieldName(m.getKey());
                            g.writeString(m.getValue());
                        }
                        g.writeEndObject();
                    }
                },
                text);
    }

    private static void write(MigrationPlan plan, int version, PlanGenerator.Fields fields, Writer text)
            throws IOException {
        JsonGenerator g = new PlanGenerator(WRITER.createGenerator(text), version, fields);
        WRITER.writeValue(g, plan);
        g.flush();
        text.write("\n");
    }

    /**
     * Writes plan.json with a new key beside it (plan.key, owner-only): what a test or a caller outside the plan
     * command uses to save a plan the way plan does. An existing key is reused, so a rewritten plan stays checkable.
     */
    public static void save(Path file, MigrationPlan plan) throws IOException {
        Path keyFile = file.resolveSibling(KEY_FILE);
        MacKey key;
        try {
            key = Files.exists(keyFile) ? MacKey.read(keyFile, file.toString()) : MacKey.create(keyFile);
        } catch (InputException e) {
            throw new IOException(e.describe(), e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(plan, key, out);
        }
    }

    /**
     * Reads a saved plan and checks it with the key beside it (plan.key); a file that is not a plan this tool wrote,
     * or that was changed after it was made, is bad input, named in one line with what changed.
     */
    public static MigrationPlan read(Path file) throws InputException {
        return read(file, () -> MacKey.read(file.resolveSibling(KEY_FILE), file.toString()));
    }

    /** As {@link #read(Path)}, with the key kept elsewhere (a run folder's copy is checked with its run.key). */
    public static MigrationPlan read(Path file, MacKey key) throws InputException {
        return read(file, () -> key);
    }

    private interface KeySource {
        MacKey get() throws InputException;
    }

    private static MigrationPlan read(Path file, KeySource keys) throws InputException {
        MigrationPlan plan;
        PlanParser parsed;
        // bounded, strict UTF-8, read into the plan's records as it is parsed: at 1,000 tenants plan.json is tens of
        // MB, and a tree of it (and its bytes and text before ADR 0036) was held beside the records
        try (Reader text = InputFile.utf8Reader(file, file.toString(), InputFile.PLAN)) {
            parsed = new PlanParser(MAPPER.createParser(text), MAPPER, file.toString(), MAC);
            JsonToken first = parsed.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InputException(
                        file.toString(),
                        "not a plan.json written by apim-upgrade: "
                                + (first == null || first == JsonToken.VALUE_NULL
                                        ? "it holds no plan"
                                        : "not a JSON object"));
            }
            plan = MAPPER.readerFor(MigrationPlan.class).readValue(parsed);
        } catch (PlanParser.Refused e) {
            throw e.refusal();
        } catch (JsonProcessingException e) {
            throw new InputException(
                    file.toString(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not a plan.json written by apim-upgrade: " + firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InputException(
                    file.toString(), "not a plan.json written by apim-upgrade: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            // not UTF-8 past the start, or grown past the limit while read: the whole read says which, with the line
            InputFile.text(file, file.toString(), InputFile.PLAN);
            throw new InputException(
                    file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!(parsed.macs() instanceof ObjectNode macs)) {
            throw new InputException(
                    file.toString(),
                    "carries no MAC, so it is not a plan apim-upgrade wrote (or"
                            + " its MAC was removed); make a new plan with apim-upgrade plan");
        }
        // a plan written before formatVersion existed carries none, and its MAC was made without it
        requireIntact(file, PlanMacs.of(CANONICAL, plan, parsed.formatVersion(), keys.get(), WHOLE), macs);
        return plan;
    }

    /** Names every field whose MAC fails, then checks the whole (a field added or removed changes it). */
    private static void requireIntact(Path file, Map<String, String> computed, ObjectNode macs) throws InputException {
        Set<String> changed = new TreeSet<>();
        computed.forEach((field, mac) -> {
            if (!field.equals(WHOLE) && !MacKey.matches(mac, macs.path(field).asText(null))) {
                changed.add(field);
            }
        });
        macs.fieldNames().forEachRemaining(name -> {
            if (!name.equals(WHOLE) && !computed.containsKey(name)) {
                changed.add(name + " (removed)");
            }
        });
        if (changed.isEmpty()
                && !MacKey.matches(computed.get(WHOLE), macs.path(WHOLE).asText(null))) {
            changed.add("the plan as a whole");
        }
        if (!changed.isEmpty()) {
            throw new InputException(
                    file.toString(),
                    "was changed after apim-upgrade made it: "
                            + String.join(", ", changed) + " no longer match" + (changed.size() == 1 ? "es" : "")
                            + " the plan's MAC. A plan is executed only as apim-upgrade wrote it: make a new one with"
                            + " apim-upgrade plan");
        }
    }

    private static String firstLine(@Nullable String message) {
        String text = String.valueOf(message);
        int nl = text.indexOf('\n');
        return nl > 0 ? text.substring(0, nl) : text;
    }
}
