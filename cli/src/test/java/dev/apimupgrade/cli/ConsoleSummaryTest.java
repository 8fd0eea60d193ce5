package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
    @Test
    void aReadableDetailIsPrintedWhole() {
        assertThat(ConsoleSummary.of(
                        "NEW:repository/tenants/1/synapse-configs/default/api/a.xml differs", "after-report.json"))
                .isEqualTo("NEW:repository/tenants/1/synapse-configs/default/api/a.xml differs");
    }

    @Test
    void aLongDetailIsCutAndCountedPerTenantWithTheFullListLeftToTheJson() {
        String detail = IntStream.rangeClosed(1, 3000)
                .mapToObj(
                        i -> "NEW:repository/tenants/" + (i % 12 + 1) + "/synapse-configs/default/api/api" + i + ".xml")
                .collect(Collectors.joining(", "));
        String line = ConsoleSummary.of(detail, "after-report.json");
        assertThat(line)
                .hasSizeLessThan(ConsoleSummary.READABLE + 300)
                .startsWith(detail.substring(0, 100))
                .contains(detail.length() + " characters in all")
                .contains("per tenant: 1: 250, 2: 250")
                .contains("and 2 more tenants")
                .endsWith("the full list is in after-report.json)");
    }
}
