package dev.apimupgrade.fact;

import java.time.LocalDate;

/** One entry of an opened keystore: alias, kind, subject, expiry (as epoch day) and key size. */
public record KeystoreEntry(
        Role role,
        String fileName,
        String alias,
        String entryType,
        String subject,
        long notAfterEpochDay,
        String keyAlgorithm,
        int keySize,
        SourceRef source)
        implements Observation {
    public String observed() {
        return fileName + " alias " + alias + " (" + entryType + ", " + keyAlgorithm + " " + keySize + ") valid until "
                + LocalDate.ofEpochDay(notAfterEpochDay);
    }
}
