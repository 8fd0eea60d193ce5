package dev.apimupgrade.scan.db;

import static dev.apimupgrade.scan.db.TestDatabases.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbCollation;
import dev.apimupgrade.fact.DbColumnCharset;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.DbIndexLimit;
import dev.apimupgrade.fact.DbPrivilege;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.MysqlGrant;
import dev.apimupgrade.fact.Observation;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatabaseScannerMariaDbTest {
    private static List<Observation> scan(DatasourceSpec spec) {
        return new DatabaseScanner().scan(new DatasourceSpecs(List.of(spec)));
    }

    /** CHECKSUM TABLE of every fixture table: equal before and after proves the scan wrote nothing. */
    private static String checksums(TestDatabases.Created db) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs =
                        s.executeQuery("CHECKSUM TABLE AM_SYSTEM_APPS, IDN_OAUTH2_SCOPE, IDN_OIDC_SCOPE,"
                                + " IDN_OAUTH2_SCOPE_BINDING, IDN_OAUTH2_ACCESS_TOKEN, REG_RESOURCE, REG_TAG, REG_RESOURCE_TAG,"
                                + " REG_LOG, UM_TENANT, APILASTACCESSSUMMARY")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('=').append(rs.getLong(2)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void theMariaDbFixtureYieldsTheSeededCountsGrantsAndACaseInsensitiveCollationAndChangesNothing() throws Exception {
        try (TestDatabases.Created db = TestDatabases.mariadb("CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")) {
            try (Connection c = db.connect()) {
                TestDatabases.loadFixture(c);
            }
            String before = checksums(db);

            List<Observation> facts = scan(db.spec("apim_db", db.user()));

            assertThat(checksums(db)).isEqualTo(before);
            assertThat(ofType(facts, DatabaseScan.class))
                    .singleElement()
                    .satisfies(s -> assertThat(s.scanned()).as(s.reason()).isTrue());
            assertThat(FixtureCounts.of(facts)).containsExactlyInAnyOrderEntriesOf(FixtureCounts.EXPECTED);
            assertThat(ofType(facts, DbConstraint.class))
                    .anySatisfy(c -> assertThat(c.table() + " " + c.kind() + " " + c.name() + " " + c.columnList())
                            .isEqualTo("AM_SYSTEM_APPS UNIQUE NAME NAME"));
            assertThat(ofType(facts, DbPrivilege.class))
                    .extracting(DbPrivilege::privilege)
                    .contains("GRANT ALL PRIVILEGES ON *.*")
                    .allSatisfy(p -> assertThat(p).doesNotContain("root"));
            assertThat(ofType(facts, DbPrivilege.class))
                    .filteredOn(p -> p.privilege().equals("GRANT ALL PRIVILEGES ON *.*"))
                    .singleElement()
                    .satisfies(
                            p -> assertThat(p.grant()).contains(new MysqlGrant(Set.of(MysqlGrant.ALL), "*", "*", "")));
            assertThat(ofType(facts, DbCollation.class)).singleElement().satisfies(c -> {
                assertThat(c.collation()).isEqualTo("utf8mb4_general_ci");
                assertThat(c.caseSensitive()).isFalse();
            });
        }
    }

    @Test
    void aJdbcMysqlUrlAsWso2ConfiguresItIsReadThroughTheBundledDriver() throws Exception {
        try (TestDatabases.Created db = TestDatabases.mariadb("CHARACTER SET latin1")) {
            try (Connection c = db.connect()) {
                TestDatabases.loadFixture(c);
            }
            String mysqlUrl = db.url().replace("jdbc:mariadb:", "jdbc:mysql:");
            DatasourceSpec spec = new DatasourceSpec(
                    "apim_db",
                    mysqlUrl,
                    mysqlUrl,
                    db.user(),
                    "",
                    java.util.Optional.empty(),
                    db.spec("apim_db", db.user()).source());

            List<Observation> facts = scan(spec);

            assertThat(ofType(facts, DatabaseScan.class))
                    .singleElement()
                    .satisfies(s -> assertThat(s.scanned()).as(s.reason()).isTrue());
            assertThat(FixtureCounts.of(facts)).containsExactlyInAnyOrderEntriesOf(FixtureCounts.EXPECTED);
        }
    }

    private static final String SUMMARY_300 = "CREATE TABLE APILASTACCESSSUMMARY (APICONTEXT VARCHAR(254),"
            + " APINAME VARCHAR(254) NOT NULL, APIVERSION VARCHAR(254), APICREATOR VARCHAR(254) NOT NULL,"
            + " APICREATORTENANTDOMAIN VARCHAR(254) NOT NULL, APPLICATIONOWNER VARCHAR(254), LASTACCESSTIME BIGINT,"
            + " PRIMARY KEY (APINAME, APICREATOR, APICREATORTENANTDOMAIN))";

    @Test
    void anaPkKeyLengthFactsAreEachNewKeyColumnsCharacterSetAndTheTablesIndexLimitsOnAUtf8mb4Database()
            throws Exception {
        try (TestDatabases.Created db = TestDatabases.mariadb("CHARACTER SET utf8mb4")) {
            db.run(SUMMARY_300);

            List<Observation> facts = scan(db.spec("APIM_ANALYTICS_DB", db.user()));

            assertThat(ofType(facts, DbColumnCharset.class))
                    .extracting(DbColumnCharset::observed)
                    .containsExactly(
                            "APILASTACCESSSUMMARY.APINAME VARCHAR(254) CHARACTER SET utf8mb4 (up to 4 bytes a character): 1016 bytes in an index key",
                            "APILASTACCESSSUMMARY.APICREATOR VARCHAR(254) CHARACTER SET utf8mb4 (up to 4 bytes a character):"
                                    + " 1016 bytes in an index key",
                            "APILASTACCESSSUMMARY.APIVERSION VARCHAR(254) CHARACTER SET utf8mb4 (up to 4 bytes a character):"
                                    + " 1016 bytes in an index key",
                            "APILASTACCESSSUMMARY.APICREATORTENANTDOMAIN VARCHAR(254) CHARACTER SET utf8mb4 (up to 4 bytes a"
                                    + " character): 1016 bytes in an index key");
            assertThat(ofType(facts, DbColumnCharset.class))
                    .extracting(DbColumnCharset::nullable)
                    .containsExactly(false, false, true, false);
            assertThat(ofType(facts, DbIndexLimit.class)).singleElement().satisfies(l -> {
                assertThat(l.engine()).isEqualTo("InnoDB");
                assertThat(l.rowFormat()).isEqualTo("Dynamic");
                assertThat(l.keyBytes()).isEqualTo(3072);
                assertThat(l.columnBytes()).isEqualTo(3072);
            });
        }
    }

    @Test
    void anaPkKeyLengthACompactTableAllowsAKeyColumn767Bytes() throws Exception {
        try (TestDatabases.Created db = TestDatabases.mariadb("CHARACTER SET latin1")) {
            db.run(SUMMARY_300 + " ROW_FORMAT=COMPACT");

            List<Observation> facts = scan(db.spec("APIM_ANALYTICS_DB", db.user()));

            assertThat(ofType(facts, DbColumnCharset.class))
                    .extracting(DbColumnCharset::indexBytes)
                    .containsExactly(254L, 254L, 254L, 254L);
            assertThat(ofType(facts, DbIndexLimit.class))
                    .singleElement()
                    .satisfies(l -> assertThat(l.observed())
                            .isEqualTo("APILASTACCESSSUMMARY InnoDB row format Compact:"
                                    + " an index key column up to 767 bytes, a key up to 3072 bytes"));
        }
    }

    @Test
    void aBinaryCollationIsObservedAsCaseSensitive() throws Exception {
        try (TestDatabases.Created db = TestDatabases.mariadb("CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")) {
            List<Observation> facts = scan(db.spec("analytics", db.user()));

            assertThat(ofType(facts, DbCollation.class))
                    .extracting(DbCollation::caseSensitive)
                    .containsExactly(true);
        }
    }

    @Test
    void theRealApim300MysqlSchemasAreReadWithTheSystemAppsIndexNamedName() throws Exception {
        String apimgt = TestDatabases.referenceScript("apimgt/mysql.sql");
        String kernel = TestDatabases.referenceScript("mysql.sql");
        try (TestDatabases.Created db = TestDatabases.mariadb("CHARACTER SET latin1")) {
            db.run(apimgt);
            db.run(kernel);

            List<Observation> facts = scan(db.spec("apim_db", db.user()));

            assertThat(ofType(facts, DbConstraint.class))
                    .filteredOn(c -> c.table().equals("AM_SYSTEM_APPS"))
                    .extracting(c -> c.kind() + " " + c.name() + " (" + c.columnList() + ")")
                    .contains("UNIQUE NAME (NAME)", "UNIQUE CONSUMER_KEY (CONSUMER_KEY)");
            assertThat(ofType(facts, DbTable.class))
                    .filteredOn(DbTable::present)
                    .extracting(DbTable::table)
                    .contains("AM_SYSTEM_APPS", "IDN_OAUTH2_SCOPE_BINDING", "REG_LOG", "UM_TENANT");
        }
    }
}
