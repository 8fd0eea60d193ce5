package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.TODAY;
import static dev.apimupgrade.rules.Given.difference;
import static dev.apimupgrade.rules.Given.entry;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.keystore;
import static dev.apimupgrade.rules.Given.missing;
import static dev.apimupgrade.rules.Given.secretRef;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.Given.today;
import static dev.apimupgrade.rules.Given.truststore;
import static dev.apimupgrade.rules.Given.unopened;
import static dev.apimupgrade.rules.Given.vault;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.KeystoreEntry;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class KeystoreRulesTest {

    @Test
    void keyCopyKeystoresAppliesWithOneCopyPerFileThatTheNewHomeLacksOrHasWithOtherContent() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "a"),
                keystore(Role.OLD, "tls", "wso2carbon.jks", "a"),
                keystore(Role.OLD, "internal", "wso2carbon.jks", "a"),
                keystore(Role.OLD, "custom", "partner.jks", "p"),
                keystore(Role.NEW, "primary", "wso2carbon.jks", "other"));

        assertThat(v.status("KEY-COPY-KEYSTORES")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "KEY-COPY-KEYSTORES"))
                .extracting(JustifiedAction::target)
                .containsExactly(
                        "repository/resources/security/partner.jks", "repository/resources/security/wso2carbon.jks");
        assertThat(actions(v, "KEY-COPY-KEYSTORES").get(1).evidence()).hasSize(3);
        assertThat(said(v, "KEY-COPY-KEYSTORES")).contains("wso2carbon.jks (internal, primary, tls)");
    }

    @Test
    void keyCopyKeystoresIsNotApplicableWhenEveryOldKeystoreIsIdenticalInTheNewHome() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "a"),
                missing(Role.OLD, "tls", "gone.jks"),
                keystore(Role.NEW, "primary", "wso2carbon.jks", "a"));

        assertThat(v.status("KEY-COPY-KEYSTORES")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "KEY-COPY-KEYSTORES")).isEmpty();
    }

    @Test
    void keyCopyKeystoresIsUnknownWithoutKeystoreFacts() {
        assertThat(decide(home(Role.OLD)).status("KEY-COPY-KEYSTORES")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void keyConfigAppliesWhenTheOldTomlChangesKeystoreTables() {
        Verdict v = decide(
                setting(Role.OLD, "keystore.primary.file_name", "my.jks"),
                difference("keystore.primary.file_name", "ADDED"),
                difference("server.hostname", "CHANGED"));

        assertThat(v.status("KEY-CONFIG")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "KEY-CONFIG")).contains("keystore.primary.file_name").doesNotContain("server.hostname");
    }

    @Test
    void keyConfigIsNotApplicableWhenOnlyOtherKeysDiffer() {
        assertThat(decide(setting(Role.OLD, "server.hostname", "a"), difference("server.hostname", "CHANGED"))
                        .status("KEY-CONFIG"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void keyConfigIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status("KEY-CONFIG")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void keySecureVaultAppliesWithTheCiphertoolStepWhenTheOldHomeHasSecrets() {
        Verdict v = decide(vault(true), secretRef("admin_password", false), secretRef("old", true));

        assertThat(v.status("KEY-SECURE-VAULT")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "KEY-SECURE-VAULT")).contains("[secrets] with 2 alias(es)", "1 $secret{} reference");
        assertThat(actions(v, "KEY-SECURE-VAULT"))
                .singleElement()
                .satisfies(a -> assertThat(a.params()).containsEntry("command", "./ciphertool.sh -Dconfigure"));
    }

    @Test
    void keySecureVaultAppliesForAnUncommentedReferenceWithoutASecretsTable() {
        assertThat(decide(vault(false), secretRef("db_password", false)).status("KEY-SECURE-VAULT"))
                .isEqualTo(Status.APPLIES);
    }

    @Test
    void keySecureVaultIsNotApplicableWithoutSecretsAndWithOnlyCommentedReferences() {
        Verdict v = decide(vault(false), secretRef("old", true));

        assertThat(v.status("KEY-SECURE-VAULT")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "KEY-SECURE-VAULT")).isEmpty();
    }

    @Test
    void keySecureVaultIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status("KEY-SECURE-VAULT")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void keyTruststoreChangedAppliesWhenTheNameOrPasswordIsNotTheDefault() {
        Verdict v = decide(truststore(Role.OLD, "my-truststore.jks", false, false));

        assertThat(v.status("KEY-TRUSTSTORE-CHANGED")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "KEY-TRUSTSTORE-CHANGED")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("SetTomlTable");
            assertThat(a.target()).isEqualTo("truststore");
        });
        assertThat(decide(truststore(Role.OLD, "client-truststore.jks", true, false))
                        .status("KEY-TRUSTSTORE-CHANGED"))
                .isEqualTo(Status.APPLIES);
    }

    @Test
    void keyTruststoreChangedIsNotApplicableForTheDefaultNameAndPassword() {
        Verdict v = decide(
                truststore(Role.OLD, "client-truststore.jks", true, true), truststore(Role.NEW, "x.jks", false, false));

        assertThat(v.status("KEY-TRUSTSTORE-CHANGED")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void keyTruststoreChangedIsUnknownWithoutATruststoreFact() {
        assertThat(decide(keystore(Role.OLD, "primary", "wso2carbon.jks", "a")).status("KEY-TRUSTSTORE-CHANGED"))
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void key42CrunchCertAppliesWhenTheOldTruststoreHasNoSuchEntry() {
        Verdict v = decide(
                truststore(Role.OLD, "client-truststore.jks", true, true),
                entry(Role.OLD, "client-truststore.jks", "digicert", "CN=DigiCert", TODAY.plusYears(3)),
                truststore(Role.NEW, "client-truststore.jks", true, true),
                entry(Role.NEW, "client-truststore.jks", "42crunch", "CN=42Crunch", TODAY.plusYears(3)),
                setting(Role.NEW, "security_audit.global", "true"));

        assertThat(v.status("KEY-42CRUNCH-CERT")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "KEY-42CRUNCH-CERT")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("ManualStep");
            assertThat(a.params().get("command")).startsWith("keytool -import");
        });
    }

    @Test
    void key42CrunchCertIsAWarningWithTheImportStepWhenApiSecurityAuditIsConfigured() {
        Verdict v = decide(
                truststore(Role.OLD, "client-truststore.jks", true, true),
                setting(Role.OLD, "security_audit.api_token", "****"));

        assertThat(v.status("KEY-42CRUNCH-CERT")).isEqualTo(Status.APPLIES);
        assertThat(v.result("KEY-42CRUNCH-CERT").severity()).isEqualTo(Severity.WARNING);
        assertThat(said(v, "KEY-42CRUNCH-CERT"))
                .contains("API Security Audit is configured (security_audit.api_token)");
        assertThat(actions(v, "KEY-42CRUNCH-CERT"))
                .singleElement()
                .satisfies(a -> assertThat(a.params().get("command")).startsWith("keytool -import"));
    }

    @Test
    void key42CrunchCertIsInfoWithoutAStepWhenApiSecurityAuditIsNotConfigured() {
        Verdict v = decide(
                truststore(Role.OLD, "client-truststore.jks", true, true),
                setting(Role.OLD, "server.hostname", "gw.example.com"));

        assertThat(v.status("KEY-42CRUNCH-CERT")).isEqualTo(Status.APPLIES);
        assertThat(v.result("KEY-42CRUNCH-CERT").severity()).isEqualTo(Severity.INFO);
        assertThat(said(v, "KEY-42CRUNCH-CERT")).contains("no deployment.toml read configures API Security Audit");
        assertThat(actions(v, "KEY-42CRUNCH-CERT")).isEmpty();
    }

    @Test
    void key42CrunchCertIsNotApplicableWhenTheOldTruststoreHasIt() {
        Verdict v = decide(
                truststore(Role.OLD, "client-truststore.jks", true, true),
                entry(Role.OLD, "client-truststore.jks", "audit", "CN=*.42crunch.com", TODAY.plusYears(3)));

        assertThat(v.status("KEY-42CRUNCH-CERT")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void key42CrunchCertLooksAtTheNewTruststoreWhenTheOldHomeHasNone() {
        Verdict missingOld = decide(
                missing(Role.OLD, "truststore", "client-truststore.jks"),
                truststore(Role.NEW, "client-truststore.jks", true, true),
                entry(Role.NEW, "client-truststore.jks", "42crunch", "CN=42Crunch", TODAY.plusYears(3)));
        Verdict withoutEntry = decide(
                missing(Role.OLD, "truststore", "client-truststore.jks"),
                truststore(Role.NEW, "client-truststore.jks", true, true));

        assertThat(missingOld.status("KEY-42CRUNCH-CERT")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(withoutEntry.status("KEY-42CRUNCH-CERT")).isEqualTo(Status.APPLIES);
    }

    @Test
    void key42CrunchCertIsUnknownWhenTheTruststoreDidNotOpen() {
        Verdict v = decide(unopened(Role.OLD, "truststore", "client-truststore.jks", "SECRET_REFERENCE"));

        assertThat(v.status("KEY-42CRUNCH-CERT")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "KEY-42CRUNCH-CERT")).contains("SECRET_REFERENCE");
    }

    @Test
    void keyPasswordMismatchAppliesAsABlockerWhenAKeystoreRejectsItsPassword() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "a"),
                unopened(Role.OLD, "tls", "tls.jks", "WRONG_PASSWORD"));

        assertThat(v.status("KEY-PASSWORD-MISMATCH")).isEqualTo(Status.APPLIES);
        assertThat(v.result("KEY-PASSWORD-MISMATCH").severity()).isEqualTo(Severity.BLOCKER);
        assertThat(said(v, "KEY-PASSWORD-MISMATCH")).contains("tls.jks");
    }

    @Test
    void keyPasswordMismatchIsNotApplicableWhenEveryConfiguredKeystoreOpens() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "a"),
                unopened(Role.OLD, "custom", "partner.jks", "NOT_CONFIGURED"),
                missing(Role.OLD, "tls", "gone.jks"),
                unopened(Role.NEW, "primary", "wso2carbon.jks", "WRONG_PASSWORD"));

        assertThat(v.status("KEY-PASSWORD-MISMATCH")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void keyPasswordMismatchIsUnknownWhenThePasswordIsASecretReference() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "a"),
                unopened(Role.OLD, "truststore", "client-truststore.jks", "SECRET_REFERENCE"));

        assertThat(v.status("KEY-PASSWORD-MISMATCH")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "KEY-PASSWORD-MISMATCH")).contains("Secure Vault reference");
    }

    @Test
    void keyPasswordMismatchIsUnknownWithoutKeystoreFacts() {
        assertThat(decide(home(Role.OLD)).status("KEY-PASSWORD-MISMATCH")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void keyCertExpiryAppliesForACertificateExpiringWithin30DaysAndOneAlreadyExpired() {
        Verdict v = decide(
                today(),
                entry(Role.OLD, "wso2carbon.jks", "soon", "CN=soon", TODAY.plusDays(29)),
                entry(Role.OLD, "client-truststore.jks", "old", "CN=old", TODAY.minusDays(1)),
                entry(Role.OLD, "wso2carbon.jks", "fine", "CN=fine", TODAY.plusDays(30)));

        assertThat(v.status("KEY-CERT-EXPIRY")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "KEY-CERT-EXPIRY"))
                .contains("soon expires in 29 days", "old expired on")
                .doesNotContain("fine");
    }

    static KeystoreEntry key(String file, String alias, java.time.LocalDate notAfter) {
        return new KeystoreEntry(
                Role.OLD,
                file,
                alias,
                "PrivateKeyEntry",
                "CN=localhost",
                notAfter.toEpochDay(),
                "RSA",
                2048,
                SourceRef.file(Role.OLD, "repository/resources/security/" + file));
    }

    /** A real pack's truststore: stock CA certificates that expired before the server's own key and one imported. */
    static Verdict realPackExpiries() {
        return decide(
                today(),
                entry(Role.OLD, "client-truststore.jks", "verisignclass3ca", "CN=VeriSign", TODAY.minusYears(6)),
                entry(Role.NEW, "client-truststore.jks", "verisignclass3ca", "CN=VeriSign", TODAY.minusYears(6)),
                entry(Role.OLD, "client-truststore.jks", "equifaxsecureca", "CN=Equifax", TODAY.minusYears(8)),
                entry(Role.NEW, "client-truststore.jks", "equifaxsecureca", "CN=Equifax", TODAY.minusYears(8)),
                entry(Role.OLD, "client-truststore.jks", "thawtepremiumserverca", "CN=Thawte", TODAY.minusYears(5)),
                entry(Role.NEW, "client-truststore.jks", "thawtepremiumserverca", "CN=Thawte", TODAY.minusYears(5)),
                entry(Role.OLD, "client-truststore.jks", "partner", "CN=partner.example", TODAY.plusDays(3)),
                key("wso2carbon.jks", "wso2carbon", java.time.LocalDate.parse("2020-01-15")));
    }

    @Test
    void keyCertExpiryListsTheServersOwnKeyFirstThenAnImportedCertificateThenTheStockCaCertificatesAsOneFinding() {
        Verdict v = realPackExpiries();

        assertThat(v.status("KEY-CERT-EXPIRY")).isEqualTo(Status.APPLIES);
        assertThat(v.result("KEY-CERT-EXPIRY").messages())
                .hasSize(3)
                .satisfiesExactly(
                        key -> assertThat(key)
                                .startsWith("The server's own key: wso2carbon.jks alias wso2carbon expired on"
                                        + " 2020-01-15"),
                        imported -> assertThat(imported)
                                .startsWith("A trusted certificate: client-truststore.jks alias"
                                        + " partner expires in 3 days"),
                        stock -> assertThat(stock)
                                .startsWith("3 stock CA certificates of client-truststore.jks")
                                .contains("the first equifaxsecureca expired on")
                                .contains("Aliases: equifaxsecureca, verisignclass3ca, thawtepremiumserverca."));
    }

    @Test
    void keyCertExpiryTreatsEveryTrustedCertificateAsImportedWhenTheNewHomesTruststoreDiffers() {
        Verdict v = decide(
                today(),
                entry(Role.OLD, "client-truststore.jks", "verisignclass3ca", "CN=VeriSign", TODAY.minusYears(6)),
                entry(Role.NEW, "client-truststore.jks", "verisignclass3ca", "CN=VeriSign", TODAY.plusYears(6)));

        assertThat(v.result("KEY-CERT-EXPIRY").messages())
                .singleElement()
                .asString()
                .startsWith("A trusted certificate: client-truststore.jks alias verisignclass3ca expired on");
    }

    @Test
    void keyCertExpiryIsNotApplicableWhenEveryCertificateLastsAtLeast30Days() {
        Verdict v = decide(
                today(),
                entry(Role.OLD, "wso2carbon.jks", "fine", "CN=fine", TODAY.plusDays(30)),
                entry(Role.NEW, "client-truststore.jks", "expired", "CN=x", TODAY.minusDays(10)));

        assertThat(v.status("KEY-CERT-EXPIRY")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void keyCertExpiryIsUnknownWithoutEntries() {
        assertThat(decide(today()).status("KEY-CERT-EXPIRY")).isEqualTo(Status.UNKNOWN);
    }
}
