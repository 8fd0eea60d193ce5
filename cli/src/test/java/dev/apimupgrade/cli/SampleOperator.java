package dev.apimupgrade.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
    private final List<PlanStep> afterTheRun = new ArrayList<>();
    private int starts;

    SampleOperator(Path oldHome, Path newHome) {
        this.oldHome = oldHome;
        this.newHome = newHome;
    }

    void doStep(PlanStep step) throws IOException {
        switch (step.conditionId()) {
            // the customisation is re-applied once the run is over (see SampleJourneyAmSchemaTest)
            case "CFG-SYNAPSE-PROTECTED-MODIFIED" -> afterTheRun.add(step);
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
            // the analytics dashboard's deployment.yaml is in the analytics home, which this journey does not migrate
            case "ANA-DATASOURCES" -> { }
            case "FIN-RESTART" -> start(null);
            default -> throw new AssertionError("the sample operator does not know how to do " + step.id() + ": "
                    + step.params());
        }
    }

    /**
     * What was left for after the run: the re-applied main.xml customisation, as the unified diff in the assessment's
     * evidence for that file shows it.
     */
    void afterTheRun(JsonNode assessment) throws IOException {
        for (PlanStep step : afterTheRun) {
            String diff = assessment.findValuesAsText("observed").stream()
                    .filter(o -> o.contains("+++ OLD:" + step.target() + "\n") && o.contains("\n@@ ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no diff of " + step.target() + " in the assessment"));
            Path file = newHome.resolve(step.target());
            Files.writeString(file, applyAdded(Files.readString(file), diff));
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
