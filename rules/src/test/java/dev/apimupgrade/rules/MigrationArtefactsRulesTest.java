package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.artefact;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.presence;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class MigrationArtefactsRulesTest {
    private static final String ID = "PRE-MIGRATION-ARTEFACTS";
    private static final FilePresence DROPINS = presence(Role.NEW, "repository/components/dropins", true);
    private static final FilePresence NO_RESOURCES = presence(Role.NEW, "migration-resources", false);

    @Test
    void preMigrationArtefactsAppliesWithTwoIdentityMigrationJarsInTheNewHome() {
        Verdict v = decide(
                home(Role.NEW),
                DROPINS,
                NO_RESOURCES,
                artefact(Role.NEW, "dropins", "org.wso2.carbon.is.migration-1.0.23.jar"),
                artefact(Role.NEW, "dropins", "org.wso2.carbon.is.migration-1.0.90.jar"));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(v, ID))
                .isEqualTo(
                        "The 3.1.0 home holds 2 identity migration jars: "
                                + "dropins/org.wso2.carbon.is.migration-1.0.23.jar, dropins/org.wso2.carbon.is.migration-1.0.90.jar.");
    }

    @Test
    void preMigrationArtefactsAppliesWithTwoApimMigrationClientsAcrossDropinsAndLib() {
        Verdict v = decide(
                home(Role.NEW),
                DROPINS,
                NO_RESOURCES,
                artefact(Role.NEW, "dropins", "org.wso2.carbon.apimgt.migrate.client-3.1.0-2.jar"),
                artefact(Role.NEW, "lib", "org.wso2.carbon.apimgt.migrate.client-3.1.0-4.jar"));

        assertThat(v.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(v, ID)).startsWith("The 3.1.0 home holds 2 API-M migration clients");
    }

    @Test
    void preMigrationArtefactsAppliesWithAMigrationResourcesFolderOrATenantLoaderInTheNewHome() {
        Verdict resources = decide(home(Role.NEW), DROPINS, presence(Role.NEW, "migration-resources", true));
        Verdict loader =
                decide(home(Role.NEW), DROPINS, NO_RESOURCES, artefact(Role.NEW, "dropins", "tenantloader-1.0.jar"));

        assertThat(resources.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(resources, ID)).isEqualTo("The 3.1.0 home already has a migration-resources folder.");
        assertThat(loader.status(ID)).isEqualTo(Status.APPLIES);
        assertThat(said(loader, ID)).isEqualTo("The 3.1.0 dropins hold tenantloader-1.0.jar.");
    }

    @Test
    void preMigrationArtefactsIsNotApplicableWithOneJarOfEachKindAndNoResourcesOrTenantLoader() {
        Verdict v = decide(
                home(Role.NEW),
                DROPINS,
                NO_RESOURCES,
                artefact(Role.NEW, "dropins", "org.wso2.carbon.is.migration-1.0.90.jar"),
                artefact(Role.NEW, "dropins", "org.wso2.carbon.apimgt.migrate.client-3.1.0-4.jar"),
                artefact(Role.OLD, "dropins", "tenantloader-1.0.jar"));

        assertThat(v.status(ID)).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void preMigrationArtefactsIsUnknownWithoutANewHome() {
        Verdict v = decide(home(Role.OLD));

        assertThat(v.status(ID)).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, ID)).contains("No 3.1.0 home was given");
    }
}
