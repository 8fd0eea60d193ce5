package dev.apimupgrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One assessment in the board summary (the one before the upgrade, or the one after), read back from the
 * assessment.json in the bundle, so the page shows what the bundle holds rather than what a run remembered.
 */
public record AssessmentSide(
        String label,
        String file,
        String verdict,
        boolean ready,
        List<Blocker> blockers,
        Map<String, Integer> counts,
        Coverage coverage,
        String tool,
        String rulePack) {

    /** A blocker that applies: its condition ID and title. */
    public record Blocker(String id, String title) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads {@code bundle/path}; a file that is not an assessment.json is bad input, named with its path. */
    static AssessmentSide read(String label, Path bundle, String path) throws IOException, InputException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(bundle.resolve(path)));
        } catch (JsonProcessingException e) {
            throw new InputException(path, "is not JSON: " + e.getOriginalMessage());
        }
        JsonNode summary = root.path("summary");
        JsonNode tool = root.path("tool");
        if (!summary.path("verdict").isTextual() || !root.path("conditions").isArray() || !tool.isObject()) {
            throw new InputException(
                    path, "is not an assessment.json of apim-upgrade (no summary, tool or conditions)");
        }
        List<Blocker> blockers = new ArrayList<>();
        for (JsonNode c : root.path("conditions")) {
            if (c.path("status").asText().equals("APPLIES")
                    && c.path("severity").asText().equals("BLOCKER")) {
                blockers.add(new Blocker(c.path("id").asText(), c.path("title").asText()));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        summary.path("counts")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        JsonNode coverage = summary.path("coverage");
        return new AssessmentSide(
                label,
                path,
                summary.path("verdict").asText(),
                summary.path("ready").asBoolean(),
                List.copyOf(blockers),
                Collections.unmodifiableMap(counts),
                new Coverage(
                        coverage.path("automatic").asInt(),
                        coverage.path("needAnswer").asInt(),
                        coverage.path("open").asInt()),
                tool.path("name").asText() + " " + tool.path("version").asText(),
                tool.path("rulePackHash").asText());
    }
}
