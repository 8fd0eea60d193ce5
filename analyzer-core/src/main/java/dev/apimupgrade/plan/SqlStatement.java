package dev.apimupgrade.plan;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a shipped SQL script, with the resource and line it starts on so a failure or a runbook step can
 * point at it; {@code ${NAME}} placeholders stand for identifiers the plan reads from database metadata.
 */
public record SqlStatement(String file, int line, String sql) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    /** The placeholder names this statement needs, in order of appearance. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(sql);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** This statement with every placeholder replaced by its identifier, quoted for the dialect. */
    public SqlStatement fill(Map<String, String> identifiers, DatabaseProduct dialect) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = identifiers.get(m.group(1));
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(file + ":" + line + " needs ${" + m.group(1)
                        + "}, an identifier read from the database, and none was given");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(dialect.quote(value)));
        }
        m.appendTail(out);
        return new SqlStatement(file, line, out.toString());
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + sql;
    }
}
