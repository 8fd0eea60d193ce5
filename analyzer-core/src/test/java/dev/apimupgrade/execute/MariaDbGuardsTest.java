package dev.apimupgrade.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.plan.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which metadata check each MariaDB/MySQL DDL shape gets, and which statements belong to a transaction. */
class MariaDbGuardsTest {
    private static SqlStatement sql(int line, String text) {
        return new SqlStatement("sql/test/mysql/01_t.sql", line, text);
    }

    @Test
    void anaDbPkTheDropOfAPrimaryKeyRunsOnlyWhileTheKeyIsNotTheOneTheScriptAddsNext() {
        SqlStatement drop = sql(1, "ALTER TABLE APILASTACCESSSUMMARY DROP PRIMARY KEY");
        SqlStatement add = sql(
                2,
                "ALTER TABLE APILASTACCESSSUMMARY ADD PRIMARY KEY (APINAME, `APICREATOR`,"
                        + "APIVERSION,APICREATORTENANTDOMAIN)");
        List<SqlStatement> script = List.of(drop, add);

        assertThat(MariaDbGuards.of(drop, script))
                .isEqualTo(new MariaDbGuards.Guard(
                        "primary_key_differs",
                        List.of("APILASTACCESSSUMMARY", "APINAME,APICREATOR,APIVERSION,APICREATORTENANTDOMAIN"),
                        false));
        assertThat(MariaDbGuards.of(add, script))
                .isEqualTo(new MariaDbGuards.Guard(
                        "primary_key_is",
                        List.of("APILASTACCESSSUMMARY", "APINAME,APICREATOR,APIVERSION,APICREATORTENANTDOMAIN"),
                        true));
        // a drop the script does not follow with a new key runs while any key is there
        assertThat(MariaDbGuards.of(drop, List.of(drop)).args()).containsExactly("APILASTACCESSSUMMARY", "");
    }

    @Test
    void temporaryTablesAndRowChangesBelongToTheTransactionOtherDdlDoesNot() {
        assertThat(MariaDbGuards.inTransaction(sql(1, "CREATE TEMPORARY TABLE reg_log_ids_to_KEEP (A INTEGER)")))
                .isTrue();
        assertThat(MariaDbGuards.inTransaction(sql(2, "DROP TEMPORARY TABLE reg_log_ids_to_KEEP")))
                .isTrue();
        assertThat(MariaDbGuards.inTransaction(sql(3, "DELETE FROM REG_LOG WHERE REG_ACTION = 7")))
                .isTrue();
        assertThat(MariaDbGuards.inTransaction(sql(4, "CREATE TABLE reg_log_ids_to_KEEP (A INTEGER)")))
                .isFalse();
        assertThat(MariaDbGuards.inTransaction(sql(5, "DROP TABLE reg_log_ids_to_KEEP")))
                .isFalse();
    }

    @Test
    void aDdlShapeWithoutACheckIsRefusedNamingItsFileAndLine() {
        SqlStatement drop = sql(7, "DROP TABLE reg_log_ids_to_KEEP");
        assertThatThrownBy(() -> MariaDbGuards.of(drop, List.of(drop)))
                .hasMessageContaining("sql/test/mysql/01_t.sql:7: no metadata check");
    }
}
