package dev.apimupgrade.cli;

import dev.apimupgrade.execute.Preflight;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.plan.Fingerprint;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.ScannedFiles;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The scan and decision migrate takes just before executing, with the scanners assess uses and the fingerprint
 * computed as the plan's was (facts plus the digest of every file they came from), so a plan made from the same
 * state matches; the scanning itself is the shared InstallationOptions'.
 */
record MigrateScan(Installation installation, AnalyticsHomes analytics, Path answers, boolean noDb,
                   List<Path> jdbcDrivers, LocalDate today, Map<String, String> environment) {

    /** What one scan produced, with the verdict the plan would be made from. */
    record Result(Facts facts, Verdict verdict, ConditionCatalogue catalogue, Fingerprint fingerprint) {
    }

    Result scan() throws InputException {
        InstallationOptions.Assessed a = options().assess(environment);
        Facts withDigests = a.facts().plus(ScannedFiles.digests(installation, analytics, a.facts()));
        return new Result(withDigests, a.verdict(), a.catalogue(),
                Fingerprint.of(withDigests, a.verdict().rulePackHash(), ToolVersion.version()));
    }

    /** The same options assess and plan take, so migrate scans and decides exactly as the plan was made. */
    private InstallationOptions options() {
        InstallationOptions o = new InstallationOptions();
        o.oldHome = installation.oldHome();
        o.newHome = installation.newHome().orElse(null);
        o.oldAnalytics = analytics.home(Role.OLD).orElse(null);
        o.newAnalytics = analytics.home(Role.NEW).orElse(null);
        o.answers = answers;
        o.noDb = noDb;
        o.jdbcDrivers = jdbcDrivers;
        o.today = today;
        return o;
    }

    Preflight preflight() {
        return () -> {
            Result r = scan();
            return new Preflight.Snapshot(r.facts(), r.fingerprint(), r.verdict().blockers(),
                    DatasourceSpecs.read(installation, analytics, Map.of(), environment));
        };
    }
}
