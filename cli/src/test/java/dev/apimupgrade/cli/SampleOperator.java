package dev.apimupgrade.cli;

import dev.apimupgrade.plan.PlanStep;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * What an operator does at each stop of migrate on a sample's copies, where no WSO2 server runs: the files a step
 * asks for are put in place or removed as the step says, and a server start is the log a 3.1.0 start writes. A
 * step it does not know fails the test, so a new manual step is never confirmed without being done. The identity
 * migration's start (IDN-RUN) runs WSO2's real migration scripts on the databases ({@link IdentityMigrationByHand}).
 * What it did to files by hand it can undo by hand ({@link #undo()}), as an operator must before a rollback, which
 * leaves hand-made changes alone.
 */
final class SampleOperator {
    static final String SYNAPSE = "repository/deployment/server/synapse-configs/default";
    static final String DROPINS = "repository/components/dropins/";
    static final String LOG = "repository/logs/wso2carbon.log";

    private final Path oldHome;
    private final Path newHome;
    private final Path oldAnalytics;
    private final Path newAnalytics;
    private final IdentityMigrationByHand.Databases identity;
    /** How to undo the identity migration: the databases' backup from right before it, put back. */
    private IdentityMigrationByHand.Restore identityUndo;

    private int starts;
    /** Each path changed by hand, with what it held before (null: absent), in the order of the first change. */
    private final Map<Path, byte[]> before = new LinkedHashMap<>();

    /** @param identity the databases the identity migration runs on (IDN-RUN) */
    SampleOperator(Path oldHome, Path newHome, IdentityMigrationByHand.Databases identity) {
        this(oldHome, newHome, null, null, identity);
    }

    /**
     * With the analytics homes: the 3.0.0 one, whose database a script the operator runs by hand changes (H2 outside
     * the API-M home), and the 3.1.0 one the analytics steps change.
     */
    SampleOperator(
            Path oldHome,
            Path newHome,
            Path oldAnalytics,
            Path newAnalytics,
            IdentityMigrationByHand.Databases identity) {
        this.oldHome = oldHome;
        this.newHome = newHome;
        this.oldAnalytics = oldAnalytics;
        this.newAnalytics = newAnalytics;
        this.identity = identity;
    }

    void doStep(PlanStep step) throws Exception {
        switch (step.conditionId()) {
            case "CFG-SYNAPSE-PROTECTED-MODIFIED" -> reApply(step);
            case "CFG-NODE-ROLE" -> copyArrayOfTables(step);
            case "KEY-SECURE-VAULT" -> secrets();
            // the samples do not use API Security Audit, so there is no 42Crunch certificate to import
            case "KEY-42CRUNCH-CERT" -> {}
            case "IDN-MIGRATION-RESOURCES" -> migrationResources();
            case "IDN-MIGRATION-JAR" -> jar(newHome, DROPINS + "org.wso2.carbon.is.migration-1.0.90.jar");
            case "IDN-RUN" -> {
                // the migration client's start changes the identity and user-store schemas: done for real, after the
                // backup the migration guide asks for (the only way to undo it)
                if (identity.backup() != null) {
                    identityUndo = identity.backup().take();
                }
                IdentityMigrationByHand.run(identity);
                start("org.wso2.carbon.is.migration.MigrationClientImpl - Migration completed successfully.");
                removeMigrationFiles();
            }
            case "APIM-CLIENT" -> {
                migrationResources();
                jar(newHome, DROPINS + "org.wso2.carbon.apimgt.migrate.client-3.1.0-6.jar");
                start("org.wso2.carbon.apimgt.migration.APIMMigrationService - API Manager 3.0.0 to 3.1.0 migration"
                        + " completed.");
                removeMigrationFiles();
            }
            case "IDX-TENANTLOADER" -> tenantLoader(step);
            case "ANA-DATASOURCES" -> analyticsDatasources();
            // jartobundle.sh run on the database's JDBC driver: an OSGi bundle named after the jar in the analytics lib
            case "ANA-JDBC-OSGI" -> jar(newAnalytics, "lib/mariadb_java_client_2.7.2_1.0.0.jar");
            case "ANA-CUSTOM-DASHBOARDS" -> customDashboards();
            // the analytics database is an H2 file outside the old home: the runbook's script, run by hand
            case "ANA-DB-PK" -> MigrateCustomSampleTest.runTheAnalyticsScriptByHand(oldAnalytics);
            case "FIN-RESTART" -> start(null);
            default ->
                throw new AssertionError(
                        "the sample operator does not know how to do " + step.id() + ": " + step.params());
        }
    }

    /** The 3.0.0 customisation put into the 3.1.0 file, as the unified diff in the step's evidence shows it. */
    private void reApply(PlanStep step) throws IOException {
        String diff = step.evidence().stream()
                .map(e -> e.observed())
                .filter(o -> o.contains("+++ OLD:" + step.target() + "\n") && o.contains("\n@@ "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the step " + step.id() + " does not show the diff"));
        Path file = remember(newHome.resolve(step.target()));
        Files.writeString(file, applyDiff(Files.readString(file), diff));
    }

    /**
     * CFG-NODE-ROLE's manual step: the old deployment.toml's entries of the array of tables the step names
     * ({@code deployment.toml#[[apim.gateway.environment]]}) put into the 3.1.0 file as written, in place of its own.
     */
    private void copyArrayOfTables(PlanStep step) throws IOException {
        String name = step.target().replaceAll("^.*#\\[\\[|]]$", "");
        String toml = "repository/conf/deployment.toml";
        Path file = remember(newHome.resolve(toml));
        List<String> kept = new ArrayList<>();
        entries(Files.readString(file), name, kept);
        List<String> old = entries(Files.readString(oldHome.resolve(toml)), name, new ArrayList<>());
        if (old.isEmpty()) {
            throw new AssertionError("the old deployment.toml has no [[" + name + "]]: " + step.params());
        }
        Files.writeString(file, String.join("", kept) + "\n" + String.join("", old));
    }

    /**
     * The lines of each {@code [[name]]} entry of {@code text} (its header up to the next header), in order; every
     * other line goes to {@code rest}.
     */
    private static List<String> entries(String text, String name, List<String> rest) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("(?<=\n)")) {
            if (line.startsWith("[")) {
                in = line.strip().equals("[[" + name + "]]");
            }
            (in ? out : rest).add(line);
        }
        return out;
    }

    /** APIM_ANALYTICS_DB of the 3.1.0 worker and dashboard pointed at the 3.0.0 analytics database. */
    private void analyticsDatasources() throws IOException {
        String url = "jdbcUrl: 'jdbc:h2:" + oldAnalytics.resolve("wso2/worker/database/WSO2AM_STATS_DB")
                + ";AUTO_SERVER=TRUE'";
        for (String profile : List.of("worker", "dashboard")) {
            Path yaml = remember(newAnalytics.resolve("conf/" + profile + "/deployment.yaml"));
            List<String> lines = new ArrayList<>(Files.readAllLines(yaml));
            int at = lines.indexOf(lines.stream()
                    .filter(l -> l.strip().equals("- name: APIM_ANALYTICS_DB"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no APIM_ANALYTICS_DB in " + yaml)));
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
        for (String dir : List.of(
                "wso2/dashboard/resources/dashboards",
                "wso2/dashboard/deployment/web-ui-apps/analytics-dashboard/extensions/widgets")) {
            Path from = oldAnalytics.resolve(dir);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to =
                            newAnalytics.resolve(dir).resolve(from.relativize(f).toString());
                    if (!Files.exists(to)) {
                        remember(to);
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to);
                    }
                }
            }
        }
    }

    /**
     * The unified diff applied as a careful operator applies it by hand: each hunk's old side (context and removed
     * lines) found in the file, in order, and replaced by its new side (context and added lines).
     */
    static String applyDiff(String text, String diff) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> oldSide = new ArrayList<>();
        List<String> newSide = new ArrayList<>();
        int from = 0;
        boolean inHunk = false;
        for (String l : diff.lines().toList()) {
            if (l.startsWith("@@ ")) {
                from = replace(lines, oldSide, newSide, from);
                inHunk = true;
            } else if (inHunk && !l.isEmpty() && " -+".indexOf(l.charAt(0)) >= 0) {
                if (l.charAt(0) != '+') {
                    oldSide.add(l.substring(1));
                }
                if (l.charAt(0) != '-') {
                    newSide.add(l.substring(1));
                }
            }
        }
        replace(lines, oldSide, newSide, from);
        return String.join("\n", lines) + "\n";
    }

    /** One hunk put in place at or after line {@code from}; returns the line after it. */
    private static int replace(List<String> lines, List<String> oldSide, List<String> newSide, int from) {
        if (oldSide.isEmpty() && newSide.isEmpty()) {
            return from;
        }
        int at = java.util.Collections.indexOfSubList(lines.subList(from, lines.size()), oldSide);
        if (at < 0) {
            throw new AssertionError("a hunk's old side is not in the 3.1.0 file: " + oldSide);
        }
        at += from;
        lines.subList(at, at + oldSide.size()).clear();
        lines.addAll(at, newSide);
        int next = at + newSide.size();
        oldSide.clear();
        newSide.clear();
        return next;
    }

    /** The old deployment.toml's [secrets] entries, added under the new one's [secrets] table. */
    private void secrets() throws IOException {
        List<String> old = Files.readAllLines(oldHome.resolve("repository/conf/deployment.toml"));
        List<String> entries = old.stream()
                .dropWhile(l -> !l.strip().equals("[secrets]"))
                .skip(1)
                .takeWhile(l -> !l.strip().startsWith("["))
                .filter(l -> l.contains("="))
                .toList();
        Path toml = remember(newHome.resolve("repository/conf/deployment.toml"));
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
        Path config = remember(newHome.resolve("migration-resources/migration-config.yaml"));
        Files.createDirectories(config.getParent());
        Files.writeString(
                config, "migrationEnable: true\ncurrentVersion: \"5.9.0\"\n" + "migrateVersion: \"5.10.0\"\n");
    }

    private void removeMigrationFiles() throws IOException {
        try (Stream<Path> dropins = Files.list(newHome.resolve(DROPINS))) {
            for (Path jar : dropins.filter(p -> p.getFileName()
                            .toString()
                            .matches("org\\.wso2\\.carbon\\.(is\\.migration|apimgt\\.migrate\\.client)-.*\\.jar"))
                    .toList()) {
                Files.delete(remember(jar));
            }
        }
        MigrateHomes.delete(newHome.resolve("migration-resources"));
    }

    /** The tenant loader: put in dropins, a start that re-indexes with every tenant loaded, taken out again. */
    private void tenantLoader(PlanStep step) throws IOException {
        switch (step.kind()) {
            case "CopyFile" -> jar(newHome, step.target());
            case "DeletePath" -> Files.delete(remember(newHome.resolve(step.target())));
            default -> start(null);
        }
    }

    private void jar(Path home, String relative) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes()
                .putValue(
                        "Bundle-SymbolicName",
                        Path.of(relative).getFileName().toString().replaceFirst("[-_][0-9].*$", ""));
        Path file = remember(home.resolve(relative));
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    /** The lines a 3.1.0 start appends to wso2carbon.log, with {@code extra} (a migration client's) before the end. */
    private void start(String extra) throws IOException {
        starts++;
        String at = "[2026-11-25 2" + starts + ":00:";
        StringBuilder log = new StringBuilder();
        log.append(at)
                .append("01,102]  INFO {org.wso2.carbon.core.internal.CarbonCoreActivator} - Starting WSO2"
                        + " Carbon...\n");
        log.append(at)
                .append("02,310]  INFO {org.wso2.carbon.core.internal.CarbonCoreActivator} - Operating"
                        + " System : Linux\n");
        if (extra != null) {
            log.append(at)
                    .append("30,560]  INFO {")
                    .append(extra.replaceFirst(" - ", "} - "))
                    .append('\n');
        }
        log.append(at)
                .append("48,771]  INFO {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent} -"
                        + " Server           :  WSO2 API Manager-3.1.0\n");
        log.append(at)
                .append("48,772]  INFO {org.wso2.carbon.core.internal.StartupFinalizerServiceComponent} -"
                        + " WSO2 Carbon started in 47 sec\n");
        Path file = remember(newHome.resolve(LOG));
        Files.createDirectories(file.getParent());
        Files.writeString(file, log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Undoes what was done by hand, last change first: the identity migration by putting back the databases' backup
     * from right before it (where one was taken), then each file gets its bytes from before back, and what did not
     * exist (with the folders made for it) is removed. The other database changes made by hand stay as they are.
     */
    void undo() throws Exception {
        if (identityUndo != null) {
            // the identity migration changed the schema (SCOPE_BINDING NOT NULL, new tables): only the backup taken
            // right before it undoes it, and the run's rollback of the earlier steps needs the 3.0.0 schema back
            identityUndo.restore();
            identityUndo = null;
        }
        List<Map.Entry<Path, byte[]>> changes = new ArrayList<>(before.entrySet());
        java.util.Collections.reverse(changes);
        for (Map.Entry<Path, byte[]> change : changes) {
            if (change.getValue() == null) {
                MigrateHomes.delete(change.getKey());
            } else {
                Files.createDirectories(change.getKey().getParent());
                Files.write(change.getKey(), change.getValue());
            }
        }
        before.clear();
    }

    /**
     * Notes what a path held before its first change by hand; for a path that does not exist, the outermost folder
     * that does not exist either (made for it, so removed with it). Returns the path.
     */
    private Path remember(Path path) throws IOException {
        Path absent = path;
        while (absent.getParent() != null && !Files.exists(absent.getParent())) {
            absent = absent.getParent();
        }
        Path key = Files.exists(path) ? path : absent;
        if (!before.containsKey(key) && !Files.isDirectory(key)) {
            before.put(key, Files.isRegularFile(key) ? Files.readAllBytes(key) : null);
        }
        return path;
    }
}
