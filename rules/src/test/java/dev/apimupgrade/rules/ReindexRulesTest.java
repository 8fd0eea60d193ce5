package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.presence;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.Given.tenant;
import static dev.apimupgrade.rules.Given.version;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.rule.JustifiedAction;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class ReindexRulesTest {
    private static final String TENANTLOADER = "repository/components/dropins/tenantloader-1.0.jar";

    @Test
    void apimClientAppliesWithOneManualStepWhenTheOldHomeIs300() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "3.0.0"), version(Role.OLD, "plugins", "3.0.0"));

        assertThat(v.status("APIM-CLIENT")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "APIM-CLIENT")).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("ManualStep");
            assertThat(a.params().get("command")).contains("-DmigrateFromVersion=3.0.0");
        });
    }

    @Test
    void apimClientDoesNotApplyWhenTheOldHomeIsAnotherVersion() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "2.6.0"));

        assertThat(v.status("APIM-CLIENT")).isNotEqualTo(Status.APPLIES);
        assertThat(actions(v, "APIM-CLIENT")).isEmpty();
    }

    @Test
    void apimClientIsUnknownWithoutAnOldVersion() {
        assertThat(decide(home(Role.OLD)).status("APIM-CLIENT")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void apimClientSaysWhichLogLinesShowThatTheClientWroteApiRxtForEveryTenant() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "3.0.0"));

        assertThat(actions(v, "APIM-CLIENT"))
                .singleElement()
                .satisfies(a -> assertThat(a.params().get("doneWhen"))
                        .contains("'Updating api.rxt for tenant <id>(<domain>)'")
                        .contains("-1234(carbon.super)"));
    }

    @Test
    void apimClientTenantsAppliesWithTheTenantIdsAndARangeWhoseExclusiveBoundsTakeThemAll() {
        Verdict v = decide(
                presence(Role.OLD, "repository/tenants", true),
                tenant("3", true),
                tenant("1", false),
                tenant("12", false));

        assertThat(v.status("APIM-CLIENT-TENANTS")).isEqualTo(Status.APPLIES);
        assertThat(v.result("APIM-CLIENT-TENANTS").severity()).isEqualTo(dev.apimupgrade.rule.Severity.INFO);
        assertThat(v.result("APIM-CLIENT-TENANTS").messages())
                .singleElement()
                .asString()
                .contains("the 3 tenants of repository/tenants (IDs 1 to 12) and the super tenant")
                .contains("strictly between l and u and never the super tenant")
                .contains("-DtenantRange=0-13 takes these 3, and -Dtenants=carbon.super the super tenant");
        assertThat(actions(v, "APIM-CLIENT-TENANTS")).isEmpty();
    }

    @Test
    void apimClientTenantsAppliesFromUmTenantWhenTheHomeHasNoTenantFolders() {
        Verdict v = decide(
                presence(Role.OLD, "repository/tenants", true),
                new dev.apimupgrade.fact.RowCount(
                        "shared_db",
                        "UM_TENANT",
                        dev.apimupgrade.fact.RowCount.ROWS,
                        250,
                        dev.apimupgrade.fact.SourceRef.db("shared_db", "UM_TENANT")));

        assertThat(v.status("APIM-CLIENT-TENANTS")).isEqualTo(Status.APPLIES);
        assertThat(v.result("APIM-CLIENT-TENANTS").messages().get(0)).startsWith("UM_TENANT lists 250 tenant(s)");
    }

    @Test
    void apimClientTenantsIsNotApplicableWithoutTenants() {
        assertThat(decide(presence(Role.OLD, "repository/tenants", false)).status("APIM-CLIENT-TENANTS"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void apimClientTenantsIsUnknownWhenTheTenantsFolderWasNotLookedAt() {
        assertThat(decide(home(Role.OLD)).status("APIM-CLIENT-TENANTS")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void idxTenantloaderAppliesWithACopyAndALaterRemovalWhenTheOldHomeHasTenants() {
        Verdict v = decide(presence(Role.OLD, "repository/tenants", true), tenant("1", true), tenant("2", false));

        assertThat(v.status("IDX-TENANTLOADER")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "IDX-TENANTLOADER"))
                .extracting(JustifiedAction::kind, JustifiedAction::target)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CopyFile", TENANTLOADER),
                        org.assertj.core.groups.Tuple.tuple("ManualStep", "new-home"),
                        org.assertj.core.groups.Tuple.tuple("DeletePath", TENANTLOADER));
    }

    @Test
    void idxTenantloaderStartsTheServerToReIndexInStep275AndRemovesTheLoaderOnlyAfterInStep276() {
        Verdict v = decide(presence(Role.OLD, "repository/tenants", true), tenant("1", true));

        assertThat(actions(v, "IDX-TENANTLOADER"))
                .filteredOn(a -> a.kind().equals("ManualStep"))
                .singleElement()
                .satisfies(a -> assertThat(a.params())
                        .containsEntry("guideStep", "Step 2.7.5")
                        .containsEntry("command", "sh wso2server.sh"));
        assertThat(actions(v, "IDX-TENANTLOADER"))
                .filteredOn(a -> a.kind().equals("DeletePath"))
                .singleElement()
                .satisfies(a -> assertThat(a.params()).containsEntry("guideStep", "Step 2.7.6"));
    }

    @Test
    void idxTenantloaderIsNotApplicableWithoutTenantFolders() {
        Verdict v = decide(presence(Role.OLD, "repository/tenants", false));

        assertThat(v.status("IDX-TENANTLOADER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "IDX-TENANTLOADER")).isEmpty();
    }

    @Test
    void idxTenantloaderIsUnknownWhenTheTenantsFolderWasNotLookedAt() {
        assertThat(decide(home(Role.OLD)).status("IDX-TENANTLOADER")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void idxReIndexingAppliesAndSetsReIndexingToOneWhenTheNewHomeHasNone() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "3.0.0"));

        assertThat(v.status("IDX-RE-INDEXING")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "IDX-RE-INDEXING")).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo("indexing.re_indexing");
            assertThat(a.params()).containsEntry("value", "1");
        });
    }

    @Test
    void idxReIndexingIncrementsAValueTheNewHomeAlreadyHas() {
        Verdict v = decide(version(Role.OLD, "carbon.xml", "3.0.0"), setting(Role.NEW, "indexing.re_indexing", "2"));

        assertThat(actions(v, "IDX-RE-INDEXING"))
                .singleElement()
                .satisfies(a -> assertThat(a.params()).containsEntry("value", "3"));
    }

    @Test
    void idxReIndexingDoesNotApplyWhenTheOldHomeIsNot300() {
        assertThat(decide(version(Role.OLD, "carbon.xml", "2.6.0")).status("IDX-RE-INDEXING"))
                .isNotEqualTo(Status.APPLIES);
    }

    @Test
    void idxReIndexingIsUnknownWithoutAnOldVersion() {
        assertThat(decide().status("IDX-RE-INDEXING")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void idxSolrDirAppliesWithABackupThenADeleteWhenTheNewHomeHasSolr() {
        Verdict v = decide(home(Role.NEW), presence(Role.NEW, "solr", true));

        assertThat(v.status("IDX-SOLR-DIR")).isEqualTo(Status.APPLIES);
        assertThat(actions(v, "IDX-SOLR-DIR"))
                .extracting(JustifiedAction::kind)
                .containsExactly("Backup", "DeletePath");
    }

    @Test
    void idxSolrDirIsNotApplicableWhenTheNewHomeHasNoSolr() {
        Verdict v = decide(home(Role.NEW), presence(Role.NEW, "solr", false), presence(Role.OLD, "solr", true));

        assertThat(v.status("IDX-SOLR-DIR")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "IDX-SOLR-DIR")).isEmpty();
    }

    @Test
    void idxSolrDirIsUnknownWithoutANewHome() {
        assertThat(decide(home(Role.OLD)).status("IDX-SOLR-DIR")).isEqualTo(Status.UNKNOWN);
    }
}
