package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.plan.Dialect;
import dev.apimupgrade.plan.SqlScripts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export and post-condition queries of the script executors are read from sql/export/&lt;purpose&gt;/&lt;dialect&gt;
 * and sql/guard/mysql, not Java strings, and they only read.
 */
class ScriptEffectsFilesTest {
    private static void exportsAreSelectsReadFromTheirFiles(String purpose, Dialect dialect) {
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
        for (String purpose : ScriptEffects.purposes(Dialect.POSTGRESQL)) {
            exportsAreSelectsReadFromTheirFiles(purpose, Dialect.POSTGRESQL);
            assertThat(ScriptEffects.of(purpose, Dialect.POSTGRESQL).orElseThrow().remaining()).as(purpose)
                    .hasValueSatisfying(q -> assertThat(q).startsWith("SELECT ")
                            .isEqualTo(ScriptEffects.query(purpose, Dialect.POSTGRESQL, "remaining")));
        }
    }

    @Test
    void everyMariaDbPurposeHasItsPostConditionAndEveryGuardIsASelectFile() {
        for (String purpose : ScriptEffects.purposes(Dialect.MYSQL)) {
            exportsAreSelectsReadFromTheirFiles(purpose, Dialect.MYSQL);
        }
        assertThat(ScriptEffects.of(SqlScripts.SCOPE_BINDING_CLEANUP, Dialect.MYSQL).orElseThrow().remaining())
                .hasValueSatisfying(q -> assertThat(q).startsWith("SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING"));
        assertThat(ScriptEffects.of(SqlScripts.AM_UPGRADE, Dialect.MYSQL).orElseThrow().remaining())
                .as("DDL is done when every guard says so").isEmpty();
        for (String guard : List.of("table_exists", "column_exists", "index_exists", "constraint_exists")) {
            assertThat(SqlScripts.read("sql/guard/mysql/" + guard + ".sql")).contains("SELECT COUNT(")
                    .contains("TABLE_NAME = ?");
        }
        assertThat(MariaDbScriptExecutor.purposes()).containsExactly(SqlScripts.AM_UPGRADE,
                SqlScripts.SCOPE_BINDING_CLEANUP);
    }
}
