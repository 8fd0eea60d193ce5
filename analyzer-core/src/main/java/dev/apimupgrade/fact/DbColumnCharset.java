package dev.apimupgrade.fact;

/**
 * A column of a MySQL/MariaDB table as the server stores it: its type, whether it accepts NULL, its length in
 * characters, its character set and how many bytes a character may take there (CHARACTER_SETS.MAXLEN; empty set and 0
 * for a column that is not text), so the bytes it takes in an index key are known before a key is built on it;
 * {@code position} is its place (from 1) in the key it was read for.
 */
public record DbColumnCharset(
        String datasource,
        String table,
        int position,
        String column,
        String type,
        boolean nullable,
        long maxChars,
        String characterSet,
        int bytesPerChar,
        SourceRef source)
        implements Observation {
    /** What a column that is not text is counted as in a key: the widest integer or date it could be. */
    public static final long NOT_TEXT_BYTES = 8;

    /** The bytes the whole column takes in an index key (its length times the set's bytes a character). */
    public long indexBytes() {
        return characterSet.isEmpty() ? NOT_TEXT_BYTES : maxChars * bytesPerChar;
    }

    public String observed() {
        return table + "." + column + " " + type
                + (characterSet.isEmpty()
                        ? ""
                        : " CHARACTER SET " + characterSet + " (up to " + bytesPerChar + " bytes a character)")
                + ": " + indexBytes() + " bytes in an index key";
    }
}
