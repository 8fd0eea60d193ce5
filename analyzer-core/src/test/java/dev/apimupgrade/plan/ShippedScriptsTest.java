package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DB-AM-SYSAPPS-CONSTRAINT: the runbook's AM script uses the constraint name the database gave, quoted for it. */
class ShippedScriptsTest {
    private final ScriptSource scripts = new ShippedScripts();

    @Test
    void theH2AmScriptDropsTheConstraintByItsRealNameQuotedForH2() {
        List<String> sql = scripts.statements(
                "am-3.0.0-to-3.1.0", "h2", Map.of("AM_SYSTEM_APPS_NAME_CONSTRAINT", "CONSTRAINT_4C"));

        assertThat(sql).anyMatch(s -> s.contains("DROP CONSTRAINT \"CONSTRAINT_4C\""));
        assertThat(sql).noneMatch(s -> s.contains("${"));
    }

    @Test
    void withoutTheNameThePlaceholderStaysVisibleInsteadOfAGuess() {
        List<String> sql = scripts.statements("am-3.0.0-to-3.1.0", "h2", Map.of());

        assertThat(sql).anyMatch(s -> s.contains("${AM_SYSTEM_APPS_NAME_CONSTRAINT}"));
    }

    @Test
    void aScriptWithoutPlaceholdersIsTheShippedStatementsForTheFolder() {
        assertThat(scripts.statements("reg-index", "postgres", Map.of()))
                .isNotEmpty()
                .isEqualTo(SqlScripts.statements("reg-index", DatabaseProduct.POSTGRESQL).stream()
                        .map(SqlStatement::sql)
                        .toList());
    }

    @Test
    void anUnknownFolderOrPurposeIsRefusedSoTheRunbookSaysSo() {
        assertThatThrownBy(() -> scripts.statements("reg-index", "sybase", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sybase");
        assertThatThrownBy(() -> scripts.statements("analytics-3.0.0-to-3.1.0", "h2", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
