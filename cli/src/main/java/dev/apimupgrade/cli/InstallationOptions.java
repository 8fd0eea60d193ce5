package dev.apimupgrade.cli;

import dev.apimupgrade.fact.AnalyticsPackElsewhere;
import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.plan.PlanInputs;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.RuleEngine;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.rules.DroolsRuleEngine;
import dev.apimupgrade.scan.AnalyticsHomeScanner;
import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.AnswersScanner;
import dev.apimupgrade.scan.Deployment;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.InstallationScanner;
import dev.apimupgrade.scan.ScannedFiles;
import dev.apimupgrade.scan.Scanner;
import dev.apimupgrade.scan.Scanners;
import dev.apimupgrade.scan.Snapshot;
import dev.apimupgrade.scan.db.DatabaseScanner;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.scan.db.H2Url;
import dev.apimupgrade.scan.db.JdbcDrivers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The options that name an installation and how to read it, and the scan and decision every command starts with
 * (assess reports it, plan turns it into a plan), so both read an installation exactly the same way.
 */
final class InstallationOptions {
    private static final Logger LOG = LoggerFactory.getLogger(InstallationOptions.class);

    /** What one scan and decision produced. */
    record Assessed(
            Installation installation,
            AnalyticsHomes analytics,
            Facts facts,
            Verdict verdict,
            ToolInfo tool,
            ConditionCatalogue catalogue) {
        /** The facts plus the digest of every file they were read from: what a plan's fingerprint covers. */
        Facts factsWithFileDigests() {
            return facts.plus(ScannedFiles.digests(installation, analytics, facts));
        }

        /** The 3.0.0 home as its node knows it: the home collect read when the old home is a snapshot (ADR 0044). */
        String oldHomeOnNode() {
            return installation
                    .oldSnapshot()
                    .map(Snapshot.Origin::home)
                    .orElse(installation.oldHome().toString());
        }
    }

    @Option(
            names = "--old",
            paramLabel = "<3.0.0 home>",
            description = "The API Manager 3.0.0 home to upgrade (plan --check and migrate: the one plan.json names).")
    Path oldHome;

    @Option(names = "--new", paramLabel = "<3.1.0 home>", description = "The API Manager 3.1.0 home to upgrade to.")
    Path newHome;

    @Option(
            names = "--old-analytics",
            paramLabel = "<3.0.0 analytics home>",
            description = "The API-M Analytics 3.0.0 home: its datasources, dashboards and APIM_ANALYTICS_DB are read.")
    Path oldAnalytics;

    @Option(
            names = "--new-analytics",
            paramLabel = "<3.1.0 analytics home>",
            description =
                    "The API-M Analytics 3.1.0 home to upgrade to: its WUM level, datasources and driver bundles.")
    Path newAnalytics;

    @Option(
            names = "--answers",
            paramLabel = "<answers.yaml>",
            description =
                    "Your answers to the questions files cannot settle (keep_registry_versioning, is_key_manager, "
                            + "distributed, unique_id_user_store: yes or no); migrate also reads its migrate: section"
                            + " (confirmed steps, database_backup), see docs/answers.md.")
    Path answers;

    @Option(names = "--no-db", description = "Do not read the databases; the conditions that need them are UNKNOWN.")
    boolean noDb;

    @Option(
            names = "--jdbc-driver",
            paramLabel = "<jar>",
            description = "A JDBC driver jar for Oracle, SQL Server or DB2 (repeatable); their checks are untested.")
    List<Path> jdbcDrivers = new ArrayList<>();

    @Option(
            names = "--today",
            hidden = true,
            description = "Assess as of this date (yyyy-mm-dd); for reproducible tests.")
    LocalDate today;

    /**
     * Whether --old may name a snapshot apim-upgrade collect made: assess and plan read one (ADR 0034, 0044); migrate,
     * verify and rollback change or check the home itself.
     */
    boolean snapshots;

    /** The snapshot --old names, unpacked by the first scan (ADR 0034); null when --old is a home. */
    private Snapshot.Opened oldSnapshot;

    /** The new home's files as the first plan of a run saw them (set when a plan continues a run). */
    Map<String, Path> newHomeAsPlanned = Map.of();

    /**
     * For a node of a deployment that names the analytics homes on other nodes: the deployment and those nodes
     * (ADR 0040), observed as {@link AnalyticsPackElsewhere} so the guide's analytics steps are not this node's.
     */
    private AnalyticsPackElsewhere analyticsElsewhere;

    /** The environment variables the last scan read and found set: their names only. */
    private final Set<String> environmentRead = new ConcurrentSkipListSet<>(); // scanners run side by side

    /**
     * These options as the operator would type them again for {@code command} (paths as given, never a password:
     * passwords come from the environment), so a printed next command runs on the same installation the same way.
     */
    String commandLine(String command) {
        StringBuilder line = new StringBuilder("apim-upgrade ").append(command);
        option(line, "--old", oldHome);
        option(line, "--new", newHome);
        option(line, "--old-analytics", oldAnalytics);
        option(line, "--new-analytics", newAnalytics);
        option(line, "--answers", answers);
        if (noDb) {
            line.append(" --no-db");
        }
        jdbcDrivers.forEach(jar -> option(line, "--jdbc-driver", jar));
        return line.toString();
    }

    private static void option(StringBuilder line, String name, Path value) {
        if (value != null) {
            String text = value.toString();
            line.append(' ')
                    .append(name)
                    .append(' ')
                    .append(text.matches("[\\w./:@%+,=-]+") ? text : "'" + text.replace("'", "'\\''") + "'");
        }
    }

    /** These options for one node of a deployment: its homes, and every other option as given. */
    InstallationOptions forNode(Path old, Path newer) {
        InstallationOptions one = new InstallationOptions();
        one.oldHome = old;
        one.newHome = newer;
        one.answers = answers;
        one.noDb = noDb;
        one.jdbcDrivers = jdbcDrivers;
        one.today = today;
        one.snapshots = snapshots;
        return one;
    }

    /**
     * These options for a node of {@code deployment}: its homes ({@code newer} may stand in for the node's new: home),
     * its analytics homes, and the other nodes' analytics pack when the file names one elsewhere.
     */
    InstallationOptions forNode(Deployment deployment, Deployment.Node node, Path newer) {
        InstallationOptions one = forNode(node.oldHome(), newer);
        one.oldAnalytics = node.analytics().oldHome().orElse(null);
        one.newAnalytics = node.analytics().newHome().orElse(null);
        one.analyticsPackOn(deployment.name(), deployment.analyticsNodes(), node.name());
        return one;
    }

    /** Notes that the deployment {@code deployment} names the analytics homes on {@code nodes}, when {@code node} is not one. */
    void analyticsPackOn(String deployment, List<String> nodes, String node) {
        analyticsElsewhere =
                nodes.isEmpty() || nodes.contains(node) ? null : new AnalyticsPackElsewhere(deployment, nodes);
    }

    /** Every path given as typed, made absolute: what plan.json records and the fingerprint binds. */
    Installation installation() {
        if (oldSnapshot != null) {
            return new Installation(
                    oldSnapshot.home(),
                    Optional.ofNullable(absolute(newHome)),
                    newHomeAsPlanned,
                    Optional.of(oldSnapshot.origin()));
        }
        return new Installation(absolute(oldHome), Optional.ofNullable(absolute(newHome)), newHomeAsPlanned);
    }

    AnalyticsHomes analytics() {
        return new AnalyticsHomes(
                Optional.ofNullable(absolute(oldAnalytics)), Optional.ofNullable(absolute(newAnalytics)));
    }

    static Path absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    /** The 3.0.0 home is needed by every scan; plan --check and migrate take it from plan.json. */
    void requireOld() throws InputException {
        if (oldHome == null) {
            throw new InputException("--old", "missing: give the API Manager 3.0.0 home (--old <3.0.0 home>)");
        }
    }

    /** How this scan was made, for plan.json; {@code run} is the run folder a plan made mid-run continues. */
    PlanInputs inputs(Path run) {
        PlanInputs.AnswersFile answersFile = answers == null
                ? null
                : new PlanInputs.AnswersFile(absolute(answers).toString(), FileDigest.sha256(absolute(answers)));
        PlanInputs.SnapshotSource source = oldSnapshot == null
                ? null
                : new PlanInputs.SnapshotSource(
                        text(oldHome),
                        oldSnapshot.origin().host(),
                        oldSnapshot.origin().collectedAt());
        return new PlanInputs(
                // a plan made from a snapshot is carried out on the node: its home there is the one migrate reads
                oldSnapshot == null ? text(oldHome) : oldSnapshot.origin().home(),
                text(newHome),
                text(oldAnalytics),
                text(newAnalytics),
                answersFile,
                noDb,
                jdbcDrivers.stream().map(p -> absolute(p).toString()).toList(),
                today == null ? null : today.toString(),
                // the workstation's passwords for a snapshot's masked ones: on the node the file holds them
                oldSnapshot == null ? List.copyOf(environmentRead) : List.of(),
                text(run),
                source);
    }

    /**
     * A plan made from a snapshot binds what migrate will read on the node. An embedded H2 database is not carried
     * (ADR 0034): read here it is "not found", on the node it is read, so the plan's checks of it (PRE-ALREADY-MIGRATED,
     * the scripts' pre- and post-conditions) and its fingerprint would not be the node's. Such a datasource is bad
     * input naming it and its file, unless the databases are not read at all (--no-db).
     */
    void requirePlannableFromSnapshot(String node) throws InputException {
        if (oldSnapshot == null || noDb) {
            return;
        }
        Path home = oldSnapshot.home();
        Set<String> onNode = new TreeSet<>();
        oldSnapshot.manifest().notCarried().forEach(l -> onNode.add(l.path()));
        List<String> embedded = new ArrayList<>();
        for (DatasourceSpec spec :
                DatasourceSpecs.read(installation(), Map.of(), Map.of()).all()) {
            if (spec.kind().orElse(null) != DatabaseProduct.H2) {
                continue;
            }
            Optional<Path> file = H2Url.parse(spec.configuredUrl())
                    .flatMap(u -> u.databasePath(home))
                    .map(H2Url::mvFile);
            if (file.isEmpty()) {
                continue;
            }
            boolean inHome = file.get().startsWith(home);
            String relative = inHome
                    ? Installation.relative(home, file.get())
                    : file.get().toString();
            if (!inHome || onNode.contains(relative)) {
                embedded.add(spec.name() + " (" + relative + ")");
            }
        }
        if (!embedded.isEmpty()) {
            throw new InputException(
                    text(oldHome),
                    (node == null ? "" : "node " + node + ": ")
                            + "the embedded H2 database of datasource " + String.join(", ", embedded)
                            + " is on the node, and a snapshot does not carry it: the plan's checks of it"
                            + " (PRE-ALREADY-MIGRATED, its scripts) need its content. Plan this node from its home ("
                            + oldSnapshot.origin().home() + " on "
                            + oldSnapshot.origin().host() + "), or with --no-db");
        }
    }

    private static String text(Path p) {
        return p == null ? null : absolute(p).toString();
    }

    /** Scans both homes (and the databases unless --no-db) and lets the rules decide. */
    Assessed assess(Map<String, String> environment) throws InputException {
        requireOld();
        environment = reading(environment);
        if (snapshots && oldSnapshot == null && Files.isRegularFile(absolute(oldHome))) {
            oldSnapshot = Snapshot.open(absolute(oldHome));
        }
        Installation installation = installation();
        AnalyticsHomes analytics = analytics();
        analytics.requireAnalyticsHomes(); // before the slow file walks of the API-M homes
        List<Scanner> scanners = new ArrayList<>(Scanners.files());
        scanners.add(new AnalyticsHomeScanner(analytics));
        if (analyticsElsewhere != null && analytics.homes().isEmpty()) {
            AnalyticsPackElsewhere elsewhere = analyticsElsewhere;
            scanners.add(scanned -> List.of(elsewhere));
        }
        if (answers != null) {
            scanners.add(new AnswersScanner(answers));
        }
        if (!noDb) {
            // passwords come only from the environment (APIM_UPGRADE_DB_PASSWORD_<DATASOURCE>) or the file itself
            scanners.add(
                    new DatabaseScanner(JdbcDrivers.load(jdbcDrivers)).forOldHome(Map.of(), environment, analytics));
        }
        // the rule base is built from the compiled model while the homes are read: it needs nothing from them
        FutureTask<Rules> rules = new FutureTask<>(() -> {
            ConditionCatalogue loaded = ConditionCatalogue.load();
            return new Rules(loaded, new DroolsRuleEngine(loaded));
        });
        Thread building = new Thread(rules, "apim-upgrade-rules");
        building.setDaemon(true);
        building.start();
        Facts facts = new InstallationScanner(scanners, today == null ? LocalDate.now() : today).scan(installation);
        long started = System.nanoTime();
        ConditionCatalogue catalogue = ready(rules).catalogue();
        RuleEngine engine = ready(rules).engine();
        Verdict verdict = engine.decide(facts);
        LOG.debug(
                "rules: {} conditions decided in {} ms after the scan, {} blockers apply, {} blockers undecided,"
                        + " {} actions",
                verdict.results().size(),
                (System.nanoTime() - started) / 1_000_000,
                verdict.blockers().size(),
                verdict.undecidedBlockers().size(),
                verdict.actions().size());
        return new Assessed(
                installation,
                analytics,
                facts,
                verdict,
                new ToolInfo(ToolVersion.NAME, ToolVersion.version(), engine.rulePackHash()),
                catalogue);
    }

    /** The catalogue and the rule base made from it. */
    private record Rules(ConditionCatalogue catalogue, RuleEngine engine) {}

    private static Rules ready(FutureTask<Rules> rules) {
        try {
            return rules.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rule base was built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The environment as the scanners see it, noting which variables they read and found set. */
    private Map<String, String> reading(Map<String, String> environment) {
        return new java.util.AbstractMap<>() {
            @Override
            public String get(Object key) {
                String value = environment.get(key);
                if (value != null) {
                    environmentRead.add(String.valueOf(key));
                }
                return value;
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return environment.entrySet();
            }
        };
    }
}
