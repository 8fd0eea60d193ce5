package dev.apimupgrade.scan.db;

import static dev.apimupgrade.scan.db.TestDatabases.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbAccount;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.DbPrivilege;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.RowCount;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseScannerPostgresTest {
    private static final List<String> FIXTURE_TABLES = List.of(
            "am_system_apps",
            "idn_oauth2_scope",
            "idn_oidc_scope",
            "idn_oauth2_scope_binding",
            "idn_oauth2_access_token",
            "reg_resource",
            "reg_tag",
            "reg_resource_tag",
            "reg_log",
            "um_tenant",
            "apilastaccesssummary");

    private static List<Observation> scan(DatasourceSpec spec) {
        return new DatabaseScanner().scan(new DatasourceSpecs(List.of(spec)));
    }

    /** Row count and an md5 of every row, per fixture table: equal before and after proves nothing was written. */
    private static Map<String, String> checksums(TestDatabases.Created db) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String t : FIXTURE_TABLES) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM " + t + " t")) {
                    rs.next();
                    out.put(t, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void thePostgresFixtureYieldsTheSeededCountsAndTheRealConstraintNameAndChangesNothing() throws Exception {
        try (TestDatabases.Created db = TestDatabases.postgres()) {
            try (Connection c = db.connect()) {
                TestDatabases.loadFixture(c);
            }
            Map<String, String> before = checksums(db);

            List<Observation> facts = scan(db.spec("apim_db", db.user()));

            assertThat(checksums(db)).isEqualTo(before);
            assertThat(ofType(facts, DatabaseScan.class)).singleElement().satisfies(s -> {
                assertThat(s.scanned()).as(s.reason()).isTrue();
                assertThat(s.product()).startsWith("PostgreSQL");
            });
            assertThat(ofType(facts, DbProduct.class).get(0).dialect()).isEqualTo("POSTGRES");
            assertThat(FixtureCounts.of(facts)).containsExactlyInAnyOrderEntriesOf(FixtureCounts.EXPECTED);
            assertThat(ofType(facts, DbConstraint.class)).anySatisfy(c -> {
                assertThat(c.table() + " " + c.kind() + " " + c.columnList()).isEqualTo("AM_SYSTEM_APPS UNIQUE NAME");
                assertThat(c.name()).isEqualTo("am_system_apps_name_key");
            });
            assertThat(ofType(facts, DbPrivilege.class))
                    .singleElement()
                    .isEqualTo(DbPrivilege.superuser(
                            "apim_db", true, dev.apimupgrade.fact.SourceRef.db("apim_db", "pg_roles.rolsuper")));
        }
    }

    /**
     * A URL whose second option reaches the driver only when "&amp;amp;" is decoded as the server decodes it: the AM
     * tables live in schema apim, which currentSchema selects; undecoded, the option is "amp;currentSchema" and the
     * scan would read the empty public schema.
     */
    @Test
    void anEscapedAmpersandInTheTomlUrlIsDecodedBeforeConnectingSoTheSecondOptionTakesEffect(@TempDir Path home)
            throws Exception {
        try (TestDatabases.Created db = TestDatabases.postgres()) {
            db.run("CREATE SCHEMA apim");
            db.run("CREATE TABLE apim.am_system_apps (id INTEGER, name VARCHAR(50) UNIQUE)");
            Files.createDirectories(home.resolve("repository/conf"));
            Files.writeString(
                    home.resolve(DatasourceSpecs.TOML),
                    "[database.apim_db]\ntype = \"postgre\"\n"
                            + "url = \"" + db.url() + "?ApplicationName=apimupgrade&amp;currentSchema=apim\"\n"
                            + "username = \"" + db.user() + "\"\npassword = \"\"\n");

            List<Observation> facts = new DatabaseScanner()
                    .scan(DatasourceSpecs.read(new Installation(home, Optional.empty()), Map.of(), Map.of()));

            assertThat(ofType(facts, DbTable.class))
                    .filteredOn(t -> t.table().equals("AM_SYSTEM_APPS"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.present()).isTrue());
        }
    }

    @Test
    void aPostgresUserWithoutSuperuserIsObservedAsSuchForPrePgSuperuser() throws Exception {
        try (TestDatabases.Created db = TestDatabases.postgres()) {
            String role = db.name() + "_u";
            db.run("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
            try {
                List<Observation> facts = scan(db.spec("apim_db", role));

                assertThat(ofType(facts, DbPrivilege.class))
                        .extracting(DbPrivilege::granted)
                        .containsExactly(false);
                // the step that grants the role names it, and the server it is a role of (loopback here)
                assertThat(ofType(facts, DbAccount.class)).singleElement().satisfies(a -> {
                    assertThat(a.user()).isEqualTo(role);
                    assertThat(a.server()).isEqualTo("127.0.0.1:5432");
                });
            } finally {
                db.run("DROP OWNED BY " + role);
                db.run("DROP ROLE " + role);
            }
        }
    }

    @Test
    void theRealApim300PostgresSchemasAreReadWithTheirSystemAppsConstraintAndNo310Objects() throws Exception {
        String apimgt = TestDatabases.referenceScript("apimgt/postgresql.sql");
        String kernel = TestDatabases.referenceScript("postgresql.sql");
        try (TestDatabases.Created db = TestDatabases.postgres()) {
            db.run(apimgt);
            db.run(kernel);

            List<Observation> facts = scan(db.spec("apim_db", db.user()));

            assertThat(ofType(facts, DbConstraint.class))
                    .filteredOn(c -> c.table().equals("AM_SYSTEM_APPS"))
                    .extracting(c -> c.kind() + " " + c.name() + " (" + c.columnList() + ")")
                    .contains(
                            "UNIQUE am_system_apps_name_key (NAME)",
                            "UNIQUE am_system_apps_consumer_key_key (CONSUMER_KEY)");
            assertThat(ofType(facts, DbTable.class))
                    .filteredOn(t -> !t.present())
                    .extracting(DbTable::table)
                    .containsExactlyInAnyOrder("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING");
            assertThat(ofType(facts, DbTable.class))
                    .filteredOn(DbTable::present)
                    .extracting(DbTable::table)
                    .contains("IDN_OIDC_SCOPE", "REG_LOG", "UM_TENANT", "REG_RESOURCE_PROPERTY");
            assertThat(FixtureCounts.of(facts))
                    .containsEntry("REG_LOG " + RowCount.ROWS, 0L)
                    .containsEntry("IDN_OAUTH2_SCOPE_BINDING " + RowCount.SCOPE_BINDING_NULL_OR_EMPTY, 0L)
                    .containsEntry("REG_RESOURCE_PROPERTY " + RowCount.CLEANUP_DELETES, 0L);
        }
    }

    @Test
    void anUnreachableServerIsNotReadAndItsReasonNamesHostAndDatabaseButNoCredentials() {
        String url = "jdbc:postgresql://127.0.0.1:1/WSO2AM_DB?user=dbadmin&password=hunter2";
        DatasourceSpec spec = new DatasourceSpec(
                "apim_db",
                url,
                url,
                "dbadmin",
                "hunter2",
                Optional.empty(),
                dev.apimupgrade.fact.SourceRef.line(dev.apimupgrade.fact.Role.OLD, DatasourceSpecs.TOML, 9));

        DatabaseScan scan = ofType(scan(spec), DatabaseScan.class).get(0);

        assertThat(scan.scanned()).isFalse();
        assertThat(scan.reason())
                .startsWith("127.0.0.1:1/WSO2AM_DB: unreachable (")
                .doesNotContain("hunter2")
                .doesNotContain("dbadmin");
    }
}
