package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DatabaseProduct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The AM_ schema of a fresh 3.1.0 WSO2AM_DB per dialect, and the differences a migrated 3.0.0 schema is documented to
 * keep (docs/facts.md section 3), read from two text resources shipped in the jar, so verify needs no reference folder.
 * {@value #SCHEMA} lists each table with its columns, keys and foreign keys; a line holds for every dialect unless it
 * starts with the dialects it holds for in brackets ({@code [h2,mysql]}). {@value #DOCUMENTED} gives each documented
 * difference as the 3.1.0 line, the line a migrated schema has instead ("-" for none) and the reason.
 */
public final class ExpectedAmSchema {
    public static final String SCHEMA = "/dev/apimupgrade/verify/am-schema-3.1.0.txt";
    public static final String DOCUMENTED = "/dev/apimupgrade/verify/am-schema-3.1.0-documented.txt";
    /** The dialects the expected schema is known for: the products whose 3.1.0 scripts the tests load. */
    public static final List<String> DIALECTS = List.of("h2", "mysql", "postgresql");

    private static final List<String> KEYS = List.of("PK ", "UNIQUE ", "FK ");

    /** A difference docs/facts.md documents: {@code expected} (3.1.0) or {@code observed} (migrated) may be empty. */
    public record Documented(
            Set<String> dialects, Optional<String> expected, Optional<String> observed, String reason) {}

    private final Map<String, AmSchema> byDialect;
    private final List<Documented> documented;

    private ExpectedAmSchema(Map<String, AmSchema> byDialect, List<Documented> documented) {
        this.byDialect = Map.copyOf(byDialect);
        this.documented = List.copyOf(documented);
    }

    /** The identity (IDN_) and user-management (UM_) tables of a fresh 3.1.0 pack, for DB-IDENTITY-SCHEMA. */
    public static final String IDENTITY_SCHEMA = "/dev/apimupgrade/verify/identity-schema-3.1.0.txt";
    /** What a completed identity migration is known to keep different from them, with the reason. */
    public static final String IDENTITY_DOCUMENTED = "/dev/apimupgrade/verify/identity-schema-3.1.0-documented.txt";

    public static ExpectedAmSchema shipped() {
        return parse(resource(SCHEMA), resource(DOCUMENTED));
    }

    /** The same form for the IDN_ and UM_ tables (read and generated exactly as the AM_ one). */
    public static ExpectedAmSchema identity() {
        return parse(resource(IDENTITY_SCHEMA), resource(IDENTITY_DOCUMENTED));
    }

    public Optional<AmSchema> forDialect(String dialect) {
        return Optional.ofNullable(byDialect.get(dialect));
    }

    public List<Documented> documented(String dialect) {
        return documented.stream().filter(d -> d.dialects().contains(dialect)).toList();
    }

    /** The dialect of the expected schema for a scanned product (DbProduct.database), if it is one of them. */
    public static Optional<String> dialectOf(DatabaseProduct product) {
        return switch (product) {
            case H2 -> Optional.of("h2");
            case POSTGRESQL -> Optional.of("postgresql");
            case MARIADB, MYSQL -> Optional.of("mysql");
            case ORACLE, SQLSERVER, DB2 -> Optional.empty();
        };
    }

    static ExpectedAmSchema parse(String schema, String documentedText) {
        Map<String, SortedSet<String>> lines = new TreeMap<>();
        DIALECTS.forEach(d -> lines.put(d, new TreeSet<>()));
        String table = null;
        for (String raw : schema.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Set<String> dialects = new LinkedHashSet<>(DIALECTS);
            if (line.startsWith("[")) {
                dialects = new LinkedHashSet<>(
                        List.of(line.substring(1, line.indexOf(']')).split(",")));
                line = line.substring(line.indexOf(']') + 1).strip();
            }
            String full;
            if (line.startsWith("TABLE ")) {
                table = line.substring("TABLE ".length());
                full = line;
            } else if (table == null) {
                throw new IllegalStateException(SCHEMA + ": a line before the first TABLE: " + raw);
            } else {
                full = expand(table, line);
            }
            dialects.forEach(d -> lines.computeIfAbsent(d, k -> new TreeSet<>()).add(full));
        }
        Map<String, AmSchema> out = new LinkedHashMap<>();
        lines.forEach((d, l) -> out.put(d, new AmSchema(l)));
        return new ExpectedAmSchema(out, parseDocumented(documentedText));
    }

    /** A table's body line in full form: "PK (A)" of AM_X is "PK AM_X (A)", a column "COL AM_X.A ...". */
    private static String expand(String table, String line) {
        for (String key : KEYS) {
            if (line.startsWith(key)) {
                return key + table + " " + line.substring(key.length());
            }
        }
        return "COL " + table + "." + line;
    }

    private static List<Documented> parseDocumented(String text) {
        List<Documented> out = new ArrayList<>();
        Map<String, String> entry = new LinkedHashMap<>();
        for (String raw : (text + "\nDOCUMENTED end").lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("DOCUMENTED ")) {
                if (!entry.isEmpty()) {
                    out.add(new Documented(
                            new LinkedHashSet<>(
                                    List.of(required(entry, "dialects").split(","))),
                            orNone(entry.get("3.1.0")),
                            orNone(entry.get("migrated")),
                            required(entry, "reason")));
                }
                entry.clear();
                entry.put("dialects", line.substring("DOCUMENTED ".length()).strip());
            } else {
                int colon = line.indexOf(':');
                entry.merge(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip(),
                        (a, b) -> a + " " + b);
            }
        }
        return out;
    }

    /** The shipped schema text gives every DOCUMENTED entry its dialects and reason. */
    private static String required(Map<String, String> entry, String key) {
        return Objects.requireNonNull(entry.get(key), () -> "a DOCUMENTED entry lacks " + key);
    }

    private static Optional<String> orNone(@Nullable String line) {
        return line == null || line.equals("-") ? Optional.empty() : Optional.of(line);
    }

    /** The schema resource's text for the given per-dialect schemas (how the test regenerates it). */
    public static String render(Map<String, AmSchema> schemas, String header) {
        Map<String, Map<String, Set<String>>> byTable = new TreeMap<>();
        schemas.forEach((dialect, schema) -> schema.lines()
                .forEach(l -> byTable.computeIfAbsent(
                                AmSchema.tableOf(l), k -> new TreeMap<>(ExpectedAmSchema::bodyOrder))
                        .computeIfAbsent(l, k -> new TreeSet<>())
                        .add(dialect)));
        StringBuilder out = new StringBuilder(header);
        byTable.forEach((table, lines) -> {
            out.append('\n');
            lines.forEach((line, dialects) -> {
                String prefix = dialects.size() == schemas.size() ? "" : "[" + String.join(",", dialects) + "] ";
                String body = line.startsWith("TABLE ")
                        ? line
                        : "  "
                                + (line.startsWith("COL ")
                                        ? line.substring(line.indexOf('.') + 1)
                                        : AmSchema.kindOf(line)
                                                + line.substring(line.indexOf(' ', line.indexOf(' ') + 1)));
                out.append(body.startsWith("  ") ? "  " + prefix + body.strip() : prefix + body)
                        .append('\n');
            });
        });
        return out.toString();
    }

    /** TABLE first, then columns, the primary key, unique constraints and foreign keys. */
    private static int bodyOrder(String a, String b) {
        List<String> order = List.of("TABLE", "COL", "PK", "UNIQUE", "FK");
        int c = Integer.compare(order.indexOf(AmSchema.kindOf(a)), order.indexOf(AmSchema.kindOf(b)));
        return c != 0 ? c : a.compareTo(b);
    }

    private static String resource(String name) {
        try (InputStream in = ExpectedAmSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
