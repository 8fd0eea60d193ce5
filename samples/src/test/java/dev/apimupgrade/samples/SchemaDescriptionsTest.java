package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The samples' schema descriptions are WSO2's schemas: each shipped description is exactly what WSO2's H2 script of
 * that database and version makes of an H2 1.4.199 database (read from the reference folder at apim.reference.dir,
 * never copied; absent, those tests skip, under CI=true they fail), the statements it renders create exactly what it
 * describes, and every sample database holds the complete described schema. Rewrite a description with
 * -Dsample.schema.update=true after the reference scripts changed.
 */
class SchemaDescriptionsTest {
    static final String APIMGT = "WSO2AM_DB (the apimgt script: the AM_ tables and the identity tables\n"
            + "# IDN_, SP_, IDP, CM_, FIDO, WF_ it also creates)";
    static final String KERNEL = "WSO2SHARED_DB, WSO2USER_DB and WSO2CARBON_DB (the carbon-kernel\n"
            + "# script: the REG_ registry and UM_ user-management tables)";

    /** One description: its resource and the WSO2 script it is derived from. */
    enum Described {
        APIMGT_300("apimgt-3.0.0", "apim-3.0.0/dbscripts/apimgt/h2.sql", APIMGT),
        KERNEL_300("kernel-3.0.0", "apim-3.0.0/dbscripts/h2.sql", KERNEL),
        APIMGT_310("apimgt-3.1.0", "apim-3.1.0/dbscripts/apimgt/h2.sql", APIMGT),
        KERNEL_310("kernel-3.1.0", "apim-3.1.0/dbscripts/h2.sql", KERNEL);

        final String name;
        final String script;
        final String databases;

        Described(String name, String script, String databases) {
            this.name = name;
            this.script = script;
            this.databases = databases;
        }

        String resource() {
            return H2Databases.SCHEMA + name + ".txt";
        }

        String version() {
            return name.substring(name.indexOf('-') + 1);
        }

        String header() {
            return "# The complete schema of " + databases + " of a WSO2 API Manager " + version() + " pack\n"
                    + "# and the rows its script inserts, from which the samples create their H2 databases\n"
                    + "# (SchemaDescription).\n"
                    + "# Derived from WSO2's " + script + " loaded on H2 1.4.199 and read back from\n"
                    + "# INFORMATION_SCHEMA (H2SchemaReader): generated names are left out. SchemaDescriptionsTest checks it\n"
                    + "# against that script and rewrites it with -Dsample.schema.update=true. Format: SchemaDescription.\n";
        }
    }

    @TempDir
    Path tmp;

    private static Connection memory(String name) throws Exception {
        return DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=0", "sa", "");
    }

    @ParameterizedTest
    @EnumSource(Described.class)
    void theShippedDescriptionIsWhatWso2sH2ScriptMakesOfADatabase(Described d) throws Exception {
        Path script = ReferenceFiles.require(d.script);
        String derived;
        try (Connection c = memory("wso2-" + d.name);
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            derived = H2SchemaReader.describe(c, d.header(), true);
        }
        Path resource = Path.of("src/main/resources/dev/apimupgrade/samples").resolve(d.resource());
        if (Boolean.getBoolean("sample.schema.update")) {
            Files.createDirectories(resource.getParent());
            Files.writeString(resource, derived, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(resource, StandardCharsets.UTF_8))
                .as(resource + " (rewrite it with -Dsample.schema.update=true if " + d.script + " changed)")
                .isEqualTo(derived);
        assertThat(derived).contains("\nTABLE ");
    }

    @ParameterizedTest
    @EnumSource(Described.class)
    void theStatementsADescriptionRendersToCreateExactlyWhatItDescribes(Described d) throws Exception {
        String shipped = Template.text(d.resource());
        String created;
        try (Connection c = memory("rendered-" + d.name);
                Statement s = c.createStatement()) {
            for (String sql : SchemaDescription.of(d.resource()).statements()) {
                s.execute(sql);
            }
            created = H2SchemaReader.describe(c, d.header(), true);
        }

        assertThat(created).isEqualTo(shipped);
    }

    @Test
    void the300AmDescriptionHoldsAll46AmTablesOfTheScriptAndItsStockRowsAndThe310OneAll49() {
        SchemaDescription am = SchemaDescription.of(Described.APIMGT_300.resource());

        assertThat(am.tables().stream().filter(t -> t.startsWith("AM_")))
                .hasSize(46)
                .contains("AM_ALERT_EMAILLIST", "AM_CERTIFICATE_METADATA", "AM_SYSTEM_APPS")
                .doesNotContain("AM_API_CATEGORIES", "AM_USER", "AM_SECURITY_AUDIT_UUID_MAPPING");
        assertThat(am.tables()).contains("IDN_OIDC_SCOPE", "IDN_OAUTH2_SCOPE_BINDING", "SP_APP", "IDP");
        assertThat(am.statements())
                .filteredOn(s -> s.startsWith("INSERT INTO AM_ALERT_TYPES "))
                .hasSize(7);
        assertThat(SchemaDescription.of(Described.APIMGT_310.resource()).tables().stream()
                        .filter(t -> t.startsWith("AM_")))
                .hasSize(49);
    }

    @Test
    void aDescriptionLineOutsideATableIsABuildErrorNamingTheResourceAndLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SchemaDescription.parse("schema/x.txt", "# note\n  COLUMN A INTEGER\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema/x.txt:2");
        assertThat(SchemaDescription.parse(
                                "t",
                                "TABLE T\n  COLUMN A INTEGER NOT NULL\n  PRIMARY KEY (A)\n"
                                        + "  INDEX IDX_A (A)\n  ROW (1)\n")
                        .statements())
                .containsExactly(
                        "CREATE TABLE T (\n    A INTEGER NOT NULL,\n    PRIMARY KEY (A)\n)",
                        "CREATE INDEX IDX_A ON T (A)",
                        "INSERT INTO T (A) VALUES (1)");
    }

    /** Which description each database of a generated sample was created from. */
    record SampleDatabase(String sample, String database, String password, Described schema) {}

    static List<SampleDatabase> sampleDatabases() {
        List<SampleDatabase> out = new java.util.ArrayList<>();
        for (String sample : List.of(Samples.DEFAULT, Samples.CUSTOM)) {
            String prefix = sample.equals(Samples.DEFAULT) ? "default." : "custom.";
            out.add(new SampleDatabase(
                    sample, "WSO2AM_DB", Samples.plantedSecret(prefix + "apim_db.password"), Described.APIMGT_300));
            out.add(new SampleDatabase(
                    sample,
                    "WSO2SHARED_DB",
                    Samples.plantedSecret(prefix + "shared_db.password"),
                    Described.KERNEL_300));
            out.add(new SampleDatabase(sample, "WSO2CARBON_DB", Keystores.DEFAULT_PASSWORD, Described.KERNEL_300));
        }
        out.add(new SampleDatabase(
                Samples.CUSTOM, "WSO2USER_DB", Samples.plantedSecret("custom.user_db.password"), Described.KERNEL_300));
        out.add(new SampleDatabase(
                Samples.TARGET, "WSO2AM_DB", Samples.plantedSecret("target.apim_db.password"), Described.APIMGT_310));
        out.add(new SampleDatabase(
                Samples.TARGET,
                "WSO2SHARED_DB",
                Samples.plantedSecret("target.shared_db.password"),
                Described.KERNEL_310));
        out.add(new SampleDatabase(Samples.TARGET, "WSO2CARBON_DB", Keystores.DEFAULT_PASSWORD, Described.KERNEL_310));
        return out;
    }

    @Test
    void everySampleDatabaseHoldsTheCompleteSchemaOfItsVersion() throws Exception {
        for (SampleDatabase db : sampleDatabases()) {
            Path copy = Files.createDirectories(tmp.resolve(db.sample())).resolve(db.database() + ".mv.db");
            Files.copy(
                    Samples.home(db.sample()).resolve(H2Databases.DATABASE_DIR).resolve(db.database() + ".mv.db"),
                    copy);
            String described = Template.text(db.schema().resource())
                    .lines()
                    .filter(l -> !l.startsWith("  ROW "))
                    .collect(Collectors.joining("\n", "", "\n"));
            String url = "jdbc:h2:file:" + copy.toString().replaceAll("\\.mv\\.db$", "") + ";IFEXISTS=TRUE";
            try (Connection c = DriverManager.getConnection(url, H2Databases.USER, db.password())) {
                assertThat(H2SchemaReader.describe(c, db.schema().header(), false))
                        .as(db.toString())
                        .isEqualTo(described);
            }
        }
    }
}
