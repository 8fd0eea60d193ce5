package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 databases open read-only with H2 1.4.199 and hold the seeded rows; the keystores open with their passwords. */
class GeneratedBinariesTest {
    @TempDir
    Path copies;

    /** Opens a copy of a sample's database read-only, as the tool must (never the sample's own file). */
    private Connection open(String sample, String database, String password) throws Exception {
        Path source = Samples.home(sample).resolve("repository/database/" + database + ".mv.db");
        Path dir = Files.createDirectories(copies.resolve(sample));
        Files.copy(source, dir.resolve(database + ".mv.db"));
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve(database) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE",
                H2Databases.USER,
                password);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theDefaultSampleDatabasesHoldTheSeededRowsAndNoVersionedRegistryRows() throws Exception {
        try (Connection am = open(Samples.DEFAULT, "WSO2AM_DB", Samples.plantedSecret("default.apim_db.password"))) {
            assertThat(count(am, "SELECT COUNT(*) FROM AM_SYSTEM_APPS")).isEqualTo(2);
            assertThat(count(am, "SELECT COUNT(*) FROM AM_API")).isEqualTo(1);
            assertThat(count(am, "SELECT COUNT(*) FROM IDN_OIDC_SCOPE")).isEqualTo(5);
            assertThat(count(
                            am,
                            "SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING"
                                    + " WHERE SCOPE_BINDING IS NULL OR SCOPE_BINDING = ''"))
                    .isZero();
            assertThat(count(
                            am,
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE TABLE_NAME = 'AM_SYSTEM_APPS'"
                                    + " AND CONSTRAINT_TYPE = 'UNIQUE' AND COLUMN_LIST = 'NAME'"))
                    .isEqualTo(1);
        }
        try (Connection shared =
                open(Samples.DEFAULT, "WSO2SHARED_DB", Samples.plantedSecret("default.shared_db.password"))) {
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_TAG WHERE REG_PATH_ID IS NULL"))
                    .isZero();
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_TAG")).isEqualTo(2);
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_LOG WHERE REG_ACTION = 7"))
                    .isEqualTo(1);
            assertThat(count(shared, "SELECT COUNT(*) FROM UM_TENANT")).isZero();
            assertThat(count(shared, "SELECT COUNT(*) FROM UM_USER")).isEqualTo(1);
        }
    }

    @Test
    void theCustomSampleDatabasesHoldVersionedRowsEmptyScopeBindingsAndTwoTenants() throws Exception {
        try (Connection am = open(Samples.CUSTOM, "WSO2AM_DB", Samples.plantedSecret("custom.apim_db.password"))) {
            assertThat(count(am, "SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING IS NULL"))
                    .isEqualTo(2);
            assertThat(count(am, "SELECT COUNT(*) FROM IDN_OAUTH2_SCOPE_BINDING WHERE SCOPE_BINDING = ''"))
                    .isEqualTo(1);
            assertThat(count(am, "SELECT COUNT(*) FROM AM_API")).isEqualTo(4);
        }
        try (Connection shared =
                open(Samples.CUSTOM, "WSO2SHARED_DB", Samples.plantedSecret("custom.shared_db.password"))) {
            assertThat(count(
                            shared,
                            "SELECT COUNT(*) FROM REG_RESOURCE_TAG"
                                    + " WHERE REG_PATH_ID IS NULL AND REG_RESOURCE_NAME IS NULL"
                                    + " AND REG_VERSION IS NOT NULL"))
                    .isEqualTo(8);
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_PROPERTY WHERE REG_PATH_ID IS NULL"))
                    .isEqualTo(7);
            assertThat(count(shared, "SELECT COUNT(*) FROM REG_RESOURCE_HISTORY"))
                    .isEqualTo(3);
            assertThat(count(shared, "SELECT COUNT(DISTINCT REG_VERSION) FROM REG_RESOURCE"))
                    .isEqualTo(4);
        }
        try (Connection user = open(Samples.CUSTOM, "WSO2USER_DB", Samples.plantedSecret("custom.user_db.password"))) {
            assertThat(count(user, "SELECT COUNT(*) FROM UM_TENANT")).isEqualTo(2);
            assertThat(count(user, "SELECT COUNT(*) FROM UM_USER")).isEqualTo(3);
        }
    }

    @Test
    void theTargetDatabasesHaveThe310SchemaWithoutData() throws Exception {
        try (Connection am = open(Samples.TARGET, "WSO2AM_DB", Samples.plantedSecret("target.apim_db.password"))) {
            assertThat(count(am, "SELECT COUNT(*) FROM AM_API_CATEGORIES")).isZero();
            assertThat(count(am, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'IDN_OIDC_SCOPE'"))
                    .isZero();
            assertThat(count(
                            am,
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE TABLE_NAME = 'AM_SYSTEM_APPS'"
                                    + " AND CONSTRAINT_TYPE = 'UNIQUE' AND COLUMN_LIST = 'NAME'"))
                    .isZero();
        }
        try (Connection shared =
                open(Samples.TARGET, "WSO2SHARED_DB", Samples.plantedSecret("target.shared_db.password"))) {
            assertThat(count(
                            shared,
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'UM_USER'"
                                    + " AND COLUMN_NAME = 'UM_USER_ID'"))
                    .isEqualTo(1);
        }
    }

    private static KeyStore keystore(String sample, String file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        try (InputStream in =
                Files.newInputStream(Samples.home(sample).resolve("repository/resources/security/" + file))) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static LocalDate notAfter(KeyStore ks, String alias) throws Exception {
        return ((X509Certificate) ks.getCertificate(alias))
                .getNotAfter()
                .toInstant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate();
    }

    @Test
    void theStockKeystoresOpenWithTheDefaultPasswordAndStayValidWellPastTheAssessmentDate() throws Exception {
        for (String sample : List.of(Samples.DEFAULT, Samples.TARGET)) {
            for (String file : List.of("wso2carbon.jks", "client-truststore.jks")) {
                KeyStore ks = keystore(sample, file, Keystores.DEFAULT_PASSWORD);
                for (String alias : Collections.list(ks.aliases())) {
                    assertThat(notAfter(ks, alias))
                            .as(sample + " " + file + " " + alias)
                            .isAfter(Samples.ASSESSMENT_DATE.plusDays(30));
                }
            }
        }
        assertThat(keystore(Samples.DEFAULT, "wso2carbon.jks", "wso2carbon").isKeyEntry("wso2carbon"))
                .isTrue();
    }

    @Test
    void onlyThe310TrustStoreHoldsThe42CrunchCertificate() throws Exception {
        assertThat(keystore(Samples.TARGET, "client-truststore.jks", "wso2carbon")
                        .containsAlias("42crunch"))
                .isTrue();
        assertThat(Collections.list(keystore(Samples.DEFAULT, "client-truststore.jks", "wso2carbon")
                        .aliases()))
                .noneMatch(a -> a.contains("42crunch"));
    }

    @Test
    void theCustomTrustStoreOpensWithItsPlantedPasswordAndHoldsACertificateExpiringOn20261210() throws Exception {
        KeyStore ks =
                keystore(Samples.CUSTOM, "my-truststore.jks", Samples.plantedSecret("custom.truststore.password"));
        assertThat(notAfter(ks, "partner-backend")).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(Samples.home(Samples.CUSTOM).resolve("repository/resources/security/client-truststore.jks"))
                .doesNotExist();
    }
}
