package dev.apimupgrade.cli;

import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.plan.PlanStep;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import dev.apimupgrade.samples.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL or MariaDB scenario made ready to migrate as its operator would: the scenario's 3.0.0 home, whose
 * registry had versioning on (the four flags true, versioned tag and property rows) and whose AM database holds a NULL
 * and an empty scope binding; an unpacked 3.1.0 home (and the analytics homes where the scenario has them); the
 * owner made a PostgreSQL superuser (PRE-PG-SUPERUSER); and the command lines of assess, plan, migrate and verify for
 * them. Homes are written at fixed paths under root, so two preparations of the same databases are byte-identical.
 */
record ScenarioMigration(
        Scenario scenario,
        ScenarioDatabases databases,
        Path root,
        Path oldHome,
        Path newHome,
        Optional<Path> oldAnalytics,
        Optional<Path> newAnalytics) {
    /** What the operator's answers file says besides the migrate: section. */
    static final String ANSWERS = "keep_registry_versioning: no\nunique_id_user_store: no\n";
    /** Where the operator says the full database backup is (PRE-BACKUP); a path, never a credential. */
    static final String DATABASE_BACKUP = "/backups/apim-3.0.0/full-dump-2026-11-25";

    /** What the databases held before the migration beyond the scenario's seed (see each file's comment). */
    static final String NULL_BINDINGS = "/migrate/apim-db-null-bindings.sql";

    static final String VERSIONED_ROWS = "/migrate/shared-db-versioned-rows.sql";
    private static final List<String> VERSIONING_FLAGS =
            List.of("versioningProperties", "versioningComments", "versioningTags", "versioningRatings");

    /**
     * Writes the homes under root (replacing earlier ones) for the scenario's freshly loaded databases. With
     * startsConfirmedUpFront the 3.1.0 home's log already shows a clean start, for a run whose answers confirm every
     * manual step before it begins; without, no server has started yet and the operator does each step at its stop.
     */
    static ScenarioMigration prepare(
            Scenario scenario, ScenarioDatabases databases, Path root, boolean startsConfirmedUpFront)
            throws Exception {
        Path old = root.resolve("old");
        Path target = root.resolve("new");
        for (String dir : HOMES) {
            MigrateHomes.delete(root.resolve(dir));
        }
        ScenarioGenerator.write(scenario, old, databases.datasources());
        versioningWasOn(old);
        MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
        withWso2ProtectedSynapseFiles(target);
        if (startsConfirmedUpFront) {
            // the server starts the operator confirms up front wrote their log before the plan was made
            MigrateHomes.started(target);
        }
        Optional<Path> oldAnalytics =
                ScenarioGenerator.writeAnalytics(scenario, root.resolve("old-analytics"), databases.datasources());
        if (oldAnalytics.isPresent()) {
            MigrateHomes.copyTree(Samples.home(Samples.ANALYTICS_TARGET), root.resolve("new-analytics"));
        }
        return seeded(scenario, databases, root);
    }

    /**
     * The homes copied from another preparation's untouched homes (generating them again would not give the same
     * bytes: the H2 files carry write times) for databases loaded again under the same names.
     */
    static ScenarioMigration copyOf(Path pristine, Scenario scenario, ScenarioDatabases databases, Path root)
            throws Exception {
        for (String dir : HOMES) {
            MigrateHomes.delete(root.resolve(dir));
            if (Files.exists(pristine.resolve(dir))) {
                MigrateHomes.copyTree(pristine.resolve(dir), root.resolve(dir));
            }
        }
        return seeded(scenario, databases, root);
    }

    /** Copies the homes of this preparation, untouched so far, to dir for {@link #copyOf}. */
    void keepPristine(Path dir) throws Exception {
        for (String home : HOMES) {
            if (Files.exists(root.resolve(home))) {
                MigrateHomes.copyTree(root.resolve(home), dir.resolve(home));
            }
        }
    }

    private static final List<String> HOMES = List.of("old", "new", "old-analytics", "new-analytics", "plan");

    /** The statements of a test resource: one a line ending in ';', comment lines left out. */
    private static List<String> statements(String resource) throws Exception {
        try (java.io.InputStream in = ScenarioMigration.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("--"))
                    .map(l -> l.replaceFirst(";\\s*$", ""))
                    .toList();
        }
    }

    /** The rows the databases held before the migration, the superuser and the first answers. */
    private static ScenarioMigration seeded(Scenario scenario, ScenarioDatabases databases, Path root)
            throws Exception {
        databases.run("apim_db", statements(NULL_BINDINGS));
        databases.run("shared_db", statements(VERSIONED_ROWS));
        if (scenario.server() == Scenario.Server.POSTGRESQL) {
            databases.makeOwnerSuperuser();
        }
        Files.writeString(root.resolve("answers.yaml"), ANSWERS);
        Optional<Path> oldAnalytics = Optional.of(root.resolve("old-analytics")).filter(Files::isDirectory);
        Optional<Path> newAnalytics = Optional.of(root.resolve("new-analytics")).filter(Files::isDirectory);
        return new ScenarioMigration(
                scenario, databases, root, root.resolve("old"), root.resolve("new"), oldAnalytics, newAnalytics);
    }

    /**
     * The samples' 3.1.0 home holds stand-ins for the four protected synapse files; a real pack holds WSO2's own, which
     * verify checks for: the reference copies (beside the 3.0.0 scripts the databases were loaded from) go in their
     * place, so verify's verdict is about the migration.
     */
    private static void withWso2ProtectedSynapseFiles(Path target) throws Exception {
        Path reference = Path.of(
                String.valueOf(System.getProperty("apim.reference.dir")),
                "apim-3.1.0",
                VerifyDefaultSampleTest.SYNAPSE);
        for (String f : List.of(
                "api/_RevokeAPI_.xml",
                "sequences/_cors_request_handler_.xml",
                "sequences/main.xml",
                "proxy-services/WorkflowCallbackService.xml")) {
            Files.copy(
                    reference.resolve(f),
                    target.resolve(VerifyDefaultSampleTest.SYNAPSE).resolve(f),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The 3.0.0 deployment.toml turns versioning on, and registry.xml shows the four flags it renders true. */
    private static void versioningWasOn(Path home) throws Exception {
        Path toml = home.resolve("repository/conf/deployment.toml");
        Files.writeString(toml, Files.readString(toml) + "\n[registry.static_configuration]\nenable = true\n");
        Path registry = home.resolve("repository/conf/registry.xml");
        String xml = Files.readString(registry);
        for (String flag : VERSIONING_FLAGS) {
            String off = "<" + flag + ">false</" + flag + ">";
            if (!xml.contains(off)) {
                throw new IllegalStateException(registry + " has no " + off);
            }
            xml = xml.replace(off, "<" + flag + ">true</" + flag + ">");
        }
        Files.writeString(registry, xml);
    }

    Path planDir() {
        return root.resolve("plan");
    }

    Path planFile() {
        return planDir().resolve("plan.json");
    }

    Path answers() {
        return root.resolve("answers.yaml");
    }

    /** The homes, answers and date every command of the run is given. */
    List<String> installation() {
        List<String> args = new ArrayList<>(List.of(
                "--old",
                oldHome.toString(),
                "--new",
                newHome.toString(),
                "--answers",
                answers().toString(),
                "--today",
                MigrateHomes.TODAY));
        oldAnalytics.ifPresent(p -> args.addAll(List.of("--old-analytics", p.toString())));
        newAnalytics.ifPresent(p -> args.addAll(List.of("--new-analytics", p.toString())));
        return args;
    }

    CliRun assess(Path out) {
        return command("assess", "--out", out.toString());
    }

    /** plan, writing plan.json and the runbook into {@link #planDir()}. */
    CliRun plan() {
        return command("plan", "--out", planDir().toString());
    }

    /** A plan of the installation as it is now, written into out (the first plan stays). */
    CliRun planInto(Path out) {
        return command("plan", "--out", out.toString());
    }

    /**
     * The answers file gains the migrate: section an unattended run needs: the steps the operator has done, where
     * the full database backup is and where the tenant loader jar is.
     */
    void answerForMigrate(List<String> confirmed) throws Exception {
        // the tenant loader jar ships with neither home nor the tool: the operator says where it is
        Path loader = Files.write(
                root.resolve("tenantloader-1.0.jar"),
                new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        StringBuilder yaml = new StringBuilder(ANSWERS)
                .append("migrate:\n  database_backup: \"")
                .append(DATABASE_BACKUP)
                .append("\"\n  files:\n    tenantloader: \"")
                .append(loader.toAbsolutePath())
                .append("\"\n");
        if (!confirmed.isEmpty()) {
            yaml.append("  confirmed:\n");
            confirmed.forEach(id -> yaml.append("    - \"").append(id).append("\"\n"));
        }
        Files.writeString(answers(), yaml.toString());
    }

    List<PlanStep> steps() throws Exception {
        return PlanJson.read(planFile()).steps();
    }

    /** The manual steps of the plan: the operator does them and lists them under migrate.confirmed. */
    List<String> manualSteps() throws Exception {
        return steps().stream()
                .filter(s -> !s.automated())
                .map(PlanStep::id)
                .distinct()
                .toList();
    }

    /** The script steps of the plan: migrate runs every one itself on PostgreSQL and MariaDB. */
    List<PlanStep> scripts() throws Exception {
        return steps().stream().filter(s -> s.kind().equals("RunSqlScript")).toList();
    }

    List<String> migrateArgs(Path run, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("migrate", "--plan", planFile().toString(), "--run", run.toString()));
        args.addAll(installation());
        args.addAll(List.of(extra));
        return args;
    }

    CliRun migrate(Path run, String... extra) {
        return CliRun.of(migrateArgs(run, extra).toArray(String[]::new));
    }

    CliRun verify(Path run, Path out) {
        return command("verify", "--run", run.toString(), "--out", out.toString());
    }

    private CliRun command(String name, String... options) {
        List<String> args = new ArrayList<>(List.of(name));
        args.addAll(installation());
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Both homes (and the analytics homes) by tree hash. */
    Map<String, String> homeHashes() throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        out.put("old", MigrateHomes.treeHash(oldHome));
        out.put("new", MigrateHomes.treeHash(newHome));
        if (oldAnalytics.isPresent()) {
            out.put("old-analytics", MigrateHomes.treeHash(oldAnalytics.get()));
            out.put("new-analytics", MigrateHomes.treeHash(newAnalytics.get()));
        }
        return out;
    }
}
