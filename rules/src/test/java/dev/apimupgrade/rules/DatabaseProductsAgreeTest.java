package dev.apimupgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.db.DatabaseScanner;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.testkit.DatabaseServer;
import dev.apimupgrade.testkit.ScratchDatabase;
import dev.apimupgrade.testkit.SharedFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same installation (the real 3.0.0 schemas plus the same seed rows) assessed on H2, PostgreSQL and MariaDB gets
 * the same status for every database condition: the scanner and the rules do not depend on the product.
 */
class DatabaseProductsAgreeTest {
    static final SourceRef TOML = SourceRef.line(Role.OLD, "repository/conf/deployment.toml", 20);
    static final Map<String, Status> EXPECTED = expected();

    @TempDir
    Path dir;

    private static Map<String, Status> expected() {
        Map<String, Status> m = new LinkedHashMap<>();
        m.put("PRE-PG-SUPERUSER", Status.NOT_APPLICABLE);
        m.put("PRE-ALREADY-MIGRATED", Status.NOT_APPLICABLE);
        m.put("REG-VERSIONING-ENABLED", Status.APPLIES);
        m.put("DB-AM-UPGRADE", Status.APPLIES);
        m.put("DB-AM-SYSAPPS-CONSTRAINT", Status.NOT_APPLICABLE);
        m.put("DB-SCOPE-BINDING-NULL", Status.APPLIES);
        m.put("DB-SCOPE-NAME-CLASH", Status.APPLIES);
        m.put("IDN-LARGE-TABLES", Status.NOT_APPLICABLE);
        m.put("IDX-REG-INDEX-SQL", Status.APPLIES);
        m.put("IDX-TENANTLOADER", Status.APPLIES);
        m.put("ANA-DB-PK", Status.APPLIES);
        m.put("ANA-PK-DUPLICATES", Status.NOT_APPLICABLE);
        m.put("ANA-COLLATION", Status.NOT_APPLICABLE);
        return m;
    }

    @Test
    void h2PostgresAndMariaDbGiveTheSameStatusForEveryDatabaseCondition() throws Exception {
        Path reference = SharedFiles.reference("apim-3.0.0/dbscripts/apimgt/h2.sql")
                .getParent()
                .getParent();

        Map<String, Status> h2 = statuses(h2(reference), "h2");
        Map<String, Status> pg;
        Map<String, Status> maria;
        try (ScratchDatabase s =
                ScratchDatabase.create(DatabaseServer.POSTGRESQL, "", "apim-3.0.0/dbscripts/apimgt/postgresql.sql")) {
            s.load("apim-3.0.0/dbscripts/postgresql.sql");
            seed(s.connect());
            pg = statuses(spec(s), "postgre");
        }
        try (ScratchDatabase s = ScratchDatabase.create(
                DatabaseServer.MARIADB,
                " CHARACTER SET latin1 COLLATE latin1_bin",
                "apim-3.0.0/dbscripts/apimgt/mysql.sql")) {
            s.load("apim-3.0.0/dbscripts/mysql.sql");
            seed(s.connect());
            maria = statuses(spec(s), "mysql");
        }

        assertThat(h2).as("H2").isEqualTo(EXPECTED);
        assertThat(pg).as("PostgreSQL").isEqualTo(EXPECTED);
        assertThat(maria).as("MariaDB").isEqualTo(EXPECTED);
    }

    private Map<String, Status> statuses(DatasourceSpec spec, String type) {
        List<Observation> facts = new ArrayList<>(new DatabaseScanner().scan(new DatasourceSpecs(List.of(spec))));
        facts.add(new DatasourceConfig(Role.OLD, "apim_db", type, spec.configuredUrl(), "", "", false, TOML));
        facts.add(new TomlSetting(Role.OLD, "apim.analytics.enable", "true", TOML));
        facts.add(new RegistryVersioning(Role.OLD, "versioningTags", false, TOML));
        facts.add(Given.registry());
        Verdict v = RuleHarness.ENGINE.decide(new Facts(facts));
        Map<String, Status> out = new LinkedHashMap<>();
        EXPECTED.keySet().forEach(id -> out.put(id, v.status(id)));
        return out;
    }

    private DatasourceSpec h2(Path reference) throws SQLException {
        Path db = dir.resolve("WSO2AM_DB");
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db, "wso2carbon", "wso2carbon");
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + reference.resolve("apimgt/h2.sql") + "'");
            s.execute("RUNSCRIPT FROM '" + reference.resolve("h2.sql") + "'");
            seed(c);
        }
        return new DatasourceSpec(
                "apim_db", "jdbc:h2:" + db, "jdbc:h2:" + db, "wso2carbon", "wso2carbon", Optional.empty(), TOML);
    }

    /** The same rows on every product: a NULL scope binding, a scope clashing with an OIDC one, a tenant, ... */
    private static void seed(Connection c) throws SQLException {
        try (c;
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO AM_SYSTEM_APPS (NAME, CONSUMER_KEY, CONSUMER_SECRET) VALUES ('apim_admin', 'ck', 'cs')");
            s.execute(
                    "INSERT INTO IDN_OAUTH2_SCOPE (SCOPE_ID, NAME, DISPLAY_NAME, TENANT_ID) VALUES (1, 'openid', 'openid', -1)");
            s.execute("INSERT INTO IDN_OIDC_SCOPE (NAME, TENANT_ID) VALUES ('openid', -1)");
            s.execute("INSERT INTO IDN_OAUTH2_SCOPE_BINDING (SCOPE_ID, SCOPE_BINDING) VALUES (1, NULL)");
            s.execute("INSERT INTO REG_LOG (REG_PATH, REG_USER_ID, REG_LOGGED_TIME, REG_ACTION, REG_TENANT_ID)"
                    + " VALUES ('/a', 'admin', CURRENT_TIMESTAMP, 1, 0)");
            s.execute("INSERT INTO REG_TAG (REG_ID, REG_TAG_NAME, REG_USER_ID, REG_TAGGED_TIME, REG_TENANT_ID)"
                    + " VALUES (1, 'pizza', 'admin', CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO REG_RESOURCE_TAG (REG_TAG_ID, REG_VERSION, REG_TENANT_ID) VALUES (1, 7, 0)");
            s.execute("CREATE TABLE APILASTACCESSSUMMARY (APINAME VARCHAR(254) NOT NULL, APIVERSION VARCHAR(254),"
                    + " APICREATOR VARCHAR(254) NOT NULL, APICREATORTENANTDOMAIN VARCHAR(254) NOT NULL,"
                    + " PRIMARY KEY (APINAME, APICREATOR, APICREATORTENANTDOMAIN))");
            s.execute("INSERT INTO APILASTACCESSSUMMARY VALUES ('PizzaAPI', '1.0.0', 'admin', 'carbon.super')");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO UM_TENANT (UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE,"
                    + " UM_CREATED_DATE, UM_USER_CONFIG) VALUES ('wso2.com', 'admin@wso2.com', ?, ?, ?)")) {
                p.setBoolean(1, true);
                p.setTimestamp(2, Timestamp.valueOf("2020-01-02 03:04:05"));
                p.setBytes(3, new byte[] {0});
                p.executeUpdate();
            }
        }
    }

    private static DatasourceSpec spec(ScratchDatabase db) {
        return new DatasourceSpec(
                "apim_db", db.multiStatementUrl(), db.multiStatementUrl(), db.user(), "", Optional.empty(), TOML);
    }
}
