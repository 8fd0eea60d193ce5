package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.report.AfterReport;
import dev.apimupgrade.report.AfterReport.Check;
import dev.apimupgrade.report.AfterReport.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * DB-IDENTITY-SCHEMA: the identity (IDN_) tables of each datasource holding them, and the user-management (UM_) tables
 * of the user store's datasource ([database.user] when it holds them, else each datasource holding them), have the schema of a fresh 3.1.0 pack, except what a completed identity migration
 * is known to keep (listed with the reason). An identity migration skipped or stopped half way is caught here before
 * 3.1.0 serves traffic (product-apim#7833: ORA-00904 "UUID" / "SCOPE_TYPE" after 3.1.0 started on an unmigrated
 * database). The expected description is derived from WSO2's 3.1.0 scripts like DB-AM-SCHEMA's (ADR 0012, 0022).
 */
final class IdentitySchemaCheck {
    static final String ID = "DB-IDENTITY-SCHEMA";
    static final String TITLE = "The IDN_ and UM_ schemas are the 3.1.0 ones, except what the identity migration keeps";
    /** The datasource WSO2USER_DB names when deployment.toml has a [database.user] table. */
    private static final String USER_DB = "user";

    /** One part of the comparison: the tables a prefix selects, on the datasources that hold the marker table. */
    private record Part(String what, String marker, Predicate<String> tables) {}

    private static final List<Part> PARTS = List.of(
            new Part("IDN_", "IDN_OAUTH2_ACCESS_TOKEN", AmSchema::isIdentity),
            new Part("UM_", "UM_USER", AmSchema::isUserManagement));

    private final ExpectedAmSchema expected;

    IdentitySchemaCheck(ExpectedAmSchema expected) {
        this.expected = expected;
    }

    Check check(Facts facts) {
        List<String> evidence = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        List<String> uncompared = new ArrayList<>();
        boolean any = false;
        for (Part part : PARTS) {
            for (String ds : compared(facts, part)) {
                any = true;
                Optional<DbProduct> product = facts.ofType(DbProduct.class).stream()
                        .filter(p -> p.datasource().equals(ds))
                        .findFirst();
                Optional<String> dialect = product.flatMap(p -> ExpectedAmSchema.dialectOf(p.database()));
                String name = product.map(p -> p.product() + " " + p.version()).orElse("an unknown product");
                Optional<AmSchema> schema =
                        dialect.flatMap(expected::forDialect).map(s -> only(s, part.tables()));
                if (schema.isEmpty()) {
                    uncompared.add(ds + " (" + part.what() + ")");
                    evidence.add("db:" + ds + ": " + name + ": the expected 3.1.0 schema is known for H2, PostgreSQL"
                            + " and MySQL/MariaDB only, so its " + part.what() + " tables were not compared");
                    continue;
                }
                AmSchema observed = AmSchema.observed(facts, ds, part.tables());
                evidence.add("db:" + ds + ": " + name + ", " + AmSchemaCheck.count(observed) + " " + part.what()
                        + " tables compared" + " with the " + AmSchemaCheck.count(schema.get())
                        + " of the 3.1.0 schema for " + dialect.get());
                differences.addAll(
                        AmSchemaCheck.compare(ds, schema.get(), observed, expected.documented(dialect.get())));
            }
        }
        if (!any) {
            List<String> unread = facts.ofType(DatabaseScan.class).stream()
                    .filter(s -> !s.scanned())
                    .map(s -> s.source() + ": " + s.observed())
                    .toList();
            return new Check(
                    ID,
                    "state",
                    TITLE,
                    AfterReport.UNKNOWN,
                    "no database holding the identity or"
                            + " user-management tables was read (--no-db, no reachable datasource or no password given)",
                    unread);
        }
        List<Difference> unexpected =
                differences.stream().filter(d -> !d.documented()).toList();
        long documented = differences.size() - unexpected.size();
        String status = !unexpected.isEmpty()
                ? AfterReport.FAIL
                : uncompared.isEmpty() ? AfterReport.PASS : AfterReport.UNKNOWN;
        String detail = !unexpected.isEmpty()
                ? unexpected.size() + " difference(s) from the 3.1.0 schema (was the identity migration run to the"
                        + " end?): " + AmSchemaCheck.named(unexpected)
                        + (documented > 0
                                ? " (and " + documented + " a completed" + " identity migration keeps, listed)"
                                : "")
                : !uncompared.isEmpty()
                        ? "not compared: " + String.join(", ", uncompared) + " (see evidence)"
                        : "as the 3.1.0 schema"
                                + (documented > 0
                                        ? ", except " + documented + " difference(s) a completed"
                                                + " identity migration keeps, listed with their reason"
                                        : "");
        return new Check(ID, "state", TITLE, status, detail, evidence, differences);
    }

    /**
     * The datasources a part is compared on: those holding its marker table; for UM_, only [database.user] (the
     * WSO2USER_DB the user store then uses, which the identity migration's um scripts run on) when it holds UM_USER.
     */
    private static SortedSet<String> compared(Facts facts, Part part) {
        SortedSet<String> holding = holding(facts, part.marker());
        return part.what().equals("UM_") && holding.contains(USER_DB) ? new TreeSet<>(List.of(USER_DB)) : holding;
    }

    private static SortedSet<String> holding(Facts facts, String marker) {
        return facts.ofType(DbTable.class).stream()
                .filter(t -> t.present() && t.table().equals(marker))
                .map(DbTable::datasource)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static AmSchema only(AmSchema schema, Predicate<String> tables) {
        return new AmSchema(schema.lines().stream()
                .filter(l -> tables.test(AmSchema.tableOf(l)))
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
