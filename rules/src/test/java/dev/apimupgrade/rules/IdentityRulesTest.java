package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.Given.answer;
import static dev.apimupgrade.rules.Given.home;
import static dev.apimupgrade.rules.Given.setting;
import static dev.apimupgrade.rules.RuleHarness.actions;
import static dev.apimupgrade.rules.RuleHarness.decide;
import static dev.apimupgrade.rules.RuleHarness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityRulesTest {
    /** The steps that follow from the built-in Key Manager (IDN-* follow the IDN-IS-KEY-MANAGER finding). */
    private static final List<String> STEPS =
            List.of("IDN-MIGRATION-RESOURCES", "IDN-MIGRATION-JAR", "IDN-USER-STORE-TYPE", "IDN-RUN");

    private static TomlSetting oldTomlRead() {
        return setting(Role.OLD, "server.hostname", "localhost");
    }

    private static TomlSetting keyManagerUrl(String url) {
        return setting(Role.OLD, "apim.key_manager.service_url", url);
    }

    @Test
    void idnIsKeyManagerAppliesWhenTheOperatorAnswersYes() {
        Verdict v = decide(answer("is_key_manager", "yes"), keyManagerUrl("https://is.example.com:9444/services/"));

        assertThat(v.status("IDN-IS-KEY-MANAGER")).isEqualTo(Status.APPLIES);
    }

    @Test
    void idnIsKeyManagerIsNotApplicableWithoutKeyManagerSettings() {
        Verdict v = decide(oldTomlRead());

        assertThat(v.status("IDN-IS-KEY-MANAGER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "IDN-IS-KEY-MANAGER")).contains("built-in Key Manager");
    }

    @Test
    void idnIsKeyManagerIsNotApplicableWhenKeyManagerSettingsNameNoServiceUrl() {
        Verdict v = decide(setting(Role.OLD, "apim.key_manager.username", "admin"));

        assertThat(v.status("IDN-IS-KEY-MANAGER")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(said(v, "IDN-IS-KEY-MANAGER")).contains("no apim.key_manager.service_url points elsewhere");
    }

    @Test
    void idnIsKeyManagerIsNotApplicableWhenTheKeyManagerUrlIsThisServer() {
        assertThat(decide(keyManagerUrl("https://localhost:${mgt.transport.https.port}/services/"))
                        .status("IDN-IS-KEY-MANAGER"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void idnIsKeyManagerIsNotApplicableWhenTheOperatorAnswersNoDespiteARemoteUrl() {
        assertThat(decide(answer("is_key_manager", "no"), keyManagerUrl("https://is.example.com:9444/services/"))
                        .status("IDN-IS-KEY-MANAGER"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void idnIsKeyManagerIsUnknownAndAsksWhenTheKeyManagerUrlIsAnotherServerAndUnanswered() {
        Verdict v = decide(keyManagerUrl("https://localhost:9444/services/"));

        assertThat(v.status("IDN-IS-KEY-MANAGER")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "IDN-IS-KEY-MANAGER")).contains("localhost:9444", "is_key_manager");
    }

    @Test
    void idnIsKeyManagerIsUnknownWithoutTheOldToml() {
        assertThat(decide(home(Role.OLD)).status("IDN-IS-KEY-MANAGER")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void idnMigrationResourcesIdnMigrationJarIdnUserStoreTypeAndIdnRunApplyForTheBuiltInKeyManager() {
        Verdict v =
                decide(oldTomlRead(), home(Role.NEW), setting(Role.NEW, "user_store.type", "\"database_unique_id\""));

        assertThat(STEPS).allSatisfy(id -> assertThat(v.status(id)).as(id).isEqualTo(Status.APPLIES));
        assertThat(actions(v, "IDN-RUN"))
                .singleElement()
                .satisfies(a -> assertThat(a.params().get("command")).contains("-Dmigrate -Dcomponent=identity"));
        assertThat(actions(v, "IDN-MIGRATION-RESOURCES")).hasSize(1);
        assertThat(actions(v, "IDN-MIGRATION-JAR")).hasSize(1);
    }

    @Test
    void idnMigrationResourcesIdnMigrationJarAndIdnRunCiteTheOldHomesVersionsSeenNotAnEmptyEvidenceTable() {
        Verdict v = decide(
                oldTomlRead(),
                home(Role.NEW),
                Given.version(Role.OLD, "carbon.xml", "3.0.0"),
                Given.version(Role.NEW, "carbon.xml", "3.1.0"));

        for (String id : List.of("IDN-MIGRATION-RESOURCES", "IDN-MIGRATION-JAR", "IDN-RUN")) {
            assertThat(v.result(id).evidence())
                    .as(id)
                    .extracting(e -> e.observed())
                    .containsExactly("carbon.xml says 3.0.0");
            assertThat(actions(v, id))
                    .as(id)
                    .singleElement()
                    .satisfies(a -> assertThat(a.evidence())
                            .extracting(e -> e.observed())
                            .containsExactly("carbon.xml says 3.0.0"));
        }
    }

    @Test
    void idnMigrationResourcesIdnMigrationJarIdnUserStoreTypeAndIdnRunAreNotApplicableWhenIsIsTheKeyManager() {
        Verdict v = decide(answer("is_key_manager", "yes"));

        assertThat(STEPS).allSatisfy(id -> assertThat(v.status(id)).as(id).isEqualTo(Status.NOT_APPLICABLE));
        assertThat(v.actions()).isEmpty();
    }

    @Test
    void idnMigrationResourcesIdnMigrationJarIdnUserStoreTypeAndIdnRunAreUnknownWhileTheKeyManagerIsOpen() {
        Verdict v = decide(keyManagerUrl("https://is.example.com:9443/services/"));

        assertThat(STEPS).allSatisfy(id -> assertThat(v.status(id)).as(id).isEqualTo(Status.UNKNOWN));
        assertThat(v.result("IDN-RUN").evidence())
                .extracting(e -> e.observed())
                .containsExactly("apim.key_manager.service_url = https://is.example.com:9443/services/");
    }

    @Test
    void idnMigrationResourcesIdnMigrationJarIdnUserStoreTypeAndIdnRunAreUnknownWithoutTheOldToml() {
        Verdict v = decide(home(Role.OLD));

        assertThat(STEPS).allSatisfy(id -> assertThat(v.status(id)).as(id).isEqualTo(Status.UNKNOWN));
    }

    @Test
    void idnUserStoreTypeSetsDatabaseWhenTheNewTypeIsUnsetOrNoNewHomeIsGiven() {
        Verdict v = decide(oldTomlRead());

        assertThat(v.status("IDN-USER-STORE-TYPE")).isEqualTo(Status.APPLIES);
        assertThat(said(v, "IDN-USER-STORE-TYPE")).contains("not set");
        assertThat(actions(v, "IDN-USER-STORE-TYPE")).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo("user_store.type");
            assertThat(a.params()).containsEntry("value", "database");
        });
    }

    @Test
    void idnUserStoreTypeIsNotApplicableWhenTheNewTypeIsAlreadyDatabase() {
        Verdict v = decide(oldTomlRead(), setting(Role.NEW, "user_store.type", "\"database\""));

        assertThat(v.status("IDN-USER-STORE-TYPE")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(actions(v, "IDN-USER-STORE-TYPE")).isEmpty();
    }

    @Test
    void idnUniqueIdUserstoreAppliesWhenTheOperatorWantsUniqueIdUserStores() {
        assertThat(decide(answer("unique_id_user_store", "yes")).status("IDN-UNIQUE-ID-USERSTORE"))
                .isEqualTo(Status.APPLIES);
    }

    @Test
    void idnUniqueIdUserstoreIsNotApplicableWhenTheOperatorAnswersNo() {
        assertThat(decide(answer("unique_id_user_store", "no")).status("IDN-UNIQUE-ID-USERSTORE"))
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void idnUniqueIdUserstoreIsUnknownAndAsksWhenUnanswered() {
        Verdict v = decide(home(Role.OLD));

        assertThat(v.status("IDN-UNIQUE-ID-USERSTORE")).isEqualTo(Status.UNKNOWN);
        assertThat(said(v, "IDN-UNIQUE-ID-USERSTORE")).contains("unique_id_user_store");
    }
}
