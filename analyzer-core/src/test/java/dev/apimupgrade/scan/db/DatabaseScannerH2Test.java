package dev.apimupgrade.scan.db;

import static dev.apimupgrade.scan.db.TestDatabases.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.DatabaseScan;
import dev.apimupgrade.fact.DbCollation;
import dev.apimupgrade.fact.DbConstraint;
import dev.apimupgrade.fact.DbProduct;
import dev.apimupgrade.fact.DbTable;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseScannerH2Test {
    static final String PASSWORD = "S3cr3t-Pw!9";

    @TempDir
    Path home;

    /** An old home whose apim_db is an H2 1.4.199 file holding the fixture, configured as WSO2 ships it. */
    private Path h2Home(String tomlPassword) throws Exception {
        Path db = home.resolve("repository/database/WSO2AM_DB");
        Files.createDirectories(db.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db, "wso2carbon", PASSWORD)) {
            TestDatabases.loadFixture(c);
        }
        Files.writeString(
                home.resolve("repository/conf/deployment.toml").toAbsolutePath(), """
                [server]
                hostname = "localhost"

                [database.apim_db]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=FALSE;MVCC=TRUE"
                username = "wso2carbon"
                password = "%s"
                """.formatted(tomlPassword));
        return H2Url.mvFile(db);
    }

    private List<Observation> scan(Map<String, String> env) throws Exception {
        return new DatabaseScanner().forOldHome(Map.of(), env).scan(new Installation(home, Optional.empty()));
    }

    /** This JVM's H2 copies only: other builds on the machine make and remove their own meanwhile. */
    private static List<String> temporaryCopies() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(ReadOnlyConnection.COPY_PREFIX
                            + ProcessHandle.current().pid() + "-"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void scanningReadsACopySoTheOriginalH2FileStaysByteIdenticalNoLockFileAppearsAndTheCopyIsRemoved()
            throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        Path mv = h2Home(PASSWORD);
        byte[] before = Files.readAllBytes(mv);
        var modified = Files.getLastModifiedTime(mv);

        List<String> copiesBefore = temporaryCopies();
        // what making the fixture left beside the file (H2 may write a trace file of its own while it is loaded)
        List<String> folderBefore = folder(mv.getParent());

        List<Observation> facts = scan(Map.of());

        assertThat(ofType(facts, DatabaseScan.class))
                .singleElement()
                .satisfies(s -> assertThat(s.scanned()).isTrue());
        assertThat(temporaryCopies()).as("temporary H2 copies left behind").isEqualTo(copiesBefore);
        assertThat(Files.readAllBytes(mv)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(mv)).isEqualTo(modified);
        assertThat(folderBefore).contains("WSO2AM_DB.mv.db").doesNotContain("WSO2AM_DB.lock.db");
        assertThat(folder(mv.getParent()))
                .as("files the scan left beside the original")
                .isEqualTo(folderBefore);
    }

    private static List<String> folder(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theH2FixtureYieldsTheSeededCountsTheSystemAppsConstraintAndTheMissing310Tables() throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        h2Home(PASSWORD);

        List<Observation> facts = scan(Map.of());

        assertThat(ofType(facts, DbProduct.class))
                .singleElement()
                .satisfies(p -> assertThat(p.product() + " " + p.version() + " " + p.untested())
                        .startsWith("H2 1.4.199"));
        assertThat(ofType(facts, DbConstraint.class)).anySatisfy(c -> {
            assertThat(c.table()).isEqualTo("AM_SYSTEM_APPS");
            assertThat(c.kind()).isEqualTo(DbConstraint.UNIQUE);
            assertThat(c.columns()).containsExactly("NAME");
            assertThat(c.name()).startsWith("CONSTRAINT_");
        });
        assertThat(ofType(facts, DbTable.class))
                .filteredOn(t -> !t.present())
                .extracting(DbTable::table)
                .containsExactlyInAnyOrder("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING");
        assertThat(FixtureCounts.of(facts)).containsExactlyInAnyOrderEntriesOf(FixtureCounts.EXPECTED);
        assertThat(ofType(facts, DbCollation.class))
                .singleElement()
                .satisfies(c -> assertThat(c.caseSensitive()).isTrue());
    }

    @Test
    void thePlainJdbcMetadataPathUsedForOracleSqlServerAndDb2FindsTheSameFactsOnH2() throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        Path mv = h2Home(PASSWORD);
        String db = mv.toString().substring(0, mv.toString().length() - ".mv.db".length());
        List<Observation> facts = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + db, "wso2carbon", PASSWORD)) {
            Catalog catalog =
                    new CatalogReader("apim_db", facts).readJdbc(c.getMetaData(), c.getCatalog(), c.getSchema());
            new RowCounter(org.jooq.impl.DSL.using(c, org.jooq.SQLDialect.DEFAULT), catalog, "apim_db", facts)
                    .countAll();
        }

        assertThat(FixtureCounts.of(facts)).containsExactlyInAnyOrderEntriesOf(FixtureCounts.EXPECTED);
        assertThat(ofType(facts, DbConstraint.class))
                .filteredOn(c -> c.table().equals("AM_SYSTEM_APPS"))
                .extracting(c -> c.kind() + " " + c.columnList())
                .containsExactlyInAnyOrder("PRIMARY KEY ID", "UNIQUE NAME", "UNIQUE CONSUMER_KEY");
    }

    @Test
    void passwordsNeverAppearInFactsNorInTheSpecsPrintedForm() throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        h2Home(PASSWORD);
        Installation inst = new Installation(home, Optional.empty());
        DatasourceSpecs specs = DatasourceSpecs.read(inst, Map.of(), Map.of());

        List<Observation> facts = new DatabaseScanner().scan(specs);

        assertThat(facts).hasSizeGreaterThan(20);
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.toString()).doesNotContain(PASSWORD);
            assertThat(f.observed()).doesNotContain(PASSWORD);
        });
        assertThat(specs.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aSecretReferencePasswordLeavesTheDatabaseUnreadUntilTheEnvironmentSuppliesIt() throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        h2Home("$secret{apim_db_password}");

        DatabaseScan unread = ofType(scan(Map.of()), DatabaseScan.class).get(0);
        DatabaseScan read = ofType(scan(Map.of("APIM_UPGRADE_DB_PASSWORD_APIM_DB", PASSWORD)), DatabaseScan.class)
                .get(0);

        assertThat(unread.scanned()).isFalse();
        assertThat(unread.reason())
                .contains("$secret{apim_db_password}", "APIM_UPGRADE_DB_PASSWORD_APIM_DB")
                .contains("repository/database/WSO2AM_DB");
        assertThat(read.scanned()).isTrue();
    }

    @Test
    void aMissingH2FileIsReportedAsNotReadAndAWrongPasswordAsAnAuthenticationFailureWithoutThePassword()
            throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        h2Home("wrong-" + PASSWORD);
        DatabaseScan wrong = ofType(scan(Map.of()), DatabaseScan.class).get(0);
        Files.delete(home.resolve("repository/database/WSO2AM_DB.mv.db"));
        DatabaseScan missing = ofType(scan(Map.of()), DatabaseScan.class).get(0);

        assertThat(wrong.scanned()).isFalse();
        assertThat(wrong.reason()).contains("authentication failed").doesNotContain(PASSWORD);
        assertThat(missing.scanned()).isFalse();
        assertThat(missing.reason()).isEqualTo("./repository/database/WSO2AM_DB: H2 file WSO2AM_DB.mv.db not found");
    }
}
