package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Parser;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Every statement of every shipped script parses with jOOQ's parser (free edition, SQL-standard dialect), which is all
 * the proof there is for Oracle, SQL Server and DB2. The three statement shapes jOOQ cannot parse are checked by text
 * instead, and the SQL inside them is parsed on its own.
 */
class ScriptsParseTest {
    private static final Parser PARSER = DSL.using(SQLDialect.DEFAULT).parser();
    private static final Map<String, String> NAME =
            Map.of(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT, "UQ__AM_SYSTE__1");

    /** T-SQL's guard around a CREATE TABLE (jOOQ: "Unsupported query type"). */
    private static final Pattern TSQL_GUARD = Pattern.compile(
            "IF NOT EXISTS \\(SELECT \\* FROM SYS\\.OBJECTS WHERE"
                    + " OBJECT_ID = OBJECT_ID\\(N'\\[DBO\\]\\.\\[(\\w+)]'\\) AND TYPE IN \\(N'U'\\)\\)"
                    + "\\s+(CREATE TABLE (\\w+) .*)",
            Pattern.DOTALL);
    /**
     * T-SQL's look-up and drop of the generated primary key name, one batch (jOOQ: DECLARE is pro edition). EXEC takes
     * only variables and literals, so QUOTENAME must be in the DECLARE.
     */
    private static final Pattern TSQL_PK_DROP = Pattern.compile("DECLARE @con_com NVARCHAR\\(300\\) ="
            + " QUOTENAME\\(\\(SELECT name FROM"
            + " sys\\.objects\\s+WHERE parent_object_id = OBJECT_ID\\('(\\w+)'\\) AND type = 'PK'\\)\\)\\s+"
            + "EXEC\\('(ALTER TABLE (\\w+) DROP CONSTRAINT )' \\+ @con_com\\)");
    /** DB2's REORG after SET NOT NULL (jOOQ: CALL is pro edition). */
    private static final String DB2_REORG = "CALL SYSPROC.ADMIN_CMD('REORG TABLE APILASTACCESSSUMMARY')";

    @Test
    void everyStatementOfEveryDialectParsesOrHasADocumentedShape() {
        List<String> checkedByText = new ArrayList<>();
        for (String purpose : SqlScripts.PURPOSES) {
            for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
                for (SqlStatement s : SqlScripts.statements(purpose, dialect, NAME)) {
                    assertThat(s.sql()).as(s.toString()).doesNotEndWith(";").doesNotEndWith("/");
                    if (!checkedByText(s, checkedByText)) {
                        assertThatCode(() -> PARSER.parseQuery(s.sql()))
                                .as(s.toString())
                                .doesNotThrowAnyException();
                    }
                }
            }
        }
        assertThat(checkedByText)
                .containsExactly(
                        "sql/am-3.0.0-to-3.1.0/mssql/01_am_tables.sql AM_API_CATEGORIES",
                        "sql/am-3.0.0-to-3.1.0/mssql/01_am_tables.sql AM_USER",
                        "sql/am-3.0.0-to-3.1.0/mssql/01_am_tables.sql AM_SECURITY_AUDIT_UUID_MAPPING",
                        "sql/analytics-lastaccess-pk/mssql/01_primary_key_with_version.sql APILASTACCESSSUMMARY",
                        "sql/analytics-lastaccess-pk/db2/01_primary_key_with_version.sql REORG");
    }

    private static boolean checkedByText(SqlStatement s, List<String> checked) {
        Matcher guard = TSQL_GUARD.matcher(s.sql());
        if (guard.matches()) {
            assertThat(guard.group(3))
                    .as("the guard tests the table it creates")
                    .isEqualTo(guard.group(1));
            assertThatCode(() -> PARSER.parseQuery(guard.group(2)))
                    .as(s.toString())
                    .doesNotThrowAnyException();
            checked.add(s.file() + " " + guard.group(1));
            return true;
        }
        Matcher drop = TSQL_PK_DROP.matcher(s.sql());
        if (drop.matches()) {
            assertThat(drop.group(3)).as("the drop is on the table looked up").isEqualTo(drop.group(1));
            assertThatCode(() -> PARSER.parseQuery(drop.group(2) + "X"))
                    .as(s.toString())
                    .doesNotThrowAnyException();
            checked.add(s.file() + " " + drop.group(1));
            return true;
        }
        if (s.sql().equals(DB2_REORG)) {
            checked.add(s.file() + " REORG");
            return true;
        }
        return false;
    }
}
