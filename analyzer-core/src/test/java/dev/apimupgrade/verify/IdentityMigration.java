package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.plan.TestDatabase;
import dev.apimupgrade.testkit.MigrationScripts;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema part of WSO2's identity migration (identity-migration-resources v1.0.90, IS 5.9.0 to 5.10.0) as the API
 * Manager 3.0.0 to 3.1.0 guide runs it, in the order of its migration-config.yaml: ScopeDataMigrator's one statement
 * (v5100/migrator/ScopeDataMigrator.java: ADD_SCOPE_TYPE_COLUMN), SchemaMigrator step1/identity and step1/um,
 * SchemaMigrator step2/um. Left out as the guide says: MigrationValidator and SchemaMigrator step2/identity. The other
 * migrators change rows only (ClaimDataMigrator and EmailTemplateDataMigrator the registry, UserIDMigrator the user IDs).
 */
final class IdentityMigration {
    static final String SCOPE_DATA_MIGRATOR =
            "ALTER TABLE IDN_OAUTH2_SCOPE ADD COLUMN SCOPE_TYPE VARCHAR(255) NOT NULL" + " DEFAULT 'OAUTH2'";
    static final String DBSCRIPTS =
            "migration/identity-migration-resources-v1.0.90/migration-resources/5.10.0/" + "dbscripts/";
    static final List<String> SCRIPTS = List.of("step1/identity", "step1/um", "step2/um");

    private IdentityMigration() {}

    static void run(TestDatabase db) throws Exception {
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(new SqlStatement("ScopeDataMigrator", 1, SCOPE_DATA_MIGRATOR));
        for (String script : SCRIPTS) {
            String relative = DBSCRIPTS + script + "/" + file(db.dialect);
            split(relative, TestDatabase.reference(relative)).forEach(statements::add);
        }
        db.run(statements);
    }

    static String file(DatabaseProduct dialect) {
        return switch (dialect) {
            case H2 -> "h2.sql";
            case POSTGRESQL -> "postgresql.sql";
            default -> "mysql.sql";
        };
    }

    /** A script as the migration client's SchemaMigrator reads it (the test kit's one reading). */
    static List<SqlStatement> split(String file, String script) {
        return MigrationScripts.split(file, script).stream()
                .map(s -> new SqlStatement(s.file(), s.line(), s.sql()))
                .toList();
    }
}
