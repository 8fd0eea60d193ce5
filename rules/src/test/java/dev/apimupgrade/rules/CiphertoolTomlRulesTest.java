package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.secretRef;
import static dev.apimupgrade.rules.Given.vault;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SecretReference;
import dev.apimupgrade.fact.SecureVaultConfig;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class CiphertoolTomlRulesTest {
    private static final String ID = "KEY-CIPHERTOOL-TOML";

    @Test
    void keyCiphertoolTomlAppliesWhenTablesFollowSecrets() {
        Verdict v = decide(new SecureVaultConfig(Role.OLD, true, false, 1, SourceRef.line(Role.OLD, Given.TOML, 40)));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(v, ID)).isEqualTo("The old deployment.toml has tables after [secrets].");
    }

    @Test
    void keyCiphertoolTomlAppliesForASecretReferenceInACommentedLine() {
        Verdict v = decide(vault(true), secretRef("old_password", true));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(v, ID)).isEqualTo("A commented line of the old deployment.toml holds $secret{old_password}.");
        assertThat(v.result(ID).evidence())
                .extracting(e -> e.source().toString())
                .containsExactly("OLD:" + Given.TOML + ":30");
    }

    @Test
    void keyCiphertoolTomlAppliesForAnAliasWithoutASecretsEntryInEitherHome() {
        Verdict v = decide(
                vault(true),
                new SecretReference(Role.NEW, "db_password", false, false, SourceRef.line(Role.NEW, Given.TOML, 22)));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(v, ID))
                .isEqualTo("The 3.1.0 deployment.toml refers to $secret{db_password}, which [secrets] does"
                        + " not define.");
    }

    @Test
    void keyCiphertoolTomlIsNotApplicableWhenSecretsIsLastAndEveryReferenceIsDefinedAndUncommented() {
        Verdict v = decide(vault(true), secretRef("admin_password", false));

        assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void keyCiphertoolTomlIsNotApplicableWithoutSecureVault() {
        assertThat(decide(vault(false)).status(ID)).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void keyCiphertoolTomlIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status(ID)).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void keySecureVaultNoLongerSpellsOutCiphertoolTraitsWhichKeyCiphertoolTomlReports() {
        Verdict v = decide(
                new SecureVaultConfig(Role.OLD, true, false, 1, SourceRef.line(Role.OLD, Given.TOML, 40)),
                new SecretReference(Role.OLD, "x", false, false, SourceRef.line(Role.OLD, Given.TOML, 9)));

        assertThat(said(v, "KEY-SECURE-VAULT"))
                .isEqualTo("The old deployment.toml uses Secure Vault ([secrets] with 1"
                        + " alias(es); 1 $secret{} reference(s)).");
        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
    }
}
