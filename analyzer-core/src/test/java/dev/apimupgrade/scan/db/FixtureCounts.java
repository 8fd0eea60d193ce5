package dev.apimupgrade.scan.db;

import static dev.apimupgrade.scan.db.TestDatabases.ofType;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RowCount;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts fixture-3.0.0.sql was seeded to produce, the same on every database product. */
final class FixtureCounts {
    static final Map<String, Long> EXPECTED = Map.ofEntries(
            Map.entry("IDN_OAUTH2_SCOPE_BINDING " + RowCount.ROWS, 5L),
            Map.entry("IDN_OAUTH2_SCOPE_BINDING " + RowCount.SCOPE_BINDING_NULL_OR_EMPTY, 2L),
            Map.entry("IDN_OAUTH2_SCOPE_BINDING " + RowCount.DUPLICATE_SCOPE_BINDINGS, 1L),
            Map.entry("IDN_OAUTH2_SCOPE " + RowCount.NAMES_ALSO_OIDC, 1L),
            Map.entry("IDN_OAUTH2_ACCESS_TOKEN " + RowCount.ROWS, 3L),
            Map.entry("REG_RESOURCE_TAG " + RowCount.VERSIONED_ROWS, 2L),
            Map.entry("REG_RESOURCE_TAG " + RowCount.CLEANUP_DELETES, 1L),
            Map.entry("REG_TAG " + RowCount.CLEANUP_DELETES, 1L),
            Map.entry("REG_LOG " + RowCount.ROWS, 3L),
            Map.entry("UM_TENANT " + RowCount.ROWS, 2L),
            Map.entry("APILASTACCESSSUMMARY " + RowCount.ROWS, 2L),
            Map.entry("APILASTACCESSSUMMARY " + RowCount.APIVERSION_NULL, 1L),
            Map.entry("APILASTACCESSSUMMARY " + RowCount.DUPLICATES_UNDER_NEW_PK, 0L));

    private FixtureCounts() {}

    static Map<String, Long> of(List<Observation> facts) {
        Map<String, Long> out = new TreeMap<>();
        for (RowCount c : ofType(facts, RowCount.class)) {
            out.put(c.table() + " " + c.measure(), c.count());
        }
        return out;
    }
}
