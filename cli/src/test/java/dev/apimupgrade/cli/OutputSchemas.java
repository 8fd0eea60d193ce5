package dev.apimupgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Validates the JSON files a command wrote against the schemas published in docs/schema, read from the jar's
 * {@code schema/} folder as a pipeline would get them. CliRun calls it after every run of every end-to-end test, so a
 * file the tool writes that leaves its schema, or a JSON file no schema covers, fails the test that made it.
 */
final class OutputSchemas {
    static final List<String> NAMES = List.of(
            "assessment",
            "assess-run",
            "after-report",
            "comparison",
            "inventory",
            "plan",
            "run-record",
            "journal-record",
            "row-export",
            "plan-check",
            "evidence-check",
            "deployment-assessment",
            "snapshot-manifest",
            "deployment-plan",
            "deployment-verify");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    /** The options whose value is a folder a command writes into. */
    private static final List<String> OUTPUT_OPTIONS = List.of("--out", "--run");

    private OutputSchemas() {}

    /** The published schema of that name, from the classpath (the jar's schema/ folder). */
    static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = OutputSchemas.class.getResourceAsStream("/schema/" + n + ".schema.json")) {
                if (in == null) {
                    throw new AssertionError("schema/" + n + ".schema.json is not in the jar");
                }
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The JSON files under the folders a command is given to write into, each with its size and time, as now. */
    static Map<Path, String> before(String[] args) {
        Map<Path, String> state = new HashMap<>();
        for (Path dir : outputFolders(args)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(OutputSchemas::isJson)
                        .toList()) {
                    state.put(file, stamp(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return state;
    }

    /**
     * Every .json and .jsonl file under the folders given to --out and --run that the run wrote (new, or changed
     * since {@code before}) must validate against its schema. Refusals for bad input (exit 2) write nothing by
     * contract, and a test that forged a file before such a run must not have its forgery judged here. An evidence
     * bundle's JSON files are copies of the folders it was given (a test may hand-make those), each validated where
     * the tool wrote it.
     */
    static void requireValid(String[] args, Map<Path, String> before, int code) {
        if (code == ExitCode.BAD_INPUT || (args.length > 0 && args[0].equals("evidence"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> file : before(args).entrySet()) {
            if (!file.getValue().equals(before.get(file.getKey()))) {
                try {
                    problems.addAll(problems(file.getKey()));
                } catch (IOException e) {
                    problems.add(file.getKey() + ": cannot be read as JSON: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("JSON output that does not match its published schema (docs/schema):\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static List<Path> outputFolders(String[] args) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            Path dir = Path.of(args[i + 1]);
            if (OUTPUT_OPTIONS.contains(args[i]) && !args[i + 1].equals("-") && Files.isDirectory(dir)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** What is wrong with every JSON file under a folder (empty: all valid). */
    static List<String> problemsUnder(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(OutputSchemas::isJson)
                    .toList()) {
                problems.addAll(problems(file));
            }
        }
        return problems;
    }

    /** What is wrong with one file against the schema its name and place say it follows. */
    static List<String> problems(Path file) throws IOException {
        String schemaName = schemaOf(file);
        if (schemaName == null) {
            return List.of(file + ": no published schema covers this JSON file");
        }
        Schema schema = schema(schemaName);
        List<String> problems = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> documents = file.toString().endsWith(".jsonl")
                ? text.lines().filter(l -> !l.isBlank()).toList()
                : List.of(text);
        for (int i = 0; i < documents.size(); i++) {
            JsonNode node = JSON.readTree(documents.get(i));
            String where = file + (documents.size() > 1 || file.toString().endsWith(".jsonl") ? ":" + (i + 1) : "");
            for (Error e : schema.validate(node)) {
                problems.add(where + " (" + schemaName + "): " + e.getInstanceLocation() + " " + e.getMessage());
            }
        }
        return problems;
    }

    private static boolean isJson(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonl");
    }

    /** The schema a file the tool writes follows, by its name and where it lies; null for a file no schema covers. */
    static String schemaOf(Path file) {
        String name = file.getFileName().toString();
        Path parent = file.getParent();
        if (parent != null
                && parent.getParent() != null
                && parent.getParent().getFileName().toString().equals("exports")
                && name.endsWith(".jsonl")) {
            return "row-export";
        }
        return switch (name) {
            case "assessment.json" -> "assessment";
            case "deployment-assessment.json" -> "deployment-assessment";
            case "deployment-plan.json" -> "deployment-plan";
            case "deployment-verify.json" -> "deployment-verify";
            case "after-report.json" -> "after-report";
            case "comparison.json" -> "comparison";
            case "inventory.old.json", "inventory.new.json" -> "inventory";
            case "journal.jsonl" -> "journal-record";
            // assess writes its run.json beside assessment.json; a migrate run folder's has the journal beside it
            case "run.json" -> Files.exists(file.resolveSibling("assessment.json")) ? "assess-run" : "run-record";
            default -> name.equals("plan.json") || name.matches("[0-9]+-plan\\.json") ? "plan" : null;
        };
    }
}
