package dev.apimupgrade.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders the catalogue's guide step labels as the guide runs: "Before you begin", "Preparing for migration", then
 * "Step 1" ... "Step 4" by their numbers (1.3 before 1.10, 2.5.6-7 as 2.5.6), then "After Step 4".
 */
public final class GuideOrder {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+(?:\\.\\d+)*)");

    public static final Comparator<String> BY_GUIDE = Comparator.comparing(GuideOrder::key, GuideOrder::compareKeys);

    private GuideOrder() {}

    /** The phase first (before, preparing, steps, after), then the step's numbers. */
    static List<Integer> key(String step) {
        String s = step.toLowerCase(Locale.ROOT).trim();
        List<Integer> key = new ArrayList<>();
        if (s.startsWith("before")) {
            key.add(0);
        } else if (s.startsWith("prepar")) {
            key.add(1);
        } else if (s.startsWith("after")) {
            key.add(3);
        } else {
            key.add(2);
        }
        Matcher m = NUMBERS.matcher(s);
        if (m.find()) {
            for (String n : m.group(1).split("\\.")) {
                key.add(Integer.parseInt(n));
            }
        }
        return key;
    }

    private static int compareKeys(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
