package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.entry;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.keystore;
import static dev.apimupgrade.rules.Given.truststore;
import static dev.apimupgrade.rules.Given.unopened;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.KeystoreEntry;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Severity;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KeystoreKeysRulesTest {
    private static final LocalDate LATER = LocalDate.of(2030, 1, 1);

    private static KeystoreEntry key(String file, String alias, String algorithm, int bits) {
        return new KeystoreEntry(
                Role.OLD,
                file,
                alias,
                "PrivateKeyEntry",
                "CN=localhost",
                LATER.toEpochDay(),
                algorithm,
                bits,
                SourceRef.file(Role.OLD, "repository/resources/security/" + file));
    }

    @Test
    void keyWeakKeyAppliesForA1024BitRsaPrivateKey() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "s1"),
                key("wso2carbon.jks", "wso2carbon", "RSA", 1024));

        assertThat(v.status("KEY-WEAK-KEY")).isEqualTo(Status.APPLIES);
        assertThat(v.result("KEY-WEAK-KEY").severity()).isEqualTo(Severity.WARNING);
        assertThat(said(v, "KEY-WEAK-KEY")).isEqualTo("wso2carbon.jks alias wso2carbon holds a 1024-bit RSA key.");
    }

    @Test
    void keyWeakKeyIsNotApplicableFor2048BitKeysAndIgnoresWeakTrustedCertificatesAndEcKeys() {
        KeystoreEntry weakTrusted = new KeystoreEntry(
                Role.OLD,
                "client-truststore.jks",
                "old-ca",
                "TrustedCertificateEntry",
                "CN=Old CA",
                LATER.toEpochDay(),
                "RSA",
                1024,
                SourceRef.file(Role.OLD, "x"));

        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "s1"),
                key("wso2carbon.jks", "wso2carbon", "RSA", 2048),
                key("wso2carbon.jks", "ec", "EC", 256),
                weakTrusted);

        assertThat(v.status("KEY-WEAK-KEY")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "KEY-WEAK-KEY")).contains("2 key entries read");
    }

    @Test
    void keyWeakKeyIsUnknownWhenThePrimaryKeystoreDidNotOpenAndWithoutKeystores() {
        Verdict v = decide(unopened(Role.OLD, "primary", "wso2carbon.jks", "SECRET_REFERENCE"));

        assertThat(v.status("KEY-WEAK-KEY")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "KEY-WEAK-KEY")).contains("did not open: SECRET_REFERENCE");
        assertThat(decide(home(Role.OLD)).status("KEY-WEAK-KEY")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void keyAliasMissingAppliesWhenTheConfiguredAliasIsNoKeyEntryOfTheKeystore() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "s1"),
                key("wso2carbon.jks", "mykey", "RSA", 2048),
                entry(Role.OLD, "wso2carbon.jks", "wso2carbon", "CN=trusted", LATER));

        assertThat(v.status("KEY-ALIAS-MISSING")).isEqualTo(Status.APPLIES);
        assertThat(v.result("KEY-ALIAS-MISSING").severity()).isEqualTo(Severity.BLOCKER);
        assertThat(said(v, "KEY-ALIAS-MISSING"))
                .isEqualTo("The primary keystore wso2carbon.jks has no private key entry"
                        + " with the configured alias wso2carbon.");
    }

    @Test
    void keyAliasMissingIsNotApplicableWhenTheAliasIsAKeyEntryInAnyCase() {
        Verdict v = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "s1"),
                keystore(Role.OLD, "tls", "wso2carbon.jks", "s1"),
                truststore(Role.OLD, "client-truststore.jks", true, true),
                key("wso2carbon.jks", "WSO2Carbon", "RSA", 2048));

        assertThat(v.status("KEY-ALIAS-MISSING")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "KEY-ALIAS-MISSING"))
                .isEqualTo("Every configured alias (wso2carbon.jks:wso2carbon) is a"
                        + " private key entry of its keystore.");
    }

    @Test
    void keyAliasMissingIsUnknownWhenTheKeystoreDidNotOpenOrItsEntriesCouldNotBeListed() {
        Verdict notOpened = decide(new dev.apimupgrade.fact.Keystore(
                Role.OLD,
                "primary",
                "wso2carbon.jks",
                "JKS",
                true,
                false,
                "WRONG_PASSWORD",
                "wso2carbon",
                true,
                false,
                SourceRef.file(Role.OLD, "x"),
                "s1"));
        Verdict unlisted = decide(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "s1"),
                new ScanProblem(
                        Role.OLD,
                        "repository/resources/security/wso2carbon.jks",
                        "cannot be read",
                        SourceRef.file(Role.OLD, "x")));

        assertThat(notOpened.status("KEY-ALIAS-MISSING")).isEqualTo(Status.UNKNOWN);
        assertThat(said(notOpened, "KEY-ALIAS-MISSING")).contains("did not open (WRONG_PASSWORD)");
        assertThat(unlisted.status("KEY-ALIAS-MISSING")).isEqualTo(Status.UNKNOWN);
        assertThat(decide(home(Role.OLD)).status("KEY-ALIAS-MISSING")).isEqualTo(Status.UNKNOWN);
    }
}
