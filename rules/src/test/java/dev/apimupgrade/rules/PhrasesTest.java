package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.difference;
import static dev.apimupgrade.rules.Given.entry;
import static dev.apimupgrade.rules.Given.keystore;
import static dev.apimupgrade.rules.Given.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SecretReference;
import dev.apimupgrade.fact.SecureVaultConfig;
import dev.apimupgrade.fact.SourceRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {

    @Test
    void namesFactsShortlyAndOnce() {
        assertThat(Phrases.names(List.of(difference("a.b", "CHANGED"), tenant("1", true), tenant("1", true))))
                .isEqualTo("a.b (changed), 1");
        assertThat(Phrases.names(List.of())).isEmpty();
    }

    @Test
    void namesAtMostADozenAndCountsTheRest() {
        List<Object> many = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            many.add(tenant(Integer.toString(i), true));
        }
        assertThat(Phrases.names(many)).endsWith("12 and 3 more");
    }

    @Test
    void sayWhetherACertificateExpiredOrHowManyDaysAreLeft() {
        long today = Given.TODAY.toEpochDay();

        assertThat(Phrases.expiry(entry(Role.OLD, "a.jks", "x", "CN=x", Given.TODAY.minusDays(3)), today))
                .isEqualTo("a.jks alias x expired on 2026-11-22.");
        assertThat(Phrases.expiry(entry(Role.OLD, "a.jks", "x", "CN=x", Given.TODAY.plusDays(1)), today))
                .isEqualTo("a.jks alias x expires in 1 day (2026-11-26).");
        assertThat(Phrases.expiry(entry(Role.OLD, "a.jks", "x", "CN=x", Given.TODAY), today))
                .contains("in 0 days");
    }

    @Test
    void listsTheDistinctPurposesOfKeystores() {
        assertThat(Phrases.purposes(List.of(
                        keystore(Role.OLD, "primary", "w.jks", "a"),
                        keystore(Role.OLD, "tls", "w.jks", "a"),
                        keystore(Role.OLD, "primary", "w.jks", "a"))))
                .isEqualTo("primary, tls");
    }

    @Test
    void describesSecureVaultByItsAliasesAndReferencesOnly() {
        SecureVaultConfig notLast =
                new SecureVaultConfig(Role.OLD, true, false, 2, SourceRef.line(Role.OLD, Given.TOML, 80));
        SecretReference undefined =
                new SecretReference(Role.OLD, "x", false, false, SourceRef.line(Role.OLD, Given.TOML, 9));

        assertThat(Phrases.secureVault(List.of(notLast), List.of(undefined, Given.secretRef("y", false))))
                .isEqualTo("[secrets] with 2 alias(es); 2 $secret{} reference(s)");
        assertThat(Phrases.secureVault(List.of(Given.vault(true)), List.of()))
                .isEqualTo("[secrets] with 2 alias(es); 0 $secret{} reference(s)");
    }

    @Test
    void sortedNamesListMigrationArtefactsByFolderAndNameAlphabetically() {
        assertThat(Phrases.sortedNames(List.of(
                        Given.artefact(Role.NEW, "lib", "b.jar"), Given.artefact(Role.NEW, "dropins", "z.jar"))))
                .isEqualTo("dropins/z.jar, lib/b.jar");
    }
}
