package dev.apimupgrade.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseProduct;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DB-AM-UPGRADE on real databases: the real 3.0.0 WSO2AM_DB schema plus our am-3.0.0-to-3.1.0 script leaves the AM_
 * tables as the real 3.1.0 schema has them (columns, types, nullability, defaults, keys and foreign key rules), except
 * the one difference docs/facts.md section 3 documents that we keep (AM_CERTIFICATE_METADATA.ALIAS and END_POINT keep
 * their 3.0.0 widths). The other one, UNIQUE(NAME) left on
 * AM_SYSTEM_APPS by the guide's H2 script, is gone: our H2 script drops it by its real name.
 */
public class AmUpgradeScriptTest {

    /** The 3.0.0 widths of AM_CERTIFICATE_METADATA's two columns, per dialect (docs/facts.md section 3, item 1). */
    private static List<String> keptWidths(DatabaseProduct dialect) {
        String endPoint = dialect == DatabaseProduct.POSTGRESQL ? "45" : "100";
        return List.of(
                "COL AM_CERTIFICATE_METADATA.ALIAS VARCHAR(45) NOT NULL",
                "COL AM_CERTIFICATE_METADATA.END_POINT VARCHAR(" + endPoint + ") NOT NULL");
    }

    static TestDatabase migrated(DatabaseProduct dialect) throws Exception {
        TestDatabase db = TestDatabase.create(dialect);
        try {
            db.loadSchema("3.0.0", "apimgt");
            db.run(SqlScripts.statements(SqlScripts.AM_UPGRADE, dialect, constraintNames(db)));
            return db;
        } catch (Exception | AssertionError e) {
            db.close(); // drop the server database even when loading fails
            throw e;
        }
    }

    /** What the plan reads from metadata: the generated name of UNIQUE(NAME) on AM_SYSTEM_APPS (H2 only here). */
    public static Map<String, String> constraintNames(TestDatabase db) throws SQLException {
        if (db.dialect != DatabaseProduct.H2) {
            return Map.of();
        }
        List<String> names = db.strings("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE TABLE_NAME ="
                + " 'AM_SYSTEM_APPS' AND CONSTRAINT_TYPE = 'UNIQUE' AND COLUMN_LIST = 'NAME'");
        assertThat(names)
                .as("UNIQUE(NAME) on AM_SYSTEM_APPS in the 3.0.0 schema")
                .hasSize(1);
        return Map.of(SqlScripts.AM_SYSTEM_APPS_NAME_CONSTRAINT, names.get(0));
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void dbAmUpgradeLeavesTheAmTablesAsTheReal310SchemaExceptTheCertificateColumnWidths(DatabaseProduct dialect)
            throws Exception {
        try (TestDatabase migrated = migrated(dialect);
                TestDatabase fresh = TestDatabase.create(dialect)) {
            fresh.loadSchema("3.1.0", "apimgt");

            TreeSet<String> after = AmCatalogue.of(migrated.connection);
            TreeSet<String> expected = AmCatalogue.of(fresh.connection);

            TreeSet<String> onlyMigrated = new TreeSet<>(after);
            onlyMigrated.removeAll(expected);
            TreeSet<String> onlyFresh = new TreeSet<>(expected);
            onlyFresh.removeAll(after);
            assertThat(onlyMigrated).containsExactlyElementsOf(keptWidths(dialect));
            assertThat(onlyFresh)
                    .containsExactly(
                            "COL AM_CERTIFICATE_METADATA.ALIAS VARCHAR(255) NOT NULL",
                            "COL AM_CERTIFICATE_METADATA.END_POINT VARCHAR(255) NOT NULL");
            assertThat(after)
                    .contains("UNIQUE AM_SYSTEM_APPS (CONSUMER_KEY)")
                    .doesNotContain("UNIQUE AM_SYSTEM_APPS (NAME)")
                    .anyMatch(l -> l.startsWith("COL AM_SYSTEM_APPS.TENANT_DOMAIN VARCHAR(255) DEFAULT ")
                            && l.contains("'carbon.super'"));
            assertThat(after).contains("FK AM_SECURITY_AUDIT_UUID_MAPPING (API_ID->API_ID) AM_API update=0 delete=1");
            assertThat(expected).hasSizeGreaterThan(300);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DatabaseProduct.class,
            names = {"H2", "POSTGRESQL", "MYSQL"})
    void theGuidesOwnScriptLeavesMoreDifferencesSoTheComparisonCanFail(DatabaseProduct dialect) throws Exception {
        String file = switch (dialect) {
            case H2 -> "h2.sql";
            case POSTGRESQL -> "postgresql.sql";
            default -> "mysql.sql";
        };
        String relative = "migration/docs-apim-guide/migration-3.0.0_to_3.1.0/" + file;
        try (TestDatabase guide = TestDatabase.create(dialect);
                TestDatabase fresh = TestDatabase.create(dialect)) {
            guide.loadSchema("3.0.0", "apimgt");
            guide.run(StatementSplitter.split(
                    relative, TestDatabase.reference(relative), DatabaseProduct.Delimiter.SEMICOLON));
            fresh.loadSchema("3.1.0", "apimgt");

            TreeSet<String> onlyGuide = new TreeSet<>(AmCatalogue.of(guide.connection));
            onlyGuide.removeAll(AmCatalogue.of(fresh.connection));
            onlyGuide.removeAll(keptWidths(dialect));
            // the new table's foreign key lacks 3.1.0's ON UPDATE CASCADE; on H2 UNIQUE(NAME) also stays
            assertThat(onlyGuide)
                    .anyMatch(l -> l.startsWith("FK AM_SECURITY_AUDIT_UUID_MAPPING (API_ID->API_ID) AM_API"));
            assertThat(onlyGuide.contains("UNIQUE AM_SYSTEM_APPS (NAME)")).isEqualTo(dialect == DatabaseProduct.H2);
            assertThat(onlyGuide).hasSize(dialect == DatabaseProduct.H2 ? 2 : 1);
        }
    }
}
