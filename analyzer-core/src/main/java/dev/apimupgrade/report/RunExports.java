package dev.apimupgrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apimupgrade.scan.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rows a migrate run deleted or changed, as its exports keep them (exports/&lt;step&gt;/&lt;TABLE&gt;.jsonl: a
 * header line with the query and columns, then one JSON object a row; ADR 0010), counted per table and per tenant id
 * where a row names its tenant (TENANT_ID, REG_TENANT_ID, UM_TENANT_ID). Only counts and file names are kept.
 */
public record RunExports(Map<String, Table> tables) {
    /** The tenant key of the rows that do not say their tenant. */
    public static final String ANY_TENANT = "";

    private static final List<String> TENANT_COLUMNS = List.of("TENANT_ID", "REG_TENANT_ID", "UM_TENANT_ID");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One table's exported rows: tenant id (or {@link #ANY_TENANT}) to count, and the files, run-relative. */
    public record Table(Map<String, Integer> rowsByTenant, List<String> files) {
        public int rows(String tenantId) {
            return rowsByTenant.getOrDefault(tenantId, 0);
        }
    }

    public RunExports {
        tables = Map.copyOf(tables);
    }

    public static RunExports none() {
        return new RunExports(Map.of());
    }

    public Table table(String name) {
        return tables.getOrDefault(name.toUpperCase(Locale.ROOT), new Table(Map.of(), List.of()));
    }

    /** Reads run/exports; a run folder without exports has none, a line that is not JSON is bad input. */
    public static RunExports read(Path run) throws InputException {
        if (!Files.isDirectory(run)) {
            throw new InputException(run.toString(), "is not a run folder");
        }
        Path exports = run.resolve("exports");
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        Map<String, List<String>> files = new TreeMap<>();
        if (!Files.isDirectory(exports)) {
            return none();
        }
        List<Path> jsonl;
        try (Stream<Path> all = Files.walk(exports)) {
            jsonl = all.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(
                    exports.toString(), "cannot be read: " + e.getClass().getSimpleName());
        }
        for (Path f : jsonl) {
            String name = f.getFileName().toString();
            String table = name.substring(0, name.length() - ".jsonl".length()).toUpperCase(Locale.ROOT);
            String rel = run.relativize(f).toString().replace('\\', '/');
            Map<String, Integer> byTenant = counts.computeIfAbsent(table, k -> new TreeMap<>());
            files.computeIfAbsent(table, k -> new ArrayList<>()).add(rel);
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException(
                        f.toString(), "cannot be read: " + e.getClass().getSimpleName());
            }
            for (int i = 1; i < lines.size(); i++) { // line 1 is the header
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode row;
                try {
                    row = JSON.readTree(lines.get(i));
                } catch (IOException e) {
                    throw new InputException(f.toString(), i + 1, "is not a JSON row");
                }
                byTenant.merge(tenantOf(row), 1, Integer::sum);
            }
        }
        Map<String, Table> out = new TreeMap<>();
        counts.forEach((t, c) -> out.put(t, new Table(Map.copyOf(c), List.copyOf(files.get(t)))));
        return new RunExports(out);
    }

    private static String tenantOf(JsonNode row) {
        var names = row.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (TENANT_COLUMNS.contains(n.toUpperCase(Locale.ROOT))
                    && !row.get(n).isNull()) {
                return row.get(n).asText().strip();
            }
        }
        return ANY_TENANT;
    }
}
