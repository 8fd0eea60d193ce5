package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.SqlScripts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export and post-condition queries of the script executors are read from sql/export/&lt;purpose&gt;/&lt;dialect&gt;
 * and sql/guard/mysql, not Java strings, and they only read.
 */
class ScriptEffectsFilesTest {
    @Test
    void everyPostgresqlExportAndPostConditionIsASelectReadFromItsSqlFile() {
        for (String purpose : PostgresScriptEffects.purposes()) {
            PostgresScriptEffects.Effect effect = PostgresScriptEffects.of(purpose).orElseThrow();
            assertThat(effect.remaining()).as(purpose).startsWith("SELECT ")
                    .isEqualTo(PostgresScriptEffects.query(purpose, "postgres", "remaining"));
            assertThat(effect.exports()).as(purpose).isNotEmpty().allSatisfy(x -> {
                String name = x.file().replaceFirst("\\.jsonl$", "");
                assertThat(SqlScripts.read("sql/export/" + purpose + "/postgres/" + name + ".sql"))
                        .contains(x.query());
                assertThat(x.query()).startsWith("SELECT ").doesNotContain("--").doesNotContain(";");
            });
        }
    }

    @Test
    void everyMariaDbPurposeHasItsPostConditionAndEveryGuardIsASelectFile() {
        assertThat(PostgresScriptEffects.query(SqlScripts.SCOPE_BINDING_CLEANUP, "mysql", "remaining"))
                .startsWith("SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING");
        for (String guard : List.of("table_exists", "column_exists", "index_exists", "constraint_exists")) {
            assertThat(SqlScripts.read("sql/guard/mysql/" + guard + ".sql")).contains("SELECT COUNT(")
                    .contains("TABLE_NAME = ?");
        }
        assertThat(MariaDbScriptExecutor.purposes()).containsExactly(SqlScripts.AM_UPGRADE,
                SqlScripts.SCOPE_BINDING_CLEANUP);
    }
}
