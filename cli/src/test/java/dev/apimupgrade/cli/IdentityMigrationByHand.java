package dev.apimupgrade.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.testkit.MigrationScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What {@code sh wso2server.sh -Dmigrate -Dcomponent=identity} does to the databases, done for real where no WSO2 server
 * runs: the schema part of WSO2's identity migration (identity-migration-resources v1.0.90, IS 5.9.0 to 5.10.0) in the
 * order of its migration-config.yaml, as analyzer-core's IdentityMigrationSchemaTest runs it: ScopeDataMigrator's one
 * statement (v5100/migrator/ScopeDataMigrator.java: ADD_SCOPE_TYPE_COLUMN), SchemaMigrator step1/identity on the
 * identity datasource, step1/um and step2/um on the user store's. Left out as the guide says: MigrationValidator and
 * step2/identity; the other migrators change rows only. The scripts are WSO2's own, from apim.reference.dir; H2 runs
 * their h2.sql variants, as the client does on a pack whose databases are H2.
 */
final class IdentityMigrationByHand {
    static final String DBSCRIPTS =
            "migration/identity-migration-resources-v1.0.90/migration-resources/5.10.0/" + "dbscripts/";
    /** v5100/migrator/ScopeDataMigrator.java's ADD_SCOPE_TYPE_COLUMN (the same text for every dialect it names). */
    static final String SCOPE_TYPE =
            "ALTER TABLE IDN_OAUTH2_SCOPE ADD COLUMN SCOPE_TYPE VARCHAR(255) NOT NULL" + " DEFAULT 'OAUTH2'";

    /** One database the client connects to, and the name of its dialect's script (h2, postgresql, mysql). */
    record Target(String url, String user, String password, String dialect) {
        @Override
        public String toString() {
            // never the password
            return url + " as " + user;
        }
    }

    /**
     * The backup an operator takes of the databases right before the identity migration (WSO2's migration guides ask
     * for one); {@link #take()} returns how to put it back.
     */
    interface Backup {
        Restore take() throws Exception;
    }

    /** Puts the databases back as the backup holds them. */
    interface Restore {
        void restore() throws Exception;
    }

    /**
     * The identity (IDN_) datasource and the user store's (UM_) one, and how to back them up right before the
     * migration (null where nothing needs it: on H2, the run's own backups of the database files restore them).
     */
    record Databases(Target identity, Target userStore, Backup backup) {
        Databases(Target identity, Target userStore) {
            this(identity, userStore, null);
        }
    }

    private IdentityMigrationByHand() {}

    /**
     * The H2 databases of a sample's old home, which the carried URLs point at: WSO2AM_DB holds the IDN_ tables, the
     * user store is WSO2USER_DB when deployment.toml has [database.user], else WSO2SHARED_DB.
     */
    static Databases h2(Path oldHome, String secretsPrefix) throws IOException {
        boolean userDb = Files.readAllLines(oldHome.resolve("repository/conf/deployment.toml")).stream()
                .anyMatch(l -> l.strip().equals("[database.user]"));
        return new Databases(
                h2(oldHome, "WSO2AM_DB", secretsPrefix + ".apim_db.password"),
                userDb
                        ? h2(oldHome, "WSO2USER_DB", secretsPrefix + ".user_db.password")
                        : h2(oldHome, "WSO2SHARED_DB", secretsPrefix + ".shared_db.password"));
    }

    private static Target h2(Path home, String name, String secret) {
        return new Target(
                "jdbc:h2:" + home.resolve("repository/database/" + name).toAbsolutePath(),
                "wso2carbon",
                Samples.plantedSecret(secret),
                "h2");
    }

    /** Runs the migration's schema part; a statement that fails fails the test, naming the script and line. */
    static void run(Databases dbs) throws IOException, SQLException {
        List<ScriptStatement> identity = new ArrayList<>();
        identity.add(new ScriptStatement("ScopeDataMigrator", 1, SCOPE_TYPE));
        identity.addAll(script("step1/identity", dbs.identity().dialect()));
        execute(dbs.identity(), identity);
        List<ScriptStatement> um =
                new ArrayList<>(script("step1/um", dbs.userStore().dialect()));
        um.addAll(script("step2/um", dbs.userStore().dialect()));
        execute(dbs.userStore(), um);
    }

    /** One statement of a script, with where it starts. */
    record ScriptStatement(String file, int line, String sql) {}

    private static void execute(Target target, List<ScriptStatement> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement s = c.createStatement()) {
            for (ScriptStatement st : statements) {
                try {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    throw new AssertionError(
                            "the identity migration failed on " + target + " at " + st.file() + ":" + st.line() + ": "
                                    + e.getMessage(),
                            e);
                }
            }
        }
    }

    private static List<ScriptStatement> script(String step, String dialect) throws IOException {
        String relative = DBSCRIPTS + step + "/" + dialect + ".sql";
        String dir = System.getProperty("apim.reference.dir");
        Path file = dir == null ? null : Path.of(dir, relative);
        if (file == null || !Files.isRegularFile(file)) {
            String what = "the identity migration script " + relative + " is absent (apim.reference.dir=" + dir + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(what + ", and CI=true");
            }
            Assumptions.abort(what);
        }
        return split(step + "/" + dialect + ".sql", Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A script as the migration client's SchemaMigrator reads it (the test kit's one reading). */
    static List<ScriptStatement> split(String file, String script) {
        return MigrationScripts.split(file, script).stream()
                .map(s -> new ScriptStatement(s.file(), s.line(), s.sql()))
                .toList();
    }
}
