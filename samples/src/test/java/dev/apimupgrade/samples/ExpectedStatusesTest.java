package dev.apimupgrade.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ExpectedStatusesTest {
    static final List<String> ASSESSED = Samples.ASSESSED;

    @ParameterizedTest
    @FieldSource("ASSESSED")
    void everyCatalogueIdHasExactlyOneExpectedStatusAndNoOtherIdIsListed(String sample) {
        List<String> ids =
                ConditionCatalogue.load().all().stream().map(Condition::id).toList();
        // expectedStatuses() itself rejects an ID listed twice
        Map<String, String> expected = Samples.expectedStatuses(sample);
        assertThat(expected.keySet()).containsExactlyElementsOf(ids);
    }

    @ParameterizedTest
    @FieldSource("ASSESSED")
    void everyExpectedStatusIsOneAReportCanHold(String sample) {
        assertThat(Samples.expectedStatuses(sample).values())
                .isNotEmpty()
                .allMatch(s -> List.of("APPLIES", "NOT_APPLICABLE", "UNKNOWN").contains(s));
    }

    @ParameterizedTest
    @FieldSource("ASSESSED")
    void noBlockerConditionIsExpectedToApplySoTheAssessmentExitsZero(String sample) {
        ConditionCatalogue catalogue = ConditionCatalogue.load();
        Samples.expectedStatuses(sample).forEach((id, status) -> {
            if (status.equals("APPLIES")) {
                // PRE-BACKUP is a BLOCKER for migrate only; its rule has severity WARNING in assess
                boolean blocker = catalogue
                        .find(id)
                        .map(c -> c.severity() == Severity.BLOCKER)
                        .orElse(false);
                assertThat(blocker && !id.equals("PRE-BACKUP")).as(id).isFalse();
            }
        });
    }

    @Test
    void theCustomSampleDiffersFromTheDefaultOneWhereItsCustomisationsShow() {
        Map<String, String> stock = Samples.expectedStatuses(Samples.DEFAULT);
        Map<String, String> custom = Samples.expectedStatuses(Samples.CUSTOM);
        for (String id : List.of(
                "REG-VERSIONING-ENABLED",
                "CFG-SYNAPSE-TENANTS",
                "CFG-SYNAPSE-PROTECTED-MODIFIED",
                "CFG-EXECUTION-PLANS",
                "CFG-CUSTOM-DROPINS",
                "CFG-CUSTOM-LIB",
                "KEY-SECURE-VAULT",
                "KEY-TRUSTSTORE-CHANGED",
                "KEY-CERT-EXPIRY",
                "CFG-DB-USER",
                "ANA-ENABLED")) {
            assertThat(stock.get(id)).as(id).isEqualTo("NOT_APPLICABLE");
            assertThat(custom.get(id)).as(id).isEqualTo("APPLIES");
        }
    }
}
