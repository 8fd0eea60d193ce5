package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.report.AfterReport.Difference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * DB-AM-SCHEMA: each AM database read has the AM_ schema of a fresh 3.1.0 database (tables, columns with type family
 * and nullability, primary keys, unique constraints, foreign keys), except the differences docs/facts.md section 3
 * documents for a migrated 3.0.0 schema, which are listed with their reason and do not fail the check.
 */
final class AmSchemaCheck {
    static final String ID = "DB-AM-SCHEMA";
    static final String TITLE = "The AM_ schema is the 3.1.0 one, except the documented differences";
    /** Tables only an AM database has: a datasource holding one of them is compared. */
    private static final Set<String> AM_MARKERS = Set.of("AM_API", "AM_SYSTEM_APPS", "AM_APPLICATION");

    private static final int NAMED_IN_DETAIL = 12;

    private final ExpectedAmSchema expected;

    AmSchemaCheck(ExpectedAmSchema expected) {
        this.expected = expected;
    }

    Check check(Facts facts) {
        SortedSet<String> datasources = facts.ofType(DbTable.class).stream()
                .filter(t -> t.present() && AM_MARKERS.contains(t.table()))
                .map(DbTable::datasource)
                .collect(Collectors.toCollection(TreeSet::new));
        if (datasources.isEmpty()) {
            List<String> unread = facts.ofType(DatabaseScan.class).stream()
                    .filter(s -> !s.scanned())
                    .map(s -> s.source() + ": " + s.observed())
                    .toList();
            return new Check(
                    ID,
                    "state",
                    TITLE,
                    AfterReport.UNKNOWN,
                    "no AM database was read (--no-db, no reachable"
                            + " datasource or no password given), so its schema could not be compared",
                    unread);
        }
        List<String> evidence = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        List<String> uncompared = new ArrayList<>();
        for (String ds : datasources) {
            Optional<DbProduct> product = facts.ofType(DbProduct.class).stream()
                    .filter(p -> p.datasource().equals(ds))
                    .findFirst();
            Optional<String> dialect = product.flatMap(p -> ExpectedAmSchema.dialectOf(p.database()));
            String name = product.map(p -> p.product() + " " + p.version()).orElse("an unknown product");
            Optional<AmSchema> schema = dialect.flatMap(expected::forDialect);
            if (schema.isEmpty()) {
                uncompared.add(ds);
                evidence.add("db:" + ds + ": " + name + ": the expected 3.1.0 schema is known for H2, PostgreSQL and"
                        + " MySQL/MariaDB only, so this database was not compared");
                continue;
            }
            AmSchema observed = AmSchema.observed(facts, ds);
            evidence.add("db:" + ds + ": " + name + ", " + count(observed) + " AM_ tables compared with the "
                    + count(schema.get()) + " of the 3.1.0 schema for " + dialect.get());
            differences.addAll(compare(ds, schema.get(), observed, expected.documented(dialect.get())));
        }
        List<Difference> unexpected =
                differences.stream().filter(d -> !d.documented()).toList();
        long documented = differences.size() - unexpected.size();
        String status = !unexpected.isEmpty()
                ? AfterReport.FAIL
                : uncompared.isEmpty() ? AfterReport.PASS : AfterReport.UNKNOWN;
        String detail = !unexpected.isEmpty()
                ? unexpected.size() + " difference(s) from the 3.1.0 schema: " + named(unexpected)
                        + (documented > 0 ? " (and " + documented + " documented, listed)" : "")
                : !uncompared.isEmpty()
                        ? "not compared: " + String.join(", ", uncompared) + " (see evidence)"
                        : "as the 3.1.0 schema"
                                + (documented > 0
                                        ? ", except " + documented + " documented difference(s),"
                                                + " listed with their reason"
                                        : "");
        return new Check(ID, "state", TITLE, status, detail, evidence, differences);
    }

    /** How many tables {@code schema} describes (IdentitySchemaCheck counts them the same way). */
    static long count(AmSchema schema) {
        return schema.lines().stream().filter(l -> l.startsWith("TABLE ")).count();
    }

    /** The first differences of {@code list} by kind and object, and how many more: what a check's detail names. */
    static String named(List<Difference> list) {
        String names = list.stream()
                .limit(NAMED_IN_DETAIL)
                .map(d -> d.kind() + " " + d.object())
                .collect(Collectors.joining(", "));
        return list.size() > NAMED_IN_DETAIL ? names + " and " + (list.size() - NAMED_IN_DETAIL) + " more" : names;
    }

    /**
     * The differences of one database, by object: a missing or unexpected table stands for all its lines; a column
     * on both sides with another definition is one "different column".
     */
    static List<Difference> compare(
            String ds, AmSchema expected, AmSchema observed, List<ExpectedAmSchema.Documented> documented) {
        SortedSet<String> missingTables = tables(expected);
        missingTables.removeAll(tables(observed));
        SortedSet<String> extraTables = tables(observed);
        extraTables.removeAll(tables(expected));
        Map<String, String[]> byObject = new LinkedHashMap<>(); // object -> {kind, expected line, observed line}
        missingTables.forEach(t -> byObject.put("TABLE " + t, new String[] {"missing table", "TABLE " + t, null}));
        extraTables.forEach(t -> byObject.put("TABLE " + t, new String[] {"unexpected table", null, "TABLE " + t}));
        for (String line : expected.lines()) {
            if (!observed.lines().contains(line) && !missingTables.contains(AmSchema.tableOf(line))) {
                byObject.put(key(line), new String[] {missing(line), line, null});
            }
        }
        for (String line : observed.lines()) {
            if (!expected.lines().contains(line) && !extraTables.contains(AmSchema.tableOf(line))) {
                String[] was = byObject.get(key(line));
                byObject.put(
                        key(line),
                        was == null
                                ? new String[] {unexpected(line), null, line}
                                : new String[] {"different column", was[1], line});
            }
        }
        List<Difference> out = new ArrayList<>();
        byObject.values().forEach(d -> out.add(difference(ds, d[0], d[1], d[2], documented)));
        out.sort(java.util.Comparator.comparing(AmSchemaCheck::order));
        return out;
    }

    /** By table, then the table itself, its columns, its keys. */
    private static String order(Difference d) {
        String table = d.object().split("[ .]", 2)[0];
        int rank = d.kind().endsWith("table") ? 0 : d.kind().endsWith("column") ? 1 : 2;
        return table + "\u0000" + rank + d.object() + "\u0000" + d.kind();
    }

    private static Difference difference(
            String ds,
            String kind,
            String expectedLine,
            String observedLine,
            List<ExpectedAmSchema.Documented> documented) {
        Optional<ExpectedAmSchema.Documented> doc = documented.stream()
                .filter(d -> d.expected().equals(Optional.ofNullable(expectedLine))
                        && d.observed().equals(Optional.ofNullable(observedLine)))
                .findFirst();
        String line = expectedLine != null ? expectedLine : observedLine;
        String object = object(line);
        return new Difference(
                "db:" + ds + "/" + object,
                kind,
                object,
                definition(expectedLine),
                definition(observedLine),
                doc.isPresent() ? Difference.DOCUMENTED : Difference.UNEXPECTED,
                doc.map(ExpectedAmSchema.Documented::reason).orElse(""));
    }

    /** What a difference is keyed by: a column by table and name (so a changed one pairs up), else the line. */
    private static String key(String line) {
        return line.startsWith("COL ") ? line.substring(0, line.indexOf(' ', "COL ".length())) : line;
    }

    /** The object a line names: "AM_USER", "AM_API.API_NAME", "AM_API UNIQUE (API_PROVIDER,...)". */
    private static String object(String line) {
        String kind = AmSchema.kindOf(line);
        return switch (kind) {
            case "TABLE" -> AmSchema.tableOf(line);
            case "COL" -> key(line).substring("COL ".length());
            default ->
                AmSchema.tableOf(line) + " "
                        + (kind.equals("PK") ? "PRIMARY KEY" : kind.equals("FK") ? "FOREIGN KEY" : kind) + " "
                        + line.substring(line.indexOf('('));
        };
    }

    /** The definition a line gives its object: a column's type and nullability, else present; absent without one. */
    private static String definition(String line) {
        if (line == null) {
            return "absent";
        }
        return line.startsWith("COL ") ? line.substring(key(line).length() + 1) : "present";
    }

    private static String missing(String line) {
        return line.startsWith("COL ") ? "missing column" : "missing constraint";
    }

    private static String unexpected(String line) {
        return line.startsWith("COL ") ? "unexpected column" : "unexpected constraint";
    }

    private static SortedSet<String> tables(AmSchema schema) {
        return schema.lines().stream()
                .filter(l -> l.startsWith("TABLE "))
                .map(AmSchema::tableOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
