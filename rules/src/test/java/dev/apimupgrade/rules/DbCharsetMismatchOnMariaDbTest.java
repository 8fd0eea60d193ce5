package dev.apimupgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.db.DatabaseScanner;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.ScratchDatabase;
import dev.apimupgrade.testkit.SharedFiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DB-CHARSET-MISMATCH proven on the loopback MariaDB with WSO2's real scripts (product-apim#8405): the real 3.0.0
 * WSO2AM_DB schema in latin1 under a utf8mb4 database default makes the real IS 5.10.0 step1/identity/mysql.sql fail
 * with errno 150 and the condition apply; the statement its finding gives lets the same script run, and the condition
 * no longer applies. Databases are named charset_*, dropped afterwards; no server or reference folder skips (CI fails).
 */
class DbCharsetMismatchOnMariaDbTest {
    static final String ID = "DB-CHARSET-MISMATCH";
    static final String STEP1 = "migration/identity-migration-resources-v1.0.90/migration-resources/5.10.0/dbscripts/"
            + "step1/identity/mysql.sql";
    static final SourceRef TOML = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 20);

    @Test
    void dbCharsetMismatchAppliesToLatin1TablesUnderAUtf8mb4DefaultStep1FailsWithErrno150AndTheFixLetsItRun()
            throws Exception {
        try (Database db = Database.create("CHARACTER SET latin1")) {
            db.run(reference("apim-3.0.0/dbscripts/apimgt/mysql.sql"));
            db.run("ALTER DATABASE " + db.name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");

            Verdict before = db.assess();
            assertThat(before.status(ID)).isEqualTo(Status.APPLIES);
            String fix = command(before);
            assertThat(fix)
                    .isEqualTo("ALTER DATABASE `" + db.name + "` CHARACTER SET latin1 COLLATE latin1_swedish_ci;");
            assertThatThrownBy(() -> db.runAll(step1()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("IDN_OAUTH2_AUTHZ_CODE_SCOPE")
                    .hasMessageContaining("errno: 150");

            db.runAll(split(fix));

            assertThat(db.assess().status(ID)).isEqualTo(Status.NOT_APPLICABLE);
            db.runAll(step1());
            assertThat(db.count("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME IN ('IDN_OAUTH2_AUTHZ_CODE_SCOPE', 'IDN_OAUTH2_DEVICE_FLOW_SCOPES')"))
                    .isEqualTo(2);
        }
    }

    @Test
    void dbCharsetMismatchIsNotApplicableWhenOnlyATableNoNewForeignKeyReferencesDiffersAndStep1Runs() throws Exception {
        try (Database db = Database.create("CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")) {
            db.run(reference("apim-3.0.0/dbscripts/apimgt/mysql.sql"));
            db.run("ALTER TABLE AM_ALERT_TYPES CONVERT TO CHARACTER SET latin1");

            Verdict v = db.assess();

            assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(RuleHarness.said(v, ID)).contains("AM_ALERT_TYPES");
            db.runAll(step1());
        }
    }

    @Test
    void convertingAReferencedTableIsRefusedOnMariaDbEvenWithForeignKeyChecksOffSoTheFixIsAlterDatabase()
            throws Exception {
        try (Database db = Database.create("CHARACTER SET latin1")) {
            db.run(reference("apim-3.0.0/dbscripts/apimgt/mysql.sql"));

            assertThatThrownBy(() -> db.runAll(List.of(
                            "SET foreign_key_checks = 0",
                            "ALTER TABLE IDN_OAUTH2_AUTHORIZATION_CODE CONVERT TO CHARACTER SET utf8mb4")))
                    .hasMessageContaining("used in a foreign key constraint");
        }
    }

    private static String command(Verdict v) {
        List<JustifiedAction> actions = RuleHarness.actions(v, ID);
        assertThat(actions).hasSize(1);
        return actions.get(0).params().get("command");
    }

    private static List<String> step1() throws Exception {
        return split(reference(STEP1));
    }

    /** A MySQL client script as statements: lines of comments skipped, DELIMITER lines obeyed (the step1 procedure). */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (current.isEmpty() && (t.isEmpty() || t.startsWith("--"))) {
                continue;
            }
            if (t.toUpperCase(Locale.ROOT).startsWith("DELIMITER ")) {
                delimiter = t.substring("DELIMITER ".length()).strip();
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(delimiter)) {
                String s = current.toString().strip();
                out.add(s.substring(0, s.length() - delimiter.length()).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String reference(String relative) {
        return SharedFiles.readReference(relative);
    }

    /** A database on the loopback MariaDB (the test kit's), dropped on close. */
    private static final class Database implements AutoCloseable {
        private final ScratchDatabase db;
        final String name;

        private Database(ScratchDatabase db) {
            this.db = db;
            this.name = db.name();
        }

        static Database create(String options) throws SQLException {
            return new Database(ScratchDatabase.create(DatabaseServer.MARIADB, " " + options));
        }

        String url() {
            return db.url();
        }

        void run(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(db.multiStatementUrl(), db.user(), "");
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        void runAll(List<String> statements) throws SQLException {
            try (Connection c = DriverManager.getConnection(url(), db.user(), "");
                    Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        long count(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(url(), db.user(), "");
                    Statement s = c.createStatement();
                    var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** What assess decides from this database, read by the production scanner as the AM datasource. */
        Verdict assess() {
            DatasourceSpec spec = new DatasourceSpec("apim_db", url(), url(), db.user(), "", Optional.empty(), TOML);
            List<Observation> facts = new ArrayList<>(new DatabaseScanner().scan(new DatasourceSpecs(List.of(spec))));
            facts.add(new DatasourceConfig(Role.OLD, "apim_db", "mysql", url(), "", "", false, TOML));
            return RuleHarness.ENGINE.decide(new Facts(facts));
        }

        @Override
        public void close() throws SQLException {
            db.close();
        }
    }
}
