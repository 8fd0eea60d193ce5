package dev.apimupgrade.rules;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * An OSGi version range as Import-Package writes it: "[a,b)", "(a,b]" and the other bracket pairs, or a bare version
 * meaning "a or later" ({@code ceiling} null). Versions compare by major, minor and micro numerically, then by
 * qualifier as text (OSGi core specification, section 3.2.6).
 */
public record OsgiVersionRange(
        String text,
        Version floor,
        boolean floorInclusive,
        @Nullable Version ceiling,
        boolean ceilingInclusive) {

    /** Any version at all: what an import without a version attribute accepts. */
    public static final OsgiVersionRange ANY = parse("0.0.0");

    /** An OSGi version: major.minor.micro.qualifier, missing parts being 0 (or "" for the qualifier). */
    public record Version(int major, int minor, int micro, String qualifier) implements Comparable<Version> {
        private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
                .thenComparingInt(Version::minor)
                .thenComparingInt(Version::micro)
                .thenComparing(Version::qualifier);

        public static Version parse(String text) {
            String[] parts = text.strip().split("\\.", 4);
            try {
                return new Version(
                        Integer.parseInt(parts[0]),
                        parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                        parts.length > 2 ? Integer.parseInt(parts[2]) : 0,
                        parts.length > 3 ? parts[3] : "");
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an OSGi version: " + text);
            }
        }

        @Override
        public int compareTo(Version o) {
            return ORDER.compare(this, o);
        }
    }

    /** Parses a range or a bare version; throws IllegalArgumentException for text that is neither. */
    public static OsgiVersionRange parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty version range");
        }
        char open = t.charAt(0);
        if (open != '[' && open != '(') {
            return new OsgiVersionRange(t, Version.parse(t), true, null, false);
        }
        char close = t.charAt(t.length() - 1);
        int comma = t.indexOf(',');
        if ((close != ']' && close != ')') || comma < 0) {
            throw new IllegalArgumentException("not an OSGi version range: " + text);
        }
        return new OsgiVersionRange(
                t,
                Version.parse(t.substring(1, comma)),
                open == '[',
                Version.parse(t.substring(comma + 1, t.length() - 1)),
                close == ']');
    }

    /** Whether a version ("6.6.163", "5.17.5", "4.6.0") lies in this range. */
    public boolean includes(String version) {
        Version v = Version.parse(version);
        int low = v.compareTo(floor);
        if (low < 0 || (low == 0 && !floorInclusive)) {
            return false;
        }
        if (ceiling == null) {
            return true;
        }
        int high = v.compareTo(ceiling);
        return high < 0 || (high == 0 && ceilingInclusive);
    }

    @Override
    public String toString() {
        return text;
    }
}
