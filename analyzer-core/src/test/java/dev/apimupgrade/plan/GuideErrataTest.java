package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The guide errata (the errata.drl conditions of docs/rules.md, docs/facts.md section 3) are corrected in the scripts we ship, for every dialect. */
class GuideErrataTest {
    private static final String NEW_KEY =
            "ALTER TABLE APILASTACCESSSUMMARY ADD PRIMARY KEY (APINAME,APICREATOR,APIVERSION,APICREATORTENANTDOMAIN)";

    private static List<String> sql(String purpose, DatabaseProduct dialect) {
        return SqlScripts.statements(purpose, dialect).stream()
                .map(s -> s.sql().replaceAll("\\s+", " "))
                .toList();
    }

    @Test
    void theSqlServerAnalyticsStatementHasItsMissingSpace() {
        for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
            assertThat(sql(SqlScripts.ANALYTICS_LASTACCESS_PK, dialect))
                    .as("%s", dialect)
                    .noneMatch(s -> s.toUpperCase(Locale.ROOT).contains("SUMMARYADD"))
                    .last()
                    .isEqualTo(dialect == DatabaseProduct.ORACLE ? "COMMIT" : NEW_KEY);
        }
    }

    @Test
    void preAlreadyMigratedNoAmScriptDropsATable() {
        for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
            assertThat(sql(SqlScripts.AM_UPGRADE, dialect))
                    .as("%s", dialect)
                    .noneMatch(s -> s.toUpperCase(Locale.ROOT).contains("DROP TABLE"));
        }
        assertThat(sql(SqlScripts.AM_UPGRADE, DatabaseProduct.POSTGRESQL))
                .filteredOn(s -> s.startsWith("CREATE TABLE"))
                .hasSize(3)
                .allMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS "));
    }

    /** docs/facts.md section 2: only the DB2 3.1.0 schema keeps UNIQUE(NAME) on AM_SYSTEM_APPS. */
    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = "MARIADB",
            mode = EnumSource.Mode.EXCLUDE) // MariaDB runs MySQL's scripts
    void dbAmSysappsConstraintTheScriptDropsUniqueNameExactlyWhereThe310SchemaOfTheDialectLacksIt(
            DatabaseProduct dialect) throws Exception {
        String file = switch (dialect) {
            case POSTGRESQL -> "postgresql";
            default -> dialect.folder();
        };
        String schema = TestDatabase.reference("apim-3.1.0/dbscripts/apimgt/" + file + ".sql");
        Matcher table =
                Pattern.compile("AM_SYSTEM_APPS \\((.*?)\n\\)", Pattern.DOTALL).matcher(schema);
        assertThat(table.find())
                .as("AM_SYSTEM_APPS in the 3.1.0 %s schema", dialect)
                .isTrue();
        boolean keeps =
                Pattern.compile("UNIQUE\\s*\\(NAME\\)").matcher(table.group(1)).find();

        List<String> drops = sql(SqlScripts.AM_UPGRADE, dialect).stream()
                .filter(s -> s.startsWith("ALTER TABLE AM_SYSTEM_APPS DROP"))
                .toList();
        assertThat(keeps).as("3.1.0 %s schema keeps UNIQUE(NAME)", dialect).isEqualTo(dialect == DatabaseProduct.DB2);
        assertThat(drops)
                .as("%s", dialect)
                .containsExactlyElementsOf(
                        switch (dialect) {
                            case H2, SQLSERVER ->
                                List.of("ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT ${AM_SYSTEM_APPS_NAME_CONSTRAINT}");
                            case POSTGRESQL ->
                                List.of("ALTER TABLE AM_SYSTEM_APPS DROP CONSTRAINT IF EXISTS AM_SYSTEM_APPS_NAME_KEY");
                            case MYSQL, MARIADB -> List.of("ALTER TABLE AM_SYSTEM_APPS DROP INDEX NAME");
                            case ORACLE -> List.of("ALTER TABLE AM_SYSTEM_APPS DROP UNIQUE (NAME)");
                            case DB2 -> List.of();
                        });
    }

    @Test
    void theProductCopiesSyntaxErrorsAreAbsent() {
        for (DatabaseProduct dialect : List.of(DatabaseProduct.ORACLE, DatabaseProduct.DB2)) {
            assertThat(sql(SqlScripts.AM_UPGRADE, dialect))
                    .as("%s", dialect)
                    .noneMatch(s -> s.contains("IF NOT EXISTS"));
        }
        for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
            for (String statement : sql(SqlScripts.AM_UPGRADE, dialect)) {
                assertThat(statement.chars().filter(c -> c == '(').count())
                        .as(statement)
                        .isEqualTo(statement.chars().filter(c -> c == ')').count());
            }
        }
    }

    @Test
    void dbScopeBindingNullTheDeleteIsItsOwnPurposeSoTheRowsCanBeExportedFirst() {
        for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
            assertThat(sql(SqlScripts.AM_UPGRADE, dialect)).noneMatch(s -> s.contains("IDN_OAUTH2_SCOPE_BINDING"));
            assertThat(sql(SqlScripts.SCOPE_BINDING_CLEANUP, dialect))
                    .first()
                    .isEqualTo(
                            dialect == DatabaseProduct.ORACLE
                                    ? "DELETE FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL"
                                    : "DELETE FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''");
        }
    }

    @Test
    void preOracleCommitEveryOracleScriptEndsWithCommit() {
        for (String purpose : SqlScripts.PURPOSES) {
            assertThat(sql(purpose, DatabaseProduct.ORACLE)).as(purpose).last().isEqualTo("COMMIT");
        }
    }

    @Test
    void regVersioningEnabledEveryUpdateTouchesOnlyVersionedRows() {
        for (DatabaseProduct dialect : DatabaseProduct.withOwnScripts()) {
            assertThat(sql(SqlScripts.REGISTRY_VERSIONING_CLEANUP, dialect))
                    .filteredOn(s -> s.startsWith("UPDATE"))
                    .hasSize(8)
                    .allMatch(s -> s.endsWith(" WHERE REG_VERSION IS NOT NULL"));
        }
    }

    @Test
    void anaDbPkDb2SetsNotNullAndReorgsInsteadOfTheInvalidAlterColumnType() {
        assertThat(sql(SqlScripts.ANALYTICS_LASTACCESS_PK, DatabaseProduct.DB2))
                .containsExactly(
                        "ALTER TABLE APILASTACCESSSUMMARY DROP PRIMARY KEY",
                        "ALTER TABLE APILASTACCESSSUMMARY ALTER COLUMN APIVERSION SET NOT NULL",
                        "CALL SYSPROC.ADMIN_CMD('REORG TABLE APILASTACCESSSUMMARY')",
                        NEW_KEY);
    }
}
