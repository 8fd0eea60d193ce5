package dev.apimupgrade.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What settles an UNKNOWN condition, picked out of what its rules said (as assess and migrate then print it). */
class SettlementTest {

    @Test
    void aFlagAnEnvironmentVariableAndAnAnswersKeyAreEachNamed() {
        assertThat(
                        Settlement.of(
                                List.of(
                                        "The analytics database is not configured (give the 3.0.0 analytics home with"
                                                + " --old-analytics, whose worker deployment.yaml names APIM_ANALYTICS_DB); not read: shared_db (password"
                                                + " is the secret reference $secret{x}; supply it through APIM_UPGRADE_DB_PASSWORD_SHARED_DB).")))
                .containsExactly("--old-analytics", "the environment variable APIM_UPGRADE_DB_PASSWORD_SHARED_DB");
        assertThat(Settlement.of(
                        List.of("Registry versioning is on. Keep it? Answer keep_registry_versioning: yes or no.")))
                .containsExactly("the answers key keep_registry_versioning (--answers)");
    }

    @Test
    void databasesNotReadAndADependencyAreNamedAsWhatToDo() {
        assertThat(Settlement.of(List.of(
                        "The databases were not read (no datasource was scanned), so AM_SYSTEM_APPS"
                                + " could not be checked.",
                        "Depends on IDN-IS-KEY-MANAGER, which is open.")))
                .containsExactly("reading the databases (run without --no-db)", "settling IDN-IS-KEY-MANAGER first");
    }

    @Test
    void withNothingNamedTheLineQuotesTheFirstLineOfWhatTheRulesSaid() {
        assertThat(Settlement.line(
                        List.of("The truststore t.jks did not open (bad format),\nso its entries were not read.")))
                .isEqualTo("needs: The truststore t.jks did not open (bad format),");
        assertThat(Settlement.line(List.of())).isEqualTo("needs: the evidence it needs was not gathered");
        assertThat(Settlement.line(List.of("give it with --new-analytics"))).isEqualTo("settled by --new-analytics");
    }
}
