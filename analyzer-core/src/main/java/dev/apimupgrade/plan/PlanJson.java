package dev.apimupgrade.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.InputFile;
import java.nio.file.Path;

/**
 * Writes plan.json and reads it back. Like assessment.json it holds nothing that varies per run and its field order
 * and maps are fixed, so the same installation gives byte-identical plans and a reviewer can diff two of them.
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

    private PlanJson() {
    }

    public static String toJson(MigrationPlan plan) {
        try {
            return WRITER.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            // The plan is plain records of strings, lists and maps: failing to write it is a bug, not bad input.
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
    }

    public static MigrationPlan fromJson(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, MigrationPlan.class);
    }

    /** The SHA-256 of the steps' canonical JSON (map keys sorted, no indentation): what binds them to the plan. */
    static String stepsSha256(java.util.List<PlanStep> steps) {
        try {
            return FileDigest.sha256(MAPPER.writeValueAsBytes(steps));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan's steps as JSON", e);
        }
    }

    /**
     * Reads a saved plan; a file that is not a plan this tool wrote, or whose steps were edited after it was made, is
     * bad input, named in one line.
     */
    public static MigrationPlan read(Path file) throws InputException {
        MigrationPlan plan;
        try {
            plan = fromJson(InputFile.text(file, file.toString(), InputFile.PLAN));
        } catch (JsonProcessingException e) {
            throw new InputException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not a plan.json written by apim-upgrade: " + firstLine(e.getOriginalMessage()));
        }
        if (plan == null) {
            throw new InputException(file.toString(), "not a plan.json written by apim-upgrade: it holds no plan");
        }
        if (!plan.stepsIntact()) {
            throw new InputException(file.toString(), "the plan's steps were changed after it was made (they do not"
                    + " match its stepsSha256); a plan is executed only as apim-upgrade wrote it: make a new one with"
                    + " apim-upgrade plan");
        }
        return plan;
    }

    private static String firstLine(String message) {
        int nl = String.valueOf(message).indexOf('\n');
        return nl > 0 ? message.substring(0, nl) : String.valueOf(message);
    }
}
