package dev.apimupgrade.report;

import dev.apimupgrade.scan.inventory.Inventory;
import dev.apimupgrade.scan.inventory.InventoryItem;
import dev.apimupgrade.scan.inventory.InventoryScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The before/after comparison of two inventories, per tenant and item: counts and hashes before and after, and
 * whether they are the same, differ for a reason the run explains, or differ unexplained. A count drop is explained
 * by the rows of that table the run exported before deleting them (per tenant where the rows name it); synapse files
 * are explained when only the files the migration replaces, or 3.1.0 renders from its template, differ. The identity
 * migration moves a tenant's OpenID Connect scopes into IDN_OAUTH2_SCOPE and drops IDN_OIDC_SCOPE: as many more scopes
 * as OIDC scopes that are gone is its doing. A datasource or folder that could not be read
 * makes the comparison incomplete, which counts as unexplained: nothing can be said about it.
 */
public record Comparison(String oldHome, String newHome, String run, List<Row> rows, List<String> problems) {
    public enum Status {
        SAME,
        EXPLAINED,
        UNEXPLAINED
    }

    /** One tenant's item: null count and empty hash on a side where it is absent (nothing of it there). */
    public record Row(
            String tenant,
            String item,
            @Nullable Long before,
            @Nullable Long after,
            String beforeHash,
            String afterHash,
            Status status,
            String explanation) {}

    public Comparison {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public long unexplained() {
        return rows.stream().filter(r -> r.status() == Status.UNEXPLAINED).count() + problems.size();
    }

    public long count(Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /**
     * Compares the inventory before the upgrade with the one after; {@code run} is the migrate run folder's name as
     * the report should cite it ("" without one), {@code exports} what it exported.
     */
    public static Comparison compare(Inventory before, Inventory after, String run, RunExports exports) {
        Map<String, InventoryItem> old = before.byKey();
        Map<String, InventoryItem> now = after.byKey();
        Map<String, String> idsByDomain = new TreeMap<>();
        before.tenantDomains().forEach((id, domain) -> idsByDomain.put(domain, id));
        Map<String, Long> oidcMoved = oidcScopesMoved(old, now);
        List<Row> rows = new ArrayList<>();
        for (String key : new TreeSet<>(union(old, now))) {
            Optional<InventoryItem> b = Optional.ofNullable(old.get(key));
            Optional<InventoryItem> a = Optional.ofNullable(now.get(key));
            InventoryItem any = b.orElseGet(a::get);
            Long moved = oidcMoved.get(any.tenant());
            rows.add(
                    moved != null && (any.item().equals(SCOPES) || any.item().equals(OIDC_SCOPES))
                            ? oidcRow(any, b, a, moved)
                            : row(any, b, a, idsByDomain, exports));
        }
        List<String> problems = new ArrayList<>();
        before.problems().forEach(p -> problems.add("before: " + p));
        after.problems().forEach(p -> problems.add("after: " + p));
        return new Comparison(before.home(), after.home(), run, rows, problems);
    }

    static final String SCOPES = "scopes";
    static final String OIDC_SCOPES = "oidc-scopes";
    /** Where the identity migration moves the OIDC scopes (identity-migration-resources v1.0.90). */
    static final String OIDC_MIGRATION =
            "IS 5.10.0 identity migration, dbscripts/step1/identity:" + " OIDC_SCOPE_DATA_MIGRATE_PROCEDURE";

    /**
     * Tenant -> the number of OIDC scopes the identity migration moved: the tenant had that many in IDN_OIDC_SCOPE
     * before, none are left there (the script drops the table), and IDN_OAUTH2_SCOPE holds exactly that many more.
     * Judged by counts: a scope lost and another added in the same tenant would pass unseen, as for exported rows.
     */
    static Map<String, Long> oidcScopesMoved(Map<String, InventoryItem> old, Map<String, InventoryItem> now) {
        Map<String, Long> out = new TreeMap<>();
        for (InventoryItem oidc : old.values()) {
            if (!oidc.item().equals(OIDC_SCOPES) || oidc.count() == 0) {
                continue;
            }
            String tenant = oidc.tenant();
            long left = Optional.ofNullable(now.get(tenant + "/" + OIDC_SCOPES))
                    .map(InventoryItem::count)
                    .orElse(0L);
            long before = Optional.ofNullable(old.get(tenant + "/" + SCOPES))
                    .map(InventoryItem::count)
                    .orElse(0L);
            long after = Optional.ofNullable(now.get(tenant + "/" + SCOPES))
                    .map(InventoryItem::count)
                    .orElse(0L);
            if (left == 0 && after - before == oidc.count()) {
                out.put(tenant, oidc.count());
            }
        }
        return out;
    }

    private static Row oidcRow(InventoryItem any, Optional<InventoryItem> b, Optional<InventoryItem> a, long moved) {
        Long shownBefore = b.map(InventoryItem::count).orElse(null);
        Long shownAfter = a.map(InventoryItem::count).orElse(null);
        String why = any.item().equals(SCOPES)
                ? moved + " OIDC scope(s) of IDN_OIDC_SCOPE copied into IDN_OAUTH2_SCOPE by the " + OIDC_MIGRATION
                : moved + " OIDC scope(s) moved into IDN_OAUTH2_SCOPE and IDN_OIDC_SCOPE dropped by the "
                        + OIDC_MIGRATION;
        return new Row(
                any.tenant(),
                any.item(),
                shownBefore,
                shownAfter,
                b.map(InventoryItem::hash).orElse(""),
                a.map(InventoryItem::hash).orElse(""),
                Status.EXPLAINED,
                why);
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    /**
     * The tables whose exported rows the registry-versioning clean-up either deletes or updates in place (it gives a
     * versioned row the path of its resource, sql/registry-versioning-cleanup): fewer rows, or as many with another
     * content, are both its doing when the run exported at least that many of them.
     */
    private static final java.util.Set<String> CHANGED_IN_PLACE = java.util.Set.of(
            "REG_RESOURCE_PROPERTY", "REG_RESOURCE_TAG", "REG_RESOURCE_COMMENT", "REG_RESOURCE_RATING");

    private static Row row(
            InventoryItem any,
            Optional<InventoryItem> b,
            Optional<InventoryItem> a,
            Map<String, String> idsByDomain,
            RunExports exports) {
        long countBefore = b.map(InventoryItem::count).orElse(0L);
        long countAfter = a.map(InventoryItem::count).orElse(0L);
        String hashBefore = b.map(InventoryItem::hash).orElse("");
        String hashAfter = a.map(InventoryItem::hash).orElse("");
        Long shownBefore = b.map(InventoryItem::count).orElse(null);
        Long shownAfter = a.map(InventoryItem::count).orElse(null);
        if (countBefore == countAfter && hashBefore.equals(hashAfter)) {
            return new Row(any.tenant(), any.item(), shownBefore, shownAfter, hashBefore, hashAfter, Status.SAME, "");
        }
        String why;
        Status status;
        if (any.item().equals(InventoryScanner.SYNAPSE)) {
            List<String> changed = changedFiles(
                    b.map(InventoryItem::entries).orElse(Map.of()),
                    a.map(InventoryItem::entries).orElse(Map.of()));
            List<String> unexpected = changed.stream()
                    .filter(f -> !InventoryScanner.replacedSynapseFiles().contains(f)
                            && !InventoryScanner.renderedSynapseFiles().contains(f))
                    .toList();
            status = unexpected.isEmpty() ? Status.EXPLAINED : Status.UNEXPLAINED;
            why = unexpected.isEmpty()
                    ? "only the files the migration replaces with the 3.1.0 ones, or 3.1.0 renders from its template, "
                            + "differ: " + String.join(", ", changed)
                    : "files differ that the migration does not replace: " + shortList(unexpected);
        } else {
            long drop = countBefore - countAfter;
            RunExports.Table exported = exports.table(any.table());
            String id = idsByDomain.getOrDefault(any.tenant(), any.tenant());
            int mine = exported.rows(id);
            int unattributed = exported.rows(RunExports.ANY_TENANT);
            if (drop > 0 && mine <= drop && drop <= mine + unattributed) {
                status = Status.EXPLAINED;
                why = drop + " row(s) of " + any.table() + " deleted by the migration, exported before in "
                        + String.join(", ", exported.files());
            } else if (CHANGED_IN_PLACE.contains(any.table())
                    && drop >= 0
                    && mine + unattributed > 0
                    && drop <= mine + unattributed) {
                status = Status.EXPLAINED;
                why = drop + " row(s) of " + any.table() + " deleted and the other versioned rows given their path by"
                        + " the registry clean-up, all exported before in " + String.join(", ", exported.files());
            } else {
                status = Status.UNEXPLAINED;
                why = drop == 0
                        ? "same count, different content"
                        : drop < 0
                                ? (-drop) + " more after the upgrade"
                                : drop + " fewer after the upgrade"
                                        + (mine + unattributed == 0
                                                ? ", and the run exported no deleted row of " + any.table()
                                                : "; the run exported " + (mine + unattributed) + " row(s) of "
                                                        + any.table() + " that can be this tenant's");
            }
        }
        return new Row(any.tenant(), any.item(), shownBefore, shownAfter, hashBefore, hashAfter, status, why);
    }

    private static List<String> changedFiles(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        for (String f : union(before, after)) {
            if (!java.util.Objects.equals(before.get(f), after.get(f))) {
                out.add(f);
            }
        }
        return out;
    }

    private static String shortList(List<String> files) {
        int shown = Math.min(10, files.size());
        return String.join(", ", files.subList(0, shown))
                + (files.size() > shown ? " and " + (files.size() - shown) + " more" : "");
    }
}
