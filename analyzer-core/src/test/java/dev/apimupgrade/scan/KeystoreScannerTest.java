package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.KeystoreEntry;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreScannerTest {
    static final String SECURITY = KeystoreScanner.SECURITY + "/";
    static final String TOML = TomlFile.PATH;

    /** Made once: keytool costs a JVM start per store. */
    @TempDir
    static Path stores;

    static Path primary;
    static Path truststore;
    static Path expiring;
    static Path pkcs12;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeStores() throws Exception {
        primary = TestKeystores.keyPair(
                stores.resolve("wso2carbon.jks"), "JKS", "wso2carbon", "wso2carbon", "CN=localhost,O=WSO2", null, 3650);
        truststore = TestKeystores.trusting(
                stores.resolve("client-truststore.jks"), "wso2carbon", primary, "wso2carbon", "wso2carbon", "42crunch");
        expiring = TestKeystores.keyPair(
                stores.resolve("expiring.jks"),
                "JKS",
                "Exp1ringPlanted",
                "gateway",
                "CN=expiring,O=Example",
                "2026/11/01 00:00:00",
                30);
        pkcs12 = TestKeystores.keyPair(
                stores.resolve("partner.p12"), "PKCS12", "P12Planted", "partner", "CN=partner", null, 365);
    }

    private Path homeWith(String name, String toml) throws Exception {
        Path home = home(tmp.resolve(name));
        if (toml != null) {
            write(home, TOML, toml);
        }
        return home;
    }

    private static void copy(Path store, Path home, String name) throws Exception {
        Files.createDirectories(home.resolve(SECURITY));
        Files.copy(store, home.resolve(SECURITY + name));
    }

    private static Facts scan(Path old, Path neu) throws InputException {
        return new Facts(new KeystoreScanner().scan(new Installation(old, Optional.ofNullable(neu))));
    }

    private static Keystore keystore(Facts facts, Role role, String purpose) {
        return facts.ofType(Keystore.class).stream()
                .filter(k -> k.role() == role && k.purpose().equals(purpose))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " " + purpose));
    }

    @Test
    void withoutTablesThe300DefaultsOpenAndEveryEntryIsListedOnceForKeyTruststoreChangedAnd42Crunch() throws Exception {
        Path old = homeWith("old", "[server]\nhostname = \"localhost\"\n");
        copy(primary, old, "wso2carbon.jks");
        copy(truststore, old, "client-truststore.jks");

        Facts facts = scan(old, null);

        assertThat(facts.ofType(Keystore.class))
                .extracting(
                        Keystore::purpose,
                        Keystore::fileName,
                        Keystore::type,
                        Keystore::opened,
                        Keystore::openError,
                        Keystore::configuredAlias,
                        Keystore::defaultName,
                        Keystore::defaultPassword)
                .containsExactly(
                        tuple("primary", "wso2carbon.jks", "JKS", true, "", "wso2carbon", true, true),
                        tuple("internal", "wso2carbon.jks", "JKS", true, "", "wso2carbon", true, true),
                        tuple("tls", "wso2carbon.jks", "JKS", true, "", "wso2carbon", true, true),
                        tuple("truststore", "client-truststore.jks", "JKS", true, "", "", true, true));
        assertThat(keystore(facts, Role.OLD, "truststore").sha256()).isEqualTo(FileDigest.sha256(truststore));
        assertThat(keystore(facts, Role.OLD, "primary").source().where())
                .isEqualTo("OLD:" + SECURITY + "wso2carbon.jks");
        assertThat(facts.ofType(KeystoreEntry.class))
                .extracting(
                        KeystoreEntry::fileName,
                        KeystoreEntry::alias,
                        KeystoreEntry::entryType,
                        KeystoreEntry::subject,
                        KeystoreEntry::keyAlgorithm,
                        KeystoreEntry::keySize)
                .containsExactly(
                        tuple("wso2carbon.jks", "wso2carbon", "PrivateKeyEntry", "CN=localhost,O=WSO2", "RSA", 2048),
                        tuple(
                                "client-truststore.jks",
                                "42crunch",
                                "TrustedCertificateEntry",
                                "CN=localhost,O=WSO2",
                                "RSA",
                                2048));
    }

    @Test
    void aWrongPasswordIsReportedForThePrimaryAndTheStoresThatFallBackToItForKeyPasswordMismatch() throws Exception {
        Path old = homeWith("old", """
                [keystore.primary]
                file_name = "wso2carbon.jks"
                password = "not-the-password"
                """);
        copy(primary, old, "wso2carbon.jks");

        Facts facts = scan(old, null);

        assertThat(facts.ofType(Keystore.class))
                .filteredOn(k -> !k.purpose().equals("truststore"))
                .extracting(
                        Keystore::purpose,
                        Keystore::exists,
                        Keystore::opened,
                        Keystore::openError,
                        Keystore::defaultPassword,
                        k -> k.source().line())
                .containsExactly(
                        tuple("primary", true, false, "WRONG_PASSWORD", false, 1),
                        tuple("internal", true, false, "WRONG_PASSWORD", false, 0),
                        tuple("tls", true, false, "WRONG_PASSWORD", false, 0));
        assertThat(facts.ofType(KeystoreEntry.class)).isEmpty();
    }

    @Test
    void aMissingRenamedTruststoreIsMissingWithoutAHashForKeyTruststoreChanged() throws Exception {
        Path old = homeWith("old", """
                [truststore]
                file_name = "my-truststore.jks"
                password = "changed"
                """);

        Keystore trust = keystore(scan(old, null), Role.OLD, "truststore");

        assertThat(trust)
                .extracting(
                        Keystore::fileName,
                        Keystore::exists,
                        Keystore::opened,
                        Keystore::openError,
                        Keystore::defaultName,
                        Keystore::defaultPassword,
                        Keystore::sha256)
                .containsExactly("my-truststore.jks", false, false, "MISSING", false, false, "");
    }

    @Test
    void aSecureVaultPasswordIsNotCheckedForKeyPasswordMismatch() throws Exception {
        Path old = homeWith("old", """
                [keystore.tls]
                password = "$secret{keystore_password}"
                """);
        copy(primary, old, "wso2carbon.jks");

        Facts facts = scan(old, null);

        assertThat(keystore(facts, Role.OLD, "tls"))
                .extracting(Keystore::exists, Keystore::opened, Keystore::openError)
                .containsExactly(true, false, "SECRET_REFERENCE");
        assertThat(keystore(facts, Role.OLD, "primary").opened()).isTrue();
    }

    @Test
    void theExpiryDateKeyAlgorithmAndSizeAreReadFromTheCertificateForKeyCertExpiry() throws Exception {
        Path old = homeWith("old", """
                [keystore.primary]
                file_name = "expiring.jks"
                password = "Exp1ringPlanted"
                alias = "gateway"
                """);
        copy(expiring, old, "expiring.jks");

        KeystoreEntry entry = scan(old, null).ofType(KeystoreEntry.class).get(0);

        assertThat(entry)
                .extracting(
                        KeystoreEntry::alias,
                        KeystoreEntry::subject,
                        KeystoreEntry::notAfterEpochDay,
                        KeystoreEntry::keyAlgorithm,
                        KeystoreEntry::keySize)
                .containsExactly(
                        "gateway",
                        "CN=expiring,O=Example",
                        LocalDate.of(2026, 12, 1).toEpochDay(),
                        "RSA",
                        2048);
        assertThat(entry.observed()).endsWith("valid until 2026-12-01");
    }

    @Test
    void anUnconfiguredKeystoreInSecurityIsCustomAndNotOpenedForKeyCopyKeystores() throws Exception {
        Path old = homeWith("old", "[server]\nhostname = \"localhost\"\n");
        copy(primary, old, "wso2carbon.jks");
        copy(pkcs12, old, "partner.p12");
        Files.writeString(old.resolve(SECURITY + "sslprofiles.xml"), "<x/>");

        Keystore custom = keystore(scan(old, null), Role.OLD, "custom");

        assertThat(custom)
                .extracting(
                        Keystore::fileName,
                        Keystore::type,
                        Keystore::exists,
                        Keystore::opened,
                        Keystore::openError,
                        Keystore::sha256)
                .containsExactly("partner.p12", "PKCS12", true, false, "NOT_CONFIGURED", FileDigest.sha256(pkcs12));
    }

    /**
     * Mid-run (a plan that continues a run after drift), the new home's keystores are judged as the first plan saw
     * them: a truststore the run already copied is read from the run's saved copy, and a custom store the run added is
     * not there, so KEY-COPY-KEYSTORES still holds its copy steps (done, so not redone) instead of dropping them.
     */
    @Test
    void midRunTheNewHomesKeystoresAreReadAsPlannedNotAsTheRunCopiedThemForKeyCopyKeystores() throws Exception {
        Path old = homeWith("old", "[server]\nhostname = \"localhost\"\n");
        copy(primary, old, "wso2carbon.jks");
        copy(truststore, old, "client-truststore.jks");
        copy(pkcs12, old, "partner.p12");
        Path neu = homeWith("new", null);
        copy(primary, neu, "wso2carbon.jks");
        copy(truststore, neu, "client-truststore.jks");
        copy(pkcs12, neu, "partner.p12");
        // what the run saved before it copied: the 3.1.0 pack's own truststore; partner.p12 did not exist
        Path saved = Files.createDirectories(tmp.resolve("run/backup")).resolve("client-truststore.jks");
        Files.copy(primary, saved);
        java.util.Map<String, Path> asPlanned = java.util.Map.of(
                SECURITY + "client-truststore.jks",
                saved,
                SECURITY + "partner.p12",
                tmp.resolve("run/backup/absent.p12"));

        Facts facts = new Facts(new KeystoreScanner().scan(new Installation(old, Optional.of(neu), asPlanned)));

        assertThat(keystore(facts, Role.NEW, "truststore").sha256()).isEqualTo(FileDigest.sha256(primary));
        assertThat(keystore(facts, Role.NEW, "truststore").source().toString()).contains("client-truststore.jks");
        assertThat(keystore(facts, Role.NEW, "primary").sha256()).isEqualTo(FileDigest.sha256(primary));
        assertThat(facts.ofType(Keystore.class))
                .filteredOn(k -> k.role() == Role.NEW && k.purpose().equals("custom"))
                .isEmpty();
    }

    @Test
    void thePkcs12TypeOpensAndTheNewHomeListsOnlyItsTruststoreEntriesForKey42Crunch() throws Exception {
        Path old = homeWith("old", """
                [keystore.primary]
                file_name = "partner.p12"
                type = "PKCS12"
                password = "P12Planted"
                """);
        copy(pkcs12, old, "partner.p12");
        Path neu = homeWith("new", null);
        copy(primary, neu, "wso2carbon.jks");
        copy(truststore, neu, "client-truststore.jks");

        Facts facts = scan(old, neu);

        assertThat(keystore(facts, Role.OLD, "primary").opened()).isTrue();
        assertThat(keystore(facts, Role.NEW, "primary"))
                .extracting(Keystore::opened, Keystore::sha256)
                .containsExactly(true, FileDigest.sha256(primary));
        assertThat(facts.ofType(KeystoreEntry.class))
                .extracting(KeystoreEntry::role, KeystoreEntry::alias)
                .containsExactly(tuple(Role.OLD, "partner"), tuple(Role.NEW, "42crunch"));
    }

    @Test
    void configuredPasswordsNeverAppearInAnyFact() throws Exception {
        Path old = homeWith("old", """
                [keystore.primary]
                file_name = "expiring.jks"
                password = "Exp1ringPlanted"
                [truststore]
                password = "TrustPlanted"
                """);
        copy(expiring, old, "expiring.jks");
        copy(truststore, old, "client-truststore.jks");

        Facts facts = scan(old, null);

        assertThat(facts.size()).isGreaterThan(4);
        for (Observation o : facts.all()) {
            assertThat(o + " " + o.observed()).doesNotContain("Planted");
        }
    }
}
