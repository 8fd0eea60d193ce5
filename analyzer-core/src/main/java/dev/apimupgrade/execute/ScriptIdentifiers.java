package dev.apimupgrade.execute;

import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.plan.Planner;
import dev.apimupgrade.plan.SqlScripts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The identifiers a script's ${NAME} placeholders take: those the plan carries (identifier.* parameters), else the
 * names the database scan observed (the generated name of AM_SYSTEM_APPS's UNIQUE(NAME) on the step's datasource).
 * Kept in the journal as name=value lines, so a redo uses the names read before the script first ran.
 */
final class ScriptIdentifiers {
    private ScriptIdentifiers() {}

    static Map<String, String> of(PlanStep step, Facts facts) {
        Map<String, String> ids = new TreeMap<>();
        step.params().forEach((k, v) -> {
            if (k.startsWith(Planner.IDENTIFIER)) {
                ids.put(k.substring(Planner.IDENTIFIER.length()), v);
            }
        });
        if (!ids.containsKey(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT)) {
            facts.ofType(DbConstraint.class).stream()
                    .filter(c -> c.datasource().equals(step.target())
                            && c.table().equals("AM_SYSTEM_APPS")
                            && c.kind().equals(DbConstraint.UNIQUE)
                            && c.columns().equals(List.of("NAME")))
                    .findFirst()
                    .ifPresent(c -> ids.put(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT, c.name()));
        }
        return ids;
    }

    static String format(Map<String, String> ids) {
        StringBuilder out = new StringBuilder();
        ids.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    static Map<String, String> parse(@Nullable String text) {
        Map<String, String> ids = new TreeMap<>();
        for (String line : (text == null ? "" : text).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                ids.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return ids;
    }
}
