package dev.apimupgrade.rules;

import dev.apimupgrade.fact.TomlSetting;
import java.util.Collection;
import java.util.Locale;

/** Compares deployment.toml values as the scanner renders them (strings may keep their quotes). */
public final class TomlValues {
    private TomlValues() {}

    public static String unquote(String value) {
        if (value == null) {
            return "";
        }
        String v = value.trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    public static boolean same(String value, String expected) {
        return unquote(value).equals(expected);
    }

    public static boolean isTrue(String value) {
        return unquote(value).equalsIgnoreCase("true");
    }

    /** An answer of the answers file meaning yes (yes, y, true), case-insensitively. */
    public static boolean isYes(String value) {
        String v = unquote(value).toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("y") || v.equals("true");
    }

    public static boolean isNo(String value) {
        String v = unquote(value).toLowerCase(Locale.ROOT);
        return v.equals("no") || v.equals("n") || v.equals("false");
    }

    /**
     * The re_indexing value that triggers a re-index: 1, or one more than the value the new home already has
     * (the server re-indexes when the number grows).
     */
    public static String nextReIndex(Collection<?> current) {
        int max = 0;
        for (Object o : current) {
            if (o instanceof TomlSetting s) {
                try {
                    max = Math.max(max, Integer.parseInt(unquote(s.value())));
                } catch (NumberFormatException e) {
                    // a non-numeric value is replaced by the first valid one
                }
            }
        }
        return Integer.toString(max + 1);
    }
}
