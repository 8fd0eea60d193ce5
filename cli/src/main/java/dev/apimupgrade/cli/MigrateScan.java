package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Preflight;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scan and decision migrate takes just before executing, with the scanners assess uses and the fingerprint
 * computed as the plan's was (facts plus the digest of every file they came from), so a plan made from the same
 * state matches; the scanning itself is the shared InstallationOptions'.
 */
record MigrateScan(InstallationOptions options, Map<String, String> environment) {

    /** What one scan produced, with the verdict the plan would be made from. */
    record Result(Facts facts, Verdict verdict, ConditionCatalogue catalogue, Fingerprint fingerprint) {}

    Result scan() throws InputException {
        InstallationOptions.Assessed a = options.assess(environment);
        Facts withDigests = a.factsWithFileDigests();
        return new Result(
                withDigests,
                a.verdict(),
                a.catalogue(),
                Fingerprint.of(withDigests, a.verdict().rulePackHash(), a.tool().version()));
    }

    Preflight preflight() {
        return () -> {
            Result r = scan();
            // an undecided blocker is as open as one that applies: migrate refuses both, naming what settles it
            List<ConditionResult> open = new ArrayList<>(r.verdict().blockers());
            open.addAll(r.verdict().undecidedBlockers());
            return new Preflight.Snapshot(
                    r.facts(),
                    r.fingerprint(),
                    open,
                    DatasourceSpecs.read(options.installation(), options.analytics(), Map.of(), environment));
        };
    }
}
