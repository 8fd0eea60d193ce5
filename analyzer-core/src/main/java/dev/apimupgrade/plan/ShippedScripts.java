package dev.apimupgrade.plan;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.List;
import java.util.Map;

/**
 * The scripts this tool ships (sql/&lt;purpose&gt;/&lt;dialect&gt;, read by {@link SqlScripts}) as the runbook and the
 * engine see them. A placeholder whose identifier the plan does not have stays in the statement as ${NAME}, visible,
 * rather than the statement being dropped or filled with a guess.
 */
public final class ShippedScripts implements ScriptSource {

    @Override
    public List<String> statements(String purpose, String dialectFolder, Map<String, String> identifiers) {
        DatabaseProduct dialect = DatabaseProduct.withOwnScripts().stream()
                .filter(d -> d.folder().equals(dialectFolder))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SQL dialect has the folder " + dialectFolder));
        return SqlScripts.statements(purpose, dialect).stream()
                .map(s -> identifiers.keySet().containsAll(s.placeholders()) ? s.fill(identifiers, dialect) : s)
                .map(SqlStatement::sql)
                .toList();
    }
}
