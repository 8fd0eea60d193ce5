package dev.apimupgrade.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What ran, as the board summary tells it from a run's journal.jsonl: how many entries, for how many actions, and
 * how many entries of each outcome. It reads the lines as plain JSON objects and only a few common field names, so
 * it depends on the file and not on the engine's code; a line it cannot read is counted, never hidden.
 */
public record JournalView(
        String file,
        int entries,
        int actions,
        Map<String, Integer> outcomes,
        int unreadable,
        List<Confirmation> confirmations) {
    /** The field names tried, in order, for the action an entry is about and for what happened to it. */
    static final List<String> ACTION_FIELDS = List.of("action", "actionId", "id", "step");

    static final List<String> OUTCOME_FIELDS = List.of("outcome", "status", "result", "event");
    static final List<String> TIME_FIELDS = List.of("time", "at", "timestamp");
    /** The outcome migrate journals when the operator confirms a manual step (JournalRecord.Status.CONFIRMED). */
    static final String CONFIRMED = "confirmed";

    /** How migrate words a confirmation's detail: "the operator confirmed (--confirm): ...". */
    private static final java.util.regex.Pattern HOW =
            java.util.regex.Pattern.compile("^the operator confirmed \\(([^)]*)\\)");

    /**
     * An operator's confirmation of a manual step: the step, when it was journalled, and how it was given
     * (--confirm, the answers file and line, typed at the terminal; "" where the journal does not say).
     */
    public record Confirmation(String step, String time, String how) {
        public Confirmation(String step, String time) {
            this(step, time, "");
        }
    }

    public JournalView {
        confirmations = List.copyOf(confirmations);
    }

    /** Without confirmations (a journal that records none). */
    public JournalView(String file, int entries, int actions, Map<String, Integer> outcomes, int unreadable) {
        this(file, entries, actions, outcomes, unreadable, List.of());
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static JournalView read(Path bundle, String path) throws IOException {
        int entries = 0;
        int unreadable = 0;
        Set<String> actions = new HashSet<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Confirmation> confirmations = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(bundle.resolve(path), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            entries++;
            JsonNode entry = parse(line);
            if (entry == null || !entry.isObject()) {
                unreadable++;
                continue;
            }
            String action = first(entry, ACTION_FIELDS);
            if (action != null) {
                actions.add(action);
            }
            String outcome = first(entry, OUTCOME_FIELDS);
            if (CONFIRMED.equalsIgnoreCase(String.valueOf(outcome))) {
                String time = first(entry, TIME_FIELDS);
                java.util.regex.Matcher how = HOW.matcher(entry.path("detail").asText(""));
                confirmations.add(new Confirmation(
                        action == null ? "(no step)" : action,
                        time == null ? "(no time)" : time,
                        how.find() ? how.group(1) : ""));
            }
            outcomes.merge(
                    first(entry, OUTCOME_FIELDS) == null ? "(no outcome)" : first(entry, OUTCOME_FIELDS),
                    1,
                    Integer::sum);
        }
        return new JournalView(
                path, entries, actions.size(), Collections.unmodifiableMap(outcomes), unreadable, confirmations);
    }

    private static @Nullable JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static @Nullable String first(JsonNode entry, List<String> fields) {
        for (String f : fields) {
            if (entry.path(f).isValueNode() && !entry.path(f).asText().isEmpty()) {
                return entry.path(f).asText();
            }
        }
        return null;
    }
}
