package dev.apimupgrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the board summary shows of a deployment's bundle (evidence --deployment, ADR 0040): the deployment's verdict
 * before (deployment-assessment.json) and after (deployment-verify.json), and for each part of its run the node it ran
 * on, what its journal records and its verdict after. Read only from the files in the bundle.
 */
public record DeploymentBoard(
        String deployment,
        @Nullable String before,
        @Nullable String after,
        List<PartView> parts) {
    /** Where a deployment's bundle keeps its plan, its assessment before and its verification after. */
    public static final String PLAN = "plan/deployment-plan.json";

    public static final String BEFORE = "before/deployment-assessment.json";
    public static final String AFTER = "after/deployment-verify.json";

    /** One part of the run: the node it ran on, its journal (null when the bundle holds none) and its verdict after. */
    public record PartView(
            String part,
            String node,
            @Nullable JournalView journal,
            @Nullable String after) {}

    public DeploymentBoard {
        parts = List.copyOf(parts);
    }

    /** The deployment's view of an assembled bundle, or null when the bundle is not a deployment's. */
    static @Nullable DeploymentBoard read(Path bundle) throws IOException, InputException {
        if (!Files.isRegularFile(bundle.resolve(PLAN))) {
            return null;
        }
        JsonNode plan = json(bundle, PLAN);
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put("once", plan.path("onceNode").asText());
        plan.path("nodes")
                .forEach(n -> nodes.put(n.path("name").asText(), n.path("name").asText()));
        JsonNode before = Files.isRegularFile(bundle.resolve(BEFORE)) ? json(bundle, BEFORE) : null;
        JsonNode after = Files.isRegularFile(bundle.resolve(AFTER)) ? json(bundle, AFTER) : null;
        Map<String, String> verified = new LinkedHashMap<>();
        if (after != null) {
            after.path("parts")
                    .forEach(p -> verified.put(
                            p.path("part").asText(), p.path("verdict").asText()));
        }
        List<PartView> parts = new ArrayList<>();
        for (Map.Entry<String, String> part : nodes.entrySet()) {
            String folder = part.getKey().equals("once") ? "once" : "nodes/" + part.getKey();
            String journal = "run/" + folder + "/journal.jsonl";
            parts.add(new PartView(
                    part.getKey(),
                    part.getValue(),
                    Files.isRegularFile(bundle.resolve(journal)) ? JournalView.read(bundle, journal) : null,
                    verified.get(part.getKey())));
        }
        return new DeploymentBoard(
                plan.path("deployment").asText(),
                before == null ? null : before.path("verdict").asText(),
                after == null ? null : after.path("verdict").asText(),
                parts);
    }

    private static JsonNode json(Path bundle, String path) throws InputException {
        Path file = bundle.resolve(path);
        try {
            return JsonMapper.builder().build().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read as JSON: " + e.getMessage());
        }
    }
}
