package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.RuleHarness.decide;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.RegistryVersioning;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import org.junit.jupiter.api.Test;

class RegistryRulesTest {
    private static RegistryVersioning flag(String name, boolean on) {
        return new RegistryVersioning(Role.OLD, name, on, SourceRef.line(Role.OLD, "repository/conf/registry.xml", 40));
    }

    @Test
    void regVersioningEnabledAppliesWhenOneFlagIsTrueAndJustifiesTheCleanupScript() {
        Verdict v = decide(flag("versioningProperties", true), flag("versioningTags", false));

        assertThat(v.status("REG-VERSIONING-ENABLED")).isEqualTo(Status.APPLIES);
        assertThat(v.result("REG-VERSIONING-ENABLED").evidence()).extracting(e -> e.observed())
                .containsExactly("versioningProperties = true");
        assertThat(v.actions()).anySatisfy(a -> {
            assertThat(a.conditionId()).isEqualTo("REG-VERSIONING-ENABLED");
            assertThat(a.kind()).isEqualTo("RunSqlScript");
        });
    }

    @Test
    void regVersioningEnabledIsNotApplicableWhenAllFlagsAreFalse() {
        Verdict v = decide(flag("versioningProperties", false), flag("versioningComments", false));

        assertThat(v.status("REG-VERSIONING-ENABLED")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(v.actions()).noneMatch(a -> a.conditionId().equals("REG-VERSIONING-ENABLED"));
    }

    @Test
    void regVersioningEnabledIsUnknownWithoutAnyRegistryObservation() {
        assertThat(decide().status("REG-VERSIONING-ENABLED")).isEqualTo(Status.UNKNOWN);
    }
}
