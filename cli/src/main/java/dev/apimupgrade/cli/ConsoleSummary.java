package dev.apimupgrade.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a line for the terminal readable however large the installation: a detail past {@link #READABLE} characters
 * is cut there, followed by how many places it names per tenant; the full text stays in the JSON report.
 */
final class ConsoleSummary {
    static final int READABLE = 400;
    private static final Pattern TENANT = Pattern.compile("tenants/(\\d+)/");
    private static final int TENANTS_SHOWN = 10;

    private ConsoleSummary() {}

    static String of(String detail, String report) {
        if (detail.length() <= READABLE) {
            return detail;
        }
        Map<Integer, Integer> perTenant = new TreeMap<>();
        Matcher m = TENANT.matcher(detail);
        while (m.find()) {
            perTenant.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        StringBuilder s = new StringBuilder(detail.substring(0, READABLE))
                .append(" ... (")
                .append(detail.length())
                .append(" characters in all");
        if (!perTenant.isEmpty()) {
            s.append("; per tenant: ");
            perTenant.entrySet().stream()
                    .limit(TENANTS_SHOWN)
                    .forEach(e -> s.append(e.getKey())
                            .append(": ")
                            .append(e.getValue())
                            .append(", "));
            s.setLength(s.length() - 2);
            if (perTenant.size() > TENANTS_SHOWN) {
                s.append(" and ").append(perTenant.size() - TENANTS_SHOWN).append(" more tenants");
            }
        }
        return s.append("; the full list is in ").append(report).append(")").toString();
    }
}
