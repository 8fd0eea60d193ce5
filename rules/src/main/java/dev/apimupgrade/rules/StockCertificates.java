package dev.apimupgrade.rules;

import dev.apimupgrade.fact.KeystoreEntry;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which trusted certificates of the old truststore are WSO2's stock CA certificates: those the 3.1.0 pack's own
 * truststore also holds (same alias, subject and expiry). They expire in every installation alike, so KEY-CERT-EXPIRY
 * reports them as one finding, after the server's own keys and the certificates someone imported.
 */
public final class StockCertificates {
    private StockCertificates() {}

    /** The old entries the new home's truststore also holds, earliest expiry first. */
    public static List<KeystoreEntry> alsoShipped(Collection<?> oldEntries, Collection<?> newEntries) {
        return oldEntries.stream()
                .map(KeystoreEntry.class::cast)
                .filter(o -> newEntries.stream().map(KeystoreEntry.class::cast).anyMatch(n -> same(o, n)))
                .sorted(Comparator.comparingLong(KeystoreEntry::notAfterEpochDay)
                        .thenComparing(KeystoreEntry::alias))
                .toList();
    }

    public static boolean same(KeystoreEntry a, KeystoreEntry b) {
        return a.alias().equals(b.alias())
                && a.subject().equals(b.subject())
                && a.notAfterEpochDay() == b.notAfterEpochDay();
    }

    /** "15 CA certificates of client-truststore.jks that the 3.1.0 pack also ships have expired or expire ..." */
    public static String message(List<KeystoreEntry> stock, long today) {
        KeystoreEntry first = stock.get(0);
        String files = String.join(
                ", ",
                stock.stream().map(KeystoreEntry::fileName).distinct().sorted().toList());
        String aliases = Phrases.names(stock.stream().map(KeystoreEntry::alias).toList());
        return stock.size() + " stock CA certificate" + (stock.size() == 1 ? "" : "s") + " of " + files
                + " (the 3.1.0 pack's truststore holds the same ones) expired or expire within 30 days, the first "
                + Phrases.expiry(first, today).replace(first.fileName() + " alias ", "") + " Aliases: " + aliases
                + ".";
    }
}
