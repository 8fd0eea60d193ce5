package dev.apimupgrade.cli;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.report.AssessmentJson;
import dev.apimupgrade.report.AssessmentReport;
import dev.apimupgrade.report.OutputWriter;
import dev.apimupgrade.report.RunInfo;
import dev.apimupgrade.report.TerminalSummary;
import dev.apimupgrade.report.ToolInfo;
import dev.apimupgrade.report.html.HtmlReports;
import dev.apimupgrade.rule.ConditionCatalogue;
import dev.apimupgrade.rule.RuleEngine;
import dev.apimupgrade.rule.Verdict;
import dev.apimupgrade.rules.DroolsRuleEngine;
import dev.apimupgrade.scan.AnalyticsHomeScanner;
import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.InstallationScanner;
import dev.apimupgrade.scan.AnswersScanner;
import dev.apimupgrade.scan.Scanner;
import dev.apimupgrade.scan.Scanners;
import dev.apimupgrade.scan.db.DatabaseScanner;
import dev.apimupgrade.scan.db.JdbcDrivers;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assess}: the read-only readiness assessment (scan, decide, report); it never writes to either home. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess a 3.0.0 installation for its upgrade to 3.1.0 and write assessment.json and assessment.html.",
        footer = ExitCode.HELP)
public final class AssessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--old", required = true, paramLabel = "<3.0.0 home>", description = "The API Manager 3.0.0 home to upgrade.")
    Path oldHome;

    @Option(names = "--new", paramLabel = "<3.1.0 home>", description = "The API Manager 3.1.0 home to upgrade to.")
    Path newHome;

    @Option(names = "--old-analytics", paramLabel = "<3.0.0 analytics home>",
            description = "The API-M Analytics 3.0.0 home: its datasources, dashboards and APIM_ANALYTICS_DB are read.")
    Path oldAnalytics;

    @Option(names = "--new-analytics", paramLabel = "<3.1.0 analytics home>",
            description = "The API-M Analytics 3.1.0 home to upgrade to: its WUM level, datasources and driver bundles.")
    Path newAnalytics;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "apim-upgrade-report",
            description = "Where to write the reports (default: ${DEFAULT-VALUE}). Must be outside every home.")
    Path out;

    @Option(names = "--answers", paramLabel = "<answers.yaml>",
            description = "Your answers to the questions files cannot settle (keep_registry_versioning, is_key_manager, "
                    + "distributed, unique_id_user_store: yes or no).")
    Path answers;

    @Option(names = "--no-db", description = "Do not read the databases; the conditions that need them are UNKNOWN.")
    boolean noDb;

    @Option(names = "--jdbc-driver", paramLabel = "<jar>",
            description = "A JDBC driver jar for Oracle, SQL Server or DB2 (repeatable); their checks are untested.")
    List<Path> jdbcDrivers = new ArrayList<>();

    @Option(names = "--today", hidden = true, description = "Assess as of this date (yyyy-mm-dd); for reproducible tests.")
    LocalDate today;

    @Override
    public Integer call() throws InputException, IOException {
        Instant started = Instant.now();
        Installation installation = new Installation(oldHome, Optional.ofNullable(newHome));
        AnalyticsHomes analytics = new AnalyticsHomes(Optional.ofNullable(oldAnalytics), Optional.ofNullable(newAnalytics));
        OutputLocation.requireOutside(out, installation, analytics);
        analytics.requireAnalyticsHomes(); // before the slow file walks of the API-M homes

        List<Scanner> scanners = new ArrayList<>(Scanners.files());
        scanners.add(new AnalyticsHomeScanner(analytics));
        if (answers != null) {
            scanners.add(new AnswersScanner(answers));
        }
        if (!noDb) {
            // passwords come only from the environment (APIM_UPGRADE_DB_PASSWORD_<DATASOURCE>) or the file itself
            scanners.add(new DatabaseScanner(JdbcDrivers.load(jdbcDrivers)).forOldHome(Map.of(), main.environment,
                    analytics));
        }
        Facts facts = new InstallationScanner(scanners, today == null ? LocalDate.now() : today).scan(installation);
        RuleEngine engine = new DroolsRuleEngine(ConditionCatalogue.load());
        Verdict verdict = engine.decide(facts);
        AssessmentReport report = AssessmentReport.from(installation, facts, verdict,
                new ToolInfo(ToolVersion.NAME, ToolVersion.version(), engine.rulePackHash()));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("assessment.json", utf8(AssessmentJson.toJson(report)));
        files.put("assessment.html", utf8(HtmlReports.assessment(report)));
        files.put("run.json", utf8(AssessmentJson.runJson(new RunInfo(started.toString(), Instant.now().toString(),
                hostName(), "assess"))));
        OutputWriter.writeAll(out, files);

        spec.commandLine().getOut().print(TerminalSummary.render(report));
        spec.commandLine().getOut().println("Reports written to " + out.resolve("assessment.html") + " and assessment.json");
        return verdict.blockers().isEmpty() ? ExitCode.READY : ExitCode.BLOCKERS;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
