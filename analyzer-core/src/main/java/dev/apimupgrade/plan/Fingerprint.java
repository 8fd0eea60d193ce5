package dev.apimupgrade.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.fact.Answer;
import dev.apimupgrade.fact.AssessmentDate;
import dev.apimupgrade.fact.ComparedWithNewHome;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.scan.FileDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * What a plan was made from: every scanned fact (where and what, including file digests, the jar list, keystore facts
 * and database metadata and counts), the rule-pack hash and the tool version, with one SHA-256 over all of it. The
 * day of the scan is left out, so a plan stays current until the installation, the rules or the tool change. A
 * comparison of an old file with a new-home file is left out too: its two inputs are bound by their digests, so a
 * step that changes the new file as planned changes only that file's entry, which the run then excuses as the
 * step's target. An answer is bound by its key and value, not by the answers file's name.
 */
@JsonPropertyOrder({"sha256", "toolVersion", "rulePackHash", "facts"})
public record Fingerprint(String sha256, String toolVersion, String rulePackHash, List<Entry> facts) {

    /** One fact as the fingerprint keeps it: where it was observed and what was seen. */
    @JsonPropertyOrder({"source", "observed"})
    public record Entry(String source, String observed) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = source.compareTo(o.source);
            return c != 0 ? c : observed.compareTo(o.observed);
        }
    }

    /** One difference between two fingerprints, phrased for the operator. */
    public record Change(String what, String source, String detail) {
        @Override
        public String toString() {
            return what + " " + source + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    /** Where an answer is bound: the question, whatever the answers file is called. */
    static final String ANSWERS = "answers#";

    public Fingerprint {
        facts = List.copyOf(facts);
    }

    public static Fingerprint of(Facts facts, String rulePackHash, String toolVersion) {
        TreeSet<Entry> entries = new TreeSet<>();
        for (Observation o : facts.all()) {
            if (o instanceof Answer a) {
                entries.add(new Entry(ANSWERS + a.key(), o.observed()));
            } else if (!(o instanceof AssessmentDate) && !(o instanceof ComparedWithNewHome)) {
                entries.add(new Entry(o.source().toString(), o.observed()));
            }
        }
        // the digest of the text "toolVersion\nrulePackHash\n" + "source\tobserved\n" per entry, fed entry by entry:
        // at 1,000 tenants the text is tens of MB, and it was held whole three times (builder, String, bytes)
        MessageDigest text = FileDigest.digest();
        text.update((toolVersion + '\n' + rulePackHash + '\n').getBytes(StandardCharsets.UTF_8));
        for (Entry e : entries) {
            text.update((e.source() + '\t' + e.observed() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return new Fingerprint(
                HexFormat.of().formatHex(text.digest()), toolVersion, rulePackHash, List.copyOf(entries));
    }

    /** Everything that differs from {@code before} to {@code after}, ordered by source; empty when the plan is current. */
    public static List<Change> compare(Fingerprint before, Fingerprint after) {
        List<Change> changes = new ArrayList<>();
        if (!before.toolVersion.equals(after.toolVersion)) {
            changes.add(new Change("changed", "tool version", before.toolVersion + " -> " + after.toolVersion));
        }
        if (!before.rulePackHash.equals(after.rulePackHash)) {
            changes.add(new Change("changed", "rule pack", before.rulePackHash + " -> " + after.rulePackHash));
        }
        TreeSet<Entry> removed = new TreeSet<>(before.facts);
        after.facts.forEach(removed::remove);
        TreeSet<Entry> added = new TreeSet<>(after.facts);
        before.facts.forEach(added::remove);
        List<Change> facts = new ArrayList<>();
        removed.forEach(e -> facts.add(new Change("removed", e.source(), e.observed())));
        added.forEach(e -> facts.add(new Change("added", e.source(), e.observed())));
        facts.sort(Comparator.comparing(Change::source)
                .thenComparing(Change::what, Comparator.reverseOrder())
                .thenComparing(Change::detail));
        changes.addAll(facts);
        return changes;
    }

    public boolean matches(Fingerprint other) {
        return sha256.equals(other.sha256);
    }
}
