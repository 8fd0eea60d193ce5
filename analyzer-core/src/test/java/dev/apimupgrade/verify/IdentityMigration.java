package dev.apimupgrade.verify;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.plan.SqlStatement;
import dev.apimupgrade.plan.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /**
     * A script as the migration client's SchemaMigrator reads it: comment lines skipped, a MySQL DELIMITER line obeyed,
     * and no split inside $$ quoting (the PostgreSQL procedure, H2's Java alias).
     */
    static List<SqlStatement> split(String file, String script) {
        List<SqlStatement> out = new ArrayList<>();
        String delimiter = ";";
        boolean dollar = false;
        StringBuilder current = new StringBuilder();
        int start = 0;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (!dollar && (t.isEmpty() || t.startsWith("--") || t.startsWith("/*") && t.endsWith("*/"))) {
                continue;
            }
            if (!dollar && t.toUpperCase(Locale.ROOT).startsWith("DELIMITER ")) {
                delimiter = t.substring("DELIMITER ".length()).strip();
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            current.append(lines[i]).append('\n');
            if (delimiter.equals(";") && (t.split("\\$\\$", -1).length - 1) % 2 == 1) {
                dollar = !dollar;
            }
            if (!dollar && t.endsWith(delimiter)) {
                String s = current.toString().strip();
                out.add(new SqlStatement(
                        file,
                        start,
                        s.substring(0, s.length() - delimiter.length()).strip()));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(new SqlStatement(file, start, current.toString().strip()));
        }
        return out;
    }
}
