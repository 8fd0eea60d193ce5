package dev.apimupgrade.cli;

import dev.apimupgrade.rule.Condition;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.samples.ExpectedStatuses;
import dev.apimupgrade.samples.Samples;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected statuses an end-to-end assessment is compared with. Under {@code -Dgolden.update=true} it first
 * rewrites the sample's or scenario's difference file in the samples module's sources to the fewest differences that
 * give what the assessment found (ADR 0042), and returns that file's resolution, so the run passes and the diff is
 * left to read; a new difference carries a placeholder reason that ExpectedStatusFilesTest fails on until written.
 */
final class ExpectedStatusGolden {
    private ExpectedStatusGolden() {}

    static Map<String, String> expected(String name, Map<String, String> actual) {
        if (!Boolean.getBoolean("golden.update")) {
            return Samples.expectedStatuses(name);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Condition c : ConditionCatalogue.load().all()) {
            if (actual.containsKey(c.id())) {
                ordered.put(c.id(), actual.get(c.id()));
            }
        }
        Path dir = ExpectedStatuses.sourceDir();
        ExpectedStatuses.update(dir, name, ordered);
        return ExpectedStatuses.in(dir).resolve(name);
    }
}
