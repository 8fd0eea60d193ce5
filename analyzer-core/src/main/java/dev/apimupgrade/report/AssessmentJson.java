package dev.apimupgrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.FormatVersion;

/**
 * Writes assessment.json and run.json. The assessment holds nothing that varies per run (no time, no host), and its
 * field order is fixed and its maps sorted, so the same input gives byte-identical output a change board can diff.
 */
public final class AssessmentJson {
    // Fixed indent and line feed, so the bytes do not depend on the platform the tool runs on.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectWriter WRITER =
            MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(INDENT).withArrayIndenter(INDENT));

    private AssessmentJson() {}

    public static String toJson(AssessmentReport report) {
        return write(report);
    }

    /** assess --deployment's deployment-assessment.json. */
    public static String deployment(DeploymentReport report) {
        return write(report);
    }

    /** verify's after-report.json. */
    public static String afterReport(AfterReport report) {
        return write(report);
    }

    public static String runJson(RunInfo run) {
        return write(run);
    }

    /** A command's result document (plan --check, evidence --check), written the same way. */
    static String document(Object value) {
        return write(value);
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(FormatVersion.stamp(MAPPER, value)) + "\n";
        } catch (JsonProcessingException e) {
            // The view model is plain records of strings, lists and maps: failing to write it is a bug, not bad input.
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
