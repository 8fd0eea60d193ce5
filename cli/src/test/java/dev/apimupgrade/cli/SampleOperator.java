package dev.apimupgrade.cli;

import dev.apimupgrade.plan.PlanStep;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * What an operator does at each stop of migrate on a sample's copies, where no WSO2 server runs: the files a step
 * asks for are put in place or removed as the step says, and a server start is the log a 3.1.0 start writes. A
 * step it does not know fails the test, so a new manual step is never confirmed without being done.
 */
final class SampleOperator {
    static final String SYNAPSE = "repository/deployment/server/synapse-configs/default";
    static final String DROPINS = "repository/components/dropins/";
    static final String LOG = "repository/logs/wso2carbon.log";

    private final Path oldHome;
    private final Path newHome;
    private final Path oldAnalytics;
    private final Path newAnalytics;
    private int starts;

    SampleOperator(Path oldHome, Path newHome) {
        this(oldHome, newHome, null, null);
    }

    /**
     * With the analytics homes: the 3.0.0 one, whose database a script the operator runs by hand changes (H2 outside
     * the API-M home), and the 3.1.0 one the analytics steps change.
     */
    SampleOperator(Path oldHome, Path newHome, Path oldAnalytics, Path newAnalytics) {
        this.oldHome = oldHome;
        this.newHome = newHome;
        this.oldAnalytics = oldAnalytics;
        this.newAnalytics = newAnalytics;
    }

    void doStep(PlanStep step) throws Exception {
        switch (step.conditionId()) {
            case "CFG-SYNAPSE-PROTECTED-MODIFIED" -> reApply(step);
            case "KEY-SECURE-VAULT" -> secrets();
            // the samples do not use API Security Audit, so there is no 42Crunch certificate to import
            case "KEY-42CRUNCH-CERT" -> { }
            case "IDN-MIGRATION-RESOURCES" -> migrationResources();
            case "IDN-MIGRATION-JAR" -> jar(DROPINS + "org.wso2.carbon.is.migration-1.0.90.jar");
            case "IDN-RUN" -> {
                start("org.wso2.carbon.is.migration.MigrationClientImpl - Migration completed successfully.");
                removeMigrationFiles();
            }
            case "APIM-CLIENT" -> {
                migrationResources();
                jar(DROPINS + "org.wso2.carbon.apimgt.migrate.client-3.1.0-6.jar");
                start("org.wso2.carbon.apimgt.migration.APIMMigrationService - API Manager 3.0.0 to 3.1.0 migration"
                        + " completed.");
                removeMigrationFiles();
            }
            case "IDX-TENANTLOADER" -> tenantLoader(step);
            case "ANA-DATASOURCES" -> analyticsDatasources();
            case "ANA-CUSTOM-DASHBOARDS" -> customDashboards();
            // the analytics database is an H2 file outside the old home: the runbook's script, run by hand
            case "ANA-DB-PK" -> MigrateCustomSampleTest.runTheAnalyticsScriptByHand(oldAnalytics);
            case "FIN-RESTART" -> start(null);
            default -> throw new AssertionError("the sample operator does not know how to do " + step.id() + ": "
                    + step.params());
        }
    }

    /** The 3.0.0 customisation put into the 3.1.0 file, as the unified diff in the step's evidence shows it. */
    private void reApply(PlanStep step) throws IOException {
        String diff = step.evidence().stream().map(e -> e.observed())
                .filter(o -> o.contains("+++ OLD:" + step.target() + "\n") && o.contains("\n@@ ")).findFirst()
                .orElseThrow(() -> new AssertionError("the step " + step.id() + " does not show the diff"));
        Path file = newHome.resolve(step.target());
        Files.writeString(file, applyAdded(Files.readString(file), diff));
    }

    /** APIM_ANALYTICS_DB of the 3.1.0 worker and dashboard pointed at the 3.0.0 analytics database. */
    private void analyticsDatasources() throws IOException {
        String url = "jdbcUrl: 'jdbc:h2:" + oldAnalytics.resolve("wso2/worker/database/WSO2AM_STATS_DB")
                + ";AUTO_SERVER=TRUE'";
        for (String profile : List.of("worker", "dashboard")) {
            Path yaml = newAnalytics.resolve("conf/" + profile + "/deployment.yaml");
            List<String> lines = new ArrayList<>(Files.readAllLines(yaml));
            int at = lines.indexOf(lines.stream().filter(l -> l.strip().equals("- name: APIM_ANALYTICS_DB"))
                    .findFirst().orElseThrow(() -> new AssertionError("no APIM_ANALYTICS_DB in " + yaml)));
            for (int i = at; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("jdbcUrl:")) {
                    String indent = lines.get(i).substring(0, lines.get(i).indexOf("jdbcUrl:"));
                    lines.set(i, indent + url);
                    break;
                }
            }
            Files.write(yaml, lines);
        }
    }

    /** The 3.0.0 dashboards and widgets that the 3.1.0 analytics home does not have, copied into it. */
    private void customDashboards() throws IOException {
        for (String dir : List.of("wso2/dashboard/resources/dashboards",
                "wso2/dashboard/deployment/web-ui-apps/analytics-dashboard/extensions/widgets")) {
            Path from = oldAnalytics.resolve(dir);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = newAnalytics.resolve(dir).resolve(from.relativize(f).toString());
                    if (!Files.exists(to)) {
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
        }
    }

    /** The added lines of a unified diff, each put before the context line that follows it in the diff. */
    static String applyAdded(String text, String diff) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> diffLines = diff.lines().toList();
        for (int i = 0; i < diffLines.size(); i++) {
            String l = diffLines.get(i);
            if (l.startsWith("+") && !l.startsWith("+++")) {
                String next = diffLines.stream().skip(i + 1).filter(d -> d.startsWith(" ")).findFirst().orElseThrow();
                int at = lines.indexOf(next.substring(1));
                if (at < 0) {
                    throw new AssertionError("context line not in the 3.1.0 file: " + next);
                }
                lines.add(at, l.substring(1));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The old deployment.toml's [secrets] entries, added under the new one's [secrets] table. */
    private void secrets() throws IOException {
        List<String> old = Files.readAllLines(oldHome.resolve("repository/conf/deployment.toml"));
        List<String> entries = old.stream().dropWhile(l -> !l.strip().equals("[secrets]")).skip(1)
                .takeWhile(l -> !l.strip().startsWith("[")).filter(l -> l.contains("=")).toList();
        Path toml = newHome.resolve("repository/conf/deployment.toml");
        List<String> lines = new ArrayList<>(Files.readAllLines(toml));
        int table = lines.indexOf("[secrets]");
        if (table < 0) {
            lines.add("");
            lines.add("[secrets]");
            table = lines.size() - 1;
        }
        lines.addAll(table + 1, entries);
        Files.write(toml, lines);
    }

    private void migrationResources() throws IOException {
        Path dir = Files.createDirectories(newHome.resolve("migration-resources"));
        Files.writeString(dir.resolve("migration-config.yaml"), "migrationEnable: true\ncurrentVersion: \"5.9.0\"\n"
                + "migrateVersion: \"5.10.0\"\n");
    }

    private void removeMigrationFiles() throws IOException {
        try (Stream<Path> dropins = Files.list(newHome.resolve(DROPINS))) {
            for (Path jar : dropins.filter(p -> p.getFileName().toString().matches(
                    "org\\.wso2\\.carbon\\.(is\\.migration|apimgt\\.migrate\\.client)-.*\\.jar")).toList()) {
                Files.delete(jar);
            }
        }
        MigrateHomes.delete(newHome.resolve("migration-resources"));
    }

    /** The tenant loader: put in dropins, a start that re-indexes with every tenant loaded, taken out again. */
    private void tenantLoader(PlanStep step) throws IOException {
        switch (step.kind()) {
            case "CopyFile" -> jar(step.target());
            case "DeletePath" -> Files.delete(newHome.resolve(step.target()));
            default -> start(null);
        }
    }

    private void jar(String relative) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", Path.of(relative).getFileName().toString()
                .replaceFirst("[-_][0-9].*$", ""));
        Path file = newHome.resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    /** The lines a 3.1.0 start appends to wso2carbon.log, with {@code extra} (a migration client's) before the end. */
    private void start(String extra) throws IOException {
        starts++;
        String at = "[2026-11-25 2" + starts + ":00:";
        StringBuilder log = new StringBuilder();
        log.append(at).append("01,102]  INFO {org.wso2.carbon.core.internal.CarbonCoreActivator} - Starting WSO2"
                + " Carbon...\n");
        log.append(at).append("02,310]  INFO {org.wso2.carbon.core.internal.CarbonCoreActivator} - Operating"
                + " System : Linux\n");
        if (extra != null) {
            log.append(at).append("30,560]  INFO {").append(extra.replaceFirst(" - ", "} - ")).append('\n');
        }
        log.append(at).append("48,771]  INFO {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent} -"
                + " Server           :  WSO2 API Manager-3.1.0\n");
        log.append(at).append("48,772]  INFO {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent} -"
                + " WSO2 Carbon started in 47 sec\n");
        Path file = newHome.resolve(LOG);
        Files.createDirectories(file.getParent());
        Files.writeString(file, log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
