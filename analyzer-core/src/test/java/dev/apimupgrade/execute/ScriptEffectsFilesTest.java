package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.SqlScripts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export and post-condition queries of the script executors are read from sql/export/&lt;purpose&gt;/&lt;dialect&gt;
 * and sql/guard/mysql, not Java strings, and they only read.
 */
class ScriptEffectsFilesTest {
    private static void exportsAreSelectsReadFromTheirFiles(String purpose, DatabaseProduct dialect) {
        ScriptEffects.Effect effect = ScriptEffects.of(purpose, dialect).orElseThrow();
        assertThat(effect.exports()).as(purpose).isNotEmpty().allSatisfy(x -> {
            String name = x.file().replaceFirst("\\.jsonl$", "");
            assertThat(SqlScripts.read("sql/export/" + purpose + "/" + dialect.folder() + "/" + name + ".sql"))
                    .contains(x.query());
            assertThat(x.query()).startsWith("SELECT ").doesNotContain("--").doesNotContain(";");
        });
    }

    @Test
    void everyPostgresqlExportAndPostConditionIsASelectReadFromItsSqlFile() {
        for (String purpose : ScriptEffects.purposes(DatabaseProduct.POSTGRESQL)) {
            exportsAreSelectsReadFromTheirFiles(purpose, DatabaseProduct.POSTGRESQL);
            assertThat(ScriptEffects.of(purpose, DatabaseProduct.POSTGRESQL)
                            .orElseThrow()
                            .remaining())
                    .as(purpose)
                    .hasValueSatisfying(q -> assertThat(q)
                            .startsWith("SELECT ")
                            .isEqualTo(ScriptEffects.query(purpose, DatabaseProduct.POSTGRESQL, "remaining")));
        }
    }

    @Test
    void everyMariaDbPurposeHasItsPostConditionAndEveryGuardIsASelectFile() {
        for (String purpose : ScriptEffects.purposes(DatabaseProduct.MYSQL)) {
            exportsAreSelectsReadFromTheirFiles(purpose, DatabaseProduct.MYSQL);
        }
        assertThat(ScriptEffects.of(SqlScripts.SCOPE_BINDING_CLEANUP, DatabaseProduct.MYSQL)
                        .orElseThrow()
                        .remaining())
                .hasValueSatisfying(q -> assertThat(q).startsWith("SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING"));
        for (String purpose : ScriptEffects.purposes(DatabaseProduct.MYSQL)) {
            // a script of DDL is done when every guard says so; one that changes rows when its count is zero
            boolean rows = SqlScripts.statements(purpose, DatabaseProduct.MYSQL).stream()
                    .anyMatch(MariaDbGuards::inTransaction);
            assertThat(ScriptEffects.of(purpose, DatabaseProduct.MYSQL)
                            .orElseThrow()
                            .remaining())
                    .as(purpose)
                    .isEqualTo(
                            rows
                                    ? java.util.Optional.of(
                                            ScriptEffects.query(purpose, DatabaseProduct.MYSQL, "remaining"))
                                    : java.util.Optional.empty());
        }
        for (String guard : List.of(
                "table_exists",
                "column_exists",
                "index_exists",
                "constraint_exists",
                "primary_key_is",
                "primary_key_differs")) {
            assertThat(SqlScripts.read("sql/guard/mysql/" + guard + ".sql"))
                    .contains("SELECT COUNT(")
                    .contains("TABLE_NAME = ?");
        }
    }

    @Test
    void everyShippedPurposeRunsOnPostgresqlAndMariaDbAndEveryMariaDbDdlStatementHasItsGuard() {
        assertThat(PostgresScriptExecutor.purposes()).containsExactlyInAnyOrderElementsOf(SqlScripts.PURPOSES);
        assertThat(MariaDbScriptExecutor.purposes()).containsExactlyInAnyOrderElementsOf(SqlScripts.PURPOSES);
        for (String purpose : SqlScripts.PURPOSES) {
            List<dev.apimupgrade.plan.SqlStatement> script =
                    SqlScripts.statements(purpose, DatabaseProduct.MYSQL, java.util.Map.of());
            script.stream()
                    .filter(s -> !MariaDbGuards.inTransaction(s))
                    .forEach(s -> assertThat(MariaDbGuards.of(s, script))
                            .as(s.toString())
                            .isNotNull());
        }
    }
}
