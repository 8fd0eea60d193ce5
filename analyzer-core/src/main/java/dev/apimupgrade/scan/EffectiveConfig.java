package dev.apimupgrade.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A 3.0.0 home's configuration as its server renders it: the keys the deployment.toml writes, then what infer.json
 * infers from them (kernel first, API-M over it), then default.json's values for every key still absent. Each value
 * says whether it was written, inferred or defaulted and where that came from. The home's own files are used; a
 * home without one of them (a trimmed copy) gets that file's keys, values, rules and lines from
 * {@code conf-3.0.0-defaults.yaml}, a description derived from the 3.0.0 pack's files (the tool does not ship
 * WSO2's files; {@code ConfDefaultsDescriptionTest} derives it from them and checks it gives the same values).
 */
public final class EffectiveConfig {
    static final String CONF = "repository/resources/conf/";
    private static final List<String> DEFAULTS = List.of("kernel/default.json", "default.json");
    private static final List<String> INFERENCES = List.of("kernel/infer.json", "infer.json");
    private static final Pattern REF = Pattern.compile("\\$ref\\{([^}]*)}");
    static final String DERIVED = "conf-3.0.0-defaults.yaml";

    /** Where an effective value comes from. */
    public enum Origin {
        WRITTEN,
        INFERRED,
        DEFAULTED
    }

    /** One effective key: its value as text, its origin, and the file and line it was read from. */
    public record Value(String key, String value, Origin origin, String because, SourceRef source) {}

    private final Map<String, Value> values;

    private EffectiveConfig(Map<String, Value> values) {
        this.values = values;
    }

    /** The effective configuration of the home of {@code toml}; {@code home} holds its resources/conf files. */
    static EffectiveConfig of(TomlFile toml, Path home) throws InputException {
        Map<String, Value> values = new LinkedHashMap<>();
        for (TomlFile.Leaf leaf : toml.leaves()) {
            values.put(
                    leaf.key(),
                    new Value(
                            leaf.key(),
                            leaf.value(),
                            Origin.WRITTEN,
                            "written",
                            SourceRef.line(toml.role(), TomlFile.PATH, leaf.line())));
        }
        for (String file : INFERENCES) {
            infer(values, read(home, file), toml.role(), file);
        }
        for (String file : DEFAULTS) {
            for (Entry e : read(home, file).entries()) {
                values.computeIfAbsent(
                        e.key(),
                        k -> new Value(
                                k,
                                resolve(e.value(), values),
                                Origin.DEFAULTED,
                                file,
                                SourceRef.line(toml.role(), CONF + file, e.line())));
            }
        }
        return new EffectiveConfig(values);
    }

    /** The old home's effective configuration, its deployment.toml checked as the scan checks it. */
    public static EffectiveConfig ofOldHome(Installation installation) throws InputException {
        return of(TomlFile.read(installation, Role.OLD).orElseThrow(), installation.oldHome());
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The effective value of a key, or "" when nothing writes, infers or defaults it. */
    public String text(String key) {
        return get(key).map(Value::value).orElse("");
    }

    /** Every effective value, written ones first in the file's order. */
    public List<Value> all() {
        return List.copyOf(values.values());
    }

    /** Every effective value that was not written, for the facts that report them. */
    public List<Value> notWritten() {
        return values.values().stream()
                .filter(v -> v.origin() != Origin.WRITTEN)
                .toList();
    }

    /**
     * infer.json maps a key and its value to the keys it implies ("database.$1.type" = "postgre" implies the url
     * built from hostname, port and name); a key already written keeps its written value.
     */
    private static void infer(Map<String, Value> values, Conf conf, Role role, String file) {
        for (Entry rule : conf.entries()) {
            Pattern key = Pattern.compile(Pattern.quote(rule.key()).replace("$1", "\\E([^.]+)\\Q"));
            for (Value given : List.copyOf(values.values())) {
                Matcher m = key.matcher(given.key());
                Map<String, String> implied = m.matches() ? rule.when().get(given.value()) : null;
                if (implied == null) {
                    continue;
                }
                String wildcard = m.groupCount() > 0 ? m.group(1) : "";
                String because = file + ": " + given.key() + " = " + given.value();
                implied.forEach((impliedKey, impliedValue) -> {
                    String k = impliedKey.replace("$1", wildcard);
                    Value old = values.get(k);
                    if (old == null || old.origin() != Origin.WRITTEN) {
                        values.put(
                                k,
                                new Value(
                                        k,
                                        resolve(impliedValue.replace("$1", wildcard), values),
                                        Origin.INFERRED,
                                        because,
                                        SourceRef.line(role, CONF + file, rule.line())));
                    }
                });
            }
        }
    }

    /** $ref{key} replaced by the key's value so far; a reference to nothing is left as written. */
    private static String resolve(String text, Map<String, Value> values) {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Value v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v.value()));
        }
        return m.appendTail(out).toString();
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /**
     * One top-level key of a conf file and the line it is cited on (the first line holding it quoted): in a
     * default.json its value as text, in an infer.json what each of its values implies (implied key to value text).
     */
    record Entry(String key, int line, String value, Map<String, Map<String, String>> when) {}

    /** One conf file's keys in its order. */
    record Conf(List<Entry> entries) {}

    /** A conf file's JSON text as its entries: what a home's own file and the derived description both give. */
    static Conf parse(String text, String file) throws InputException {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(
                    CONF + file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InputException(CONF + file, "is not a JSON object");
        }
        List<String> lines = text.lines().toList();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, Map<String, String>> when = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(v -> {
                Map<String, String> implied = new LinkedHashMap<>();
                v.getValue().fields().forEachRemaining(i -> implied.put(i.getKey(), text(i.getValue())));
                when.put(v.getKey(), implied);
            });
            entries.add(new Entry(e.getKey(), line(lines, e.getKey()), text(e.getValue()), when));
        }
        return new Conf(entries);
    }

    private static int line(List<String> lines, String key) {
        String quoted = "\"" + key + "\"";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(quoted)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Conf read(Path home, String file) throws InputException {
        Path own = home.resolve(CONF + file);
        if (Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
            return parse(InputFile.text(own, CONF + file, InputFile.CONF_JSON), file);
        }
        // Derived refuses to load without every file it can stand in for
        return Objects.requireNonNull(Derived.FILES.get(file), file);
    }

    /** The derived description of 3.0.0's four conf files, read once. */
    private static final class Derived {
        static final Map<String, Conf> FILES = load();

        @SuppressWarnings("unchecked")
        private static Map<String, Conf> load() {
            Map<String, Object> root;
            try (InputStream in = EffectiveConfig.class.getResourceAsStream(DERIVED)) {
                root = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Conf> files = new LinkedHashMap<>();
            for (String section : List.of("defaults", "inferences")) {
                ((Map<String, List<Map<String, Object>>>) Objects.requireNonNull(root.get(section), section))
                        .forEach((file, list) -> files.put(
                                file,
                                new Conf(list.stream()
                                        .map(m -> new Entry(
                                                (String) Objects.requireNonNull(m.get("key"), DERIVED),
                                                (Integer) Objects.requireNonNull(m.get("line"), DERIVED),
                                                (String) m.getOrDefault("value", ""),
                                                (Map<String, Map<String, String>>) m.getOrDefault("when", Map.of())))
                                        .toList())));
            }
            if (!files.keySet().containsAll(DEFAULTS) || !files.keySet().containsAll(INFERENCES)) {
                throw new IllegalStateException(DERIVED + " lacks one of " + DEFAULTS + INFERENCES);
            }
            return files;
        }
    }
}
