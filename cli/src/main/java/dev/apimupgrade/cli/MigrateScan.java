package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Preflight;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.RuleEngine;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.rules.DroolsRuleEngine;
import dev.apimupgrade.scan.AnalyticsHomeScanner;
import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.AnswersScanner;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.InstallationScanner;
import dev.apimupgrade.scan.ScannedFiles;
import dev.apimupgrade.scan.Scanner;
import dev.apimupgrade.scan.Scanners;
import dev.apimupgrade.scan.db.DatabaseScanner;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.scan.db.JdbcDrivers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scan and decision migrate takes just before executing, with the scanners assess uses and the fingerprint
 * computed as the plan's was (facts plus the digest of every file they came from), so a plan made from the same
 * state matches. (When the plan command's shared InstallationOptions is on main, this should delegate to it.)
 */
record MigrateScan(Installation installation, AnalyticsHomes analytics, Path answers, boolean noDb,
                   List<Path> jdbcDrivers, LocalDate today, Map<String, String> environment) {

    /** What one scan produced, with the verdict the plan would be made from. */
    record Result(Facts facts, Verdict verdict, ConditionCatalogue catalogue, Fingerprint fingerprint) {
    }

    Result scan() throws InputException {
        List<Scanner> scanners = new ArrayList<>(Scanners.files());
        scanners.add(new AnalyticsHomeScanner(analytics));
        if (answers != null) {
            scanners.add(new AnswersScanner(answers));
        }
        if (!noDb) {
            scanners.add(new DatabaseScanner(JdbcDrivers.load(jdbcDrivers)).forOldHome(Map.of(), environment,
                    analytics));
        }
        Facts facts = new InstallationScanner(scanners, today == null ? LocalDate.now() : today).scan(installation);
        Facts withDigests = facts.plus(ScannedFiles.digests(installation, facts));
        ConditionCatalogue catalogue = ConditionCatalogue.load();
        RuleEngine engine = new DroolsRuleEngine(catalogue);
        Verdict verdict = engine.decide(facts);
        return new Result(withDigests, verdict, catalogue,
                Fingerprint.of(withDigests, verdict.rulePackHash(), ToolVersion.version()));
    }

    Preflight preflight() {
        return () -> {
            Result r = scan();
            return new Preflight.Snapshot(r.facts(), r.fingerprint(), r.verdict().blockers(),
                    DatasourceSpecs.read(installation, analytics, Map.of(), environment));
        };
    }
}
