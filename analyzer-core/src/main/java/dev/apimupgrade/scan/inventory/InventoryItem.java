package dev.apimupgrade.scan.inventory;

import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import java.util.Map;

/**
 * One thing counted in one tenant of a home: how many (APIs, applications, subscriptions, scopes, ...) and the
 * SHA-256 of their identifying values, sorted and serialised one a line, so two homes holding the same things hash
 * the same. {@code table} is the database table counted (its deleted rows, exported by a run, explain a drop; empty
 * for files). {@code entries} names the members where a difference must be told apart (synapse files: relative path to
 * SHA-256); empty for database items. Never holds a secret: only names, versions, contexts, tiers and counts.
 */
public record InventoryItem(
        String tenant,
        String item,
        String table,
        long count,
        String hash,
        Map<String, String> entries,
        SourceRef source)
        implements Observation {
    public InventoryItem {
        entries = Map.copyOf(entries);
    }

    /** The key a comparison matches on. */
    public String key() {
        return tenant + "/" + item;
    }

    @Override
    public String observed() {
        return item + " in " + tenant + ": " + count + " (sha256 " + hash + ")";
    }
}
