package dev.apimupgrade.rule;

import dev.apimupgrade.fact.DbColumnCharset;
import dev.apimupgrade.fact.DbIndexLimit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a primary key fits in a MySQL/MariaDB index, and what to do when it does not: the sum of its columns' bytes
 * (length times the character set's bytes a character) against the key limit, each column against the column limit,
 * and the ALTER TABLE that makes it fit (a character set of fewer bytes a character, else shorter columns). Decided
 * from the scanned facts by ANA-PK-KEY-LENGTH and, just before the analytics script drops the old key, by migrate.
 */
public final class KeyFit {
    /** The character sets offered in place of a wider one, with their bytes a character, narrowest change first. */
    private static final List<Object[]> NARROWER = List.of(new Object[] {"utf8mb3", 3}, new Object[] {"latin1", 1});

    private KeyFit() {}

    /** The key's columns among facts (a Drools collect hands in a raw list). */
    @SuppressWarnings("unchecked")
    private static List<DbColumnCharset> columns(List<?> key) {
        return ((List<Object>) key)
                .stream()
                        .map(DbColumnCharset.class::cast)
                        .sorted(java.util.Comparator.comparingInt(DbColumnCharset::position))
                        .toList();
    }

    public static long bytes(List<?> key) {
        return columns(key).stream().mapToLong(DbColumnCharset::indexBytes).sum();
    }

    public static boolean fits(List<?> key, DbIndexLimit limit) {
        return bytes(key) <= limit.keyBytes()
                && columns(key).stream().allMatch(c -> c.indexBytes() <= limit.columnBytes());
    }

    /** Why the key does not fit: its bytes (each column's) against the limit it exceeds. */
    public static String tooLong(List<?> key, DbIndexLimit limit) {
        List<DbColumnCharset> cols = columns(key);
        String names = cols.stream().map(DbColumnCharset::column).collect(Collectors.joining(", "));
        String each = cols.stream()
                .map(c -> c.column() + " " + c.type() + (c.characterSet().isEmpty() ? "" : " " + c.characterSet()) + " "
                        + c.indexBytes())
                .collect(Collectors.joining(", "));
        String over = bytes(key) > limit.keyBytes()
                ? "more than the " + limit.keyBytes() + " bytes " + limit.engine() + " allows a key"
                : "";
        Optional<DbColumnCharset> wide =
                cols.stream().filter(c -> c.indexBytes() > limit.columnBytes()).findFirst();
        if (wide.isPresent()) {
            over += (over.isEmpty() ? "" : ", and ") + wide.get().column() + " takes more than the "
                    + limit.columnBytes() + " bytes " + limit.engine() + " allows a key column";
        }
        return "A primary key (" + names + ") on " + limit.table() + " would take " + bytes(key) + " bytes in an"
                + " index (" + each + "), " + over + " (table row format " + limit.rowFormat() + ")";
    }

    /**
     * The ALTER TABLE that makes the key fit: the text columns converted to the widest of utf8mb3 and latin1 that fits
     * (each column's type and NULL setting restated), else shortened in their own character set to the longest length
     * that fits. A value the new columns cannot hold (a 4-byte character in utf8mb3) makes it fail in strict SQL mode
     * rather than change. Empty when the key already fits.
     */
    public static Optional<String> fix(List<?> key, DbIndexLimit limit) {
        if (fits(key, limit)) {
            return Optional.empty();
        }
        List<DbColumnCharset> cols = columns(key);
        for (Object[] set : NARROWER) {
            List<DbColumnCharset> converted = cols.stream()
                    .map(c -> c.characterSet().isEmpty()
                            ? c
                            : new DbColumnCharset(
                                    c.datasource(),
                                    c.table(),
                                    c.position(),
                                    c.column(),
                                    c.type(),
                                    c.nullable(),
                                    c.maxChars(),
                                    (String) set[0],
                                    (Integer) set[1],
                                    c.source()))
                    .toList();
            if (fits(converted, limit)) {
                return Optional.of(alter(limit.table(), converted, c -> c.type()));
            }
        }
        long text = cols.stream().filter(c -> !c.characterSet().isEmpty()).count();
        long fixed = cols.stream()
                .filter(c -> c.characterSet().isEmpty())
                .mapToLong(DbColumnCharset::indexBytes)
                .sum();
        return Optional.of(alter(limit.table(), cols, c -> {
            long chars = Math.min(limit.columnBytes(), (limit.keyBytes() - fixed) / Math.max(1, text))
                    / Math.max(1, c.bytesPerChar());
            return c.type().replaceFirst("\\(\\d+\\)", "(" + Math.min(chars, c.maxChars()) + ")");
        }));
    }

    private static String alter(
            String table, List<DbColumnCharset> cols, java.util.function.Function<DbColumnCharset, String> type) {
        return "ALTER TABLE " + table
                + cols.stream()
                        .filter(c -> !c.characterSet().isEmpty())
                        .map(c -> "\n  MODIFY " + c.column() + " " + type.apply(c) + " CHARACTER SET "
                                + c.characterSet() + (c.nullable() ? " NULL" : " NOT NULL"))
                        .collect(Collectors.joining(","))
                + ";";
    }
}
