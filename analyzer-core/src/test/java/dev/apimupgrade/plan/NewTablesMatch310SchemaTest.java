package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB-AM-UPGRADE for the dialects no test database runs (Oracle, SQL Server, DB2), and again for the others: each table
 * the AM script creates is defined as in the real 3.1.0 schema of the same dialect (both parsed by jOOQ and rendered
 * alike, so layout and case do not matter), and TENANT_DOMAIN is added as that schema declares it.
 */
class NewTablesMatch310SchemaTest {
    private static final DSLContext JOOQ = DSL.using(SQLDialect.DEFAULT);
    private static final List<String> NEW_TABLES =
            List.of("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING");

    private static String schemaFile(DatabaseProduct dialect) {
        String name = dialect == DatabaseProduct.POSTGRESQL ? "postgresql" : dialect.folder();
        return "apim-3.1.0/dbscripts/apimgt/" + name + ".sql";
    }

    /** The column and constraint list of CREATE TABLE name in a text, if there is one. */
    private static Optional<String> body(String text, String table) {
        Matcher m = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?" + table + " \\((.*?)\\n\\s*\\)", Pattern.DOTALL)
                .matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String rendered(String table, String body) {
        return JOOQ.render(JOOQ.parser().parseQuery("CREATE TABLE " + table + " (" + body + ")"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = "MARIADB",
            mode = EnumSource.Mode.EXCLUDE) // MariaDB runs MySQL's scripts
    void dbAmUpgradeCreatesEachNewTableAsTheReal310SchemaOfTheDialectDefinesIt(DatabaseProduct dialect)
            throws Exception {
        String schema = TestDatabase.reference(schemaFile(dialect));
        String script = String.join(
                "\n;\n",
                SqlScripts.statements(SqlScripts.AM_UPGRADE, dialect).stream()
                        .map(SqlStatement::sql)
                        .toList());
        for (String table : NEW_TABLES) {
            String expected = body(schema, table).orElseThrow(() -> new AssertionError(table + " not in " + dialect));
            String ours = body(script, table).orElseThrow(() -> new AssertionError(table + " not created: " + dialect));
            assertThat(rendered(table, ours)).as("%s %s", dialect, table).isEqualTo(rendered(table, expected));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = "MARIADB",
            mode = EnumSource.Mode.EXCLUDE) // MariaDB runs MySQL's scripts
    void dbAmUpgradeAddsTenantDomainAsTheReal310SchemaDeclaresIt(DatabaseProduct dialect) throws Exception {
        String declared = body(TestDatabase.reference(schemaFile(dialect)), "AM_SYSTEM_APPS")
                .orElseThrow()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("TENANT_DOMAIN "))
                .findFirst()
                .orElseThrow();
        String column = declared.substring(0, declared.length() - 1); // without its trailing comma
        String add = "ALTER TABLE AM_SYSTEM_APPS ADD "
                + (dialect == DatabaseProduct.H2 || dialect == DatabaseProduct.POSTGRESQL
                        ? "COLUMN IF NOT EXISTS "
                        : "")
                + column;
        assertThat(SqlScripts.statements(SqlScripts.AM_UPGRADE, dialect))
                .extracting(SqlStatement::sql)
                .contains(add);
        assertThat(column.toUpperCase(Locale.ROOT)).contains("'CARBON.SUPER'");
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"SQLSERVER", "DB2"})
    void theGuidesCopyDiffersOnlyInTheAuditMappingsForeignKeySoTheComparisonCanFail(DatabaseProduct dialect)
            throws Exception {
        String schema = TestDatabase.reference(schemaFile(dialect));
        String guide = TestDatabase.reference(
                "migration/docs-apim-guide/migration-3.0.0_to_3.1.0/" + dialect.folder() + ".sql");
        for (String table : NEW_TABLES) {
            boolean same = rendered(table, body(guide, table).orElseThrow())
                    .equals(rendered(table, body(schema, table).orElseThrow()));
            assertThat(same).as("%s %s", dialect, table).isEqualTo(!table.equals("AM_SECURITY_AUDIT_UUID_MAPPING"));
        }
    }
}
