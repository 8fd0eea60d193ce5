package dev.apimupgrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apimupgrade.plan.PlanJson;
import dev.apimupgrade.samples.Samples;
import dev.apimupgrade.samples.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * WSO2's real Kubernetes pattern 2 plus a Traffic Manager node, on shared PostgreSQL loaded from the real 3.0.0
 * scripts, as an operator runs it: the nodes' homes and deployment file, and each part of a deployment plan migrated in
 * the runbook's order with every manual step done for real at its stop. DeploymentRunEndToEndTest checks the run
 * itself, DeploymentVerifyAcrossNodesTest what verify --deployment finds across the migrated nodes.
 */
final class PatternTwoDeployment {
    static final String PATTERN = "wso2am-pattern-2-";
    static final Map<String, List<String>> HOSTS = Map.of(
            "gateway", List.of(PATTERN + "gateway-service"),
            "key-manager", List.of(PATTERN + "km-service"),
            "pub-store-tm", List.of(PATTERN + "pub-store-tm-service", PATTERN + "pub-store-tm-1-service"),
            "traffic-manager", List.of(PATTERN + "pub-store-tm-2-service"));

    private PatternTwoDeployment() {}

    /**
     * The deployment's shared PostgreSQL databases, loaded from the real 3.0.0 scripts before the test class and dropped
     * after it (skipped, or failed under CI, without a PostgreSQL server, as {@link ScenarioDatabases} is).
     */
    static final class SharedDatabases implements BeforeAllCallback, AfterAllCallback {
        private final boolean toMigrate;
        private ScenarioDatabases databases;

        /** Databases to migrate: their owner is made a superuser, as PRE-PG-SUPERUSER asks. */
        SharedDatabases() {
            this(true);
        }

        private SharedDatabases(boolean toMigrate) {
            this.toMigrate = toMigrate;
        }

        /** Databases only assessed: their owner as the 3.0.0 scripts left it. */
        static SharedDatabases toAssess() {
            return new SharedDatabases(false);
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            databases = ScenarioDatabases.create(Scenario.POSTGRESQL);
            if (toMigrate) {
                // PRE-PG-SUPERUSER: the AM script creates a function only a superuser may
                databases.makeOwnerSuperuser();
            }
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            if (databases != null) {
                databases.close();
            }
        }

        ScenarioDatabases get() {
            return databases;
        }
    }

    /** Each node's 3.0.0 and 3.1.0 homes under {@code tmp}, as DeploymentEndToEndTest assembles them, in file order. */
    static Map<String, Path[]> nodes(Path tmp, ScenarioDatabases shared) throws Exception {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("gateway", "k8s-pattern-2/gateway-worker");
        folders.put("key-manager", "k8s-pattern-2/key-manager");
        folders.put("pub-store-tm", "k8s-pattern-2/pub-store-tm");
        folders.put("traffic-manager", "k8s-pattern-2/pub-store-tm");
        Map<String, Path[]> homes = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : folders.entrySet()) {
            Path old = DistributedNodesEndToEndTest.nodeHome(tmp.resolve(f.getKey() + "/old"), f.getValue(), shared);
            Path target = tmp.resolve(f.getKey() + "/new");
            MigrateHomes.copyTree(Samples.home(Samples.TARGET), target);
            homes.put(f.getKey(), new Path[] {old, target});
        }
        Path tm = homes.get("traffic-manager")[0].resolve("repository/conf/deployment.toml");
        Files.writeString(
                tm, Files.readString(tm).replace("server_role = \"default\"", "server_role = \"traffic-manager\""));
        // the analytics pack is not part of this deployment file (a node's analytics homes cannot be named in it yet):
        // with analytics on, ANA-PK-* stay UNDECIDED without --old-analytics and migrate rightly refuses
        for (String node : List.of("gateway", "pub-store-tm", "traffic-manager")) {
            Path toml = homes.get(node)[0].resolve("repository/conf/deployment.toml");
            String text = Files.readString(toml);
            assertThat(text).containsPattern("\\[apim.analytics]\nenable = (true|\"True\")");
            Files.writeString(
                    toml,
                    text.replaceFirst(
                            "\\[apim.analytics]\nenable = (true|\"True\")", "[apim.analytics]\nenable = false"));
        }
        // the gateway worker keeps WSO2AM_DB on its own H2 (no [database.apim_db]): the database a 3.0.0 gateway worker
        // creates at first start, as DistributedNodesEndToEndTest makes it, so PRE-ALREADY-MIGRATED is decided
        Path gateway = homes.get("gateway")[0];
        Files.deleteIfExists(gateway.resolve("repository/database/WSO2AM_DB.mv.db"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:" + gateway.resolve("repository/database/WSO2AM_DB"), "wso2carbon", "wso2carbon");
                java.sql.Statement st = c.createStatement()) {
            st.execute("RUNSCRIPT FROM '"
                    + DistributedNodesEndToEndTest.deployments().resolveSibling("apim-3.0.0/dbscripts/apimgt/h2.sql")
                    + "'");
        }
        // 3.0.0's default apim_db (default.json), not written: CFG-DB-APIM carries it to the gateway's 3.1.0 home as
        // 3.0.0 defaults it, its relative H2 url anchored at the old home
        assertThat(Files.readString(gateway.resolve("repository/conf/deployment.toml")))
                .doesNotContain("[database.apim_db]");
        return homes;
    }

    /** The deployment file naming {@code homes}, with each node's host names, written under {@code tmp}. */
    static Path deploymentFile(Path tmp, Map<String, Path[]> homes) throws IOException {
        StringBuilder yaml = new StringBuilder("name: pattern-2\nnodes:\n");
        homes.forEach((name, h) -> yaml.append("  - name: ")
                .append(name)
                .append("\n    old: ")
                .append(h[0])
                .append("\n    new: ")
                .append(h[1])
                .append("\n    hosts: [")
                .append(String.join(", ", HOSTS.get(name)))
                .append("]\n"));
        Path file = tmp.resolve("deployment.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    /** The answers the operator gives (files cannot settle them) and the assessment date, for every command. */
    static List<String> options(Path tmp) throws IOException {
        Path answers = Files.writeString(
                tmp.resolve("answers.yaml"), "keep_registry_versioning: no\nunique_id_user_store: no\n");
        return List.of("--answers", answers.toString(), "--today", MigrateHomes.TODAY);
    }

    /**
     * Every part of the deployment plan in {@code out} migrated in the runbook's order, each manual step done for real at
     * its stop; each part must end READY.
     */
    static void migrateEveryPart(Path tmp, Path out, Map<String, Path[]> homes, ScenarioDatabases shared)
            throws Exception {
        migrateEveryPart(tmp, out, homes, shared, Map.of());
    }

    /** As {@link #migrateEveryPart(Path, Path, Map, ScenarioDatabases)}, with {@code environment} given to migrate. */
    static void migrateEveryPart(
            Path tmp, Path out, Map<String, Path[]> homes, ScenarioDatabases shared, Map<String, String> environment)
            throws Exception {
        JsonNode d =
                new ObjectMapper().readTree(out.resolve("deployment-plan.json").toFile());
        for (JsonNode s : d.get("sequence")) {
            if (!s.hasNonNull("node")) {
                continue;
            }
            String part = s.get("kind").asText().equals("deployment-wide")
                    ? "once"
                    : s.get("node").asText();
            Path[] h = homes.get(s.get("node").asText());
            StopByStop stops =
                    new StopByStop(new SampleOperator(h[0], h[1], shared.identityMigrationTargets("shared_db")));
            Path partPlan = out.resolve(part.equals("once") ? "once/plan.json" : "nodes/" + part + "/plan.json");
            CliRun last = stops.walk(
                    confirmed -> migrate(tmp, out, part, confirmed, environment),
                    () -> PlanJson.read(partPlan).steps());
            assertThat(last.code()).as(part + ": " + last.out() + last.err()).isEqualTo(ExitCode.READY);
        }
    }

    /** migrate --node {@code part} of the deployment plan in {@code out}, with the manual steps {@code confirmed}. */
    static CliRun migrate(Path tmp, Path out, String part, List<String> confirmed) {
        return migrate(tmp, out, part, confirmed, Map.of());
    }

    /** As {@link #migrate(Path, Path, String, List)}, with {@code environment} added to the process's. */
    static CliRun migrate(Path tmp, Path out, String part, List<String> confirmed, Map<String, String> environment) {
        List<String> args = new ArrayList<>(List.of(
                "migrate",
                "--plan",
                out.resolve("deployment-plan.json").toString(),
                "--node",
                part,
                "--no-prompt",
                "--database-backup",
                "/backups/pattern-2/full-dump-2026-11-25"));
        try {
            Path loader = tmp.resolve("tenantloader-1.0.jar");
            if (!Files.exists(loader)) {
                Files.write(loader, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            }
            args.addAll(List.of("--file", "tenantloader=" + loader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        confirmed.forEach(id -> args.addAll(List.of("--confirm", id)));
        return CliRun.withEnvironment(environment, args.toArray(String[]::new));
    }

    /** verify --deployment of {@code file} against the deployment plan in {@code out}, its reports written to {@code to}. */
    static CliRun verify(List<String> options, Path file, Path out, Path to) {
        return cli(
                "verify",
                options,
                "--deployment",
                file.toString(),
                "--plan",
                out.resolve("deployment-plan.json").toString(),
                "--out",
                to);
    }

    /** {@code command} with {@code options}, then {@code more}. */
    static CliRun cli(String command, List<String> options, Object... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        for (Object m : more) {
            args.add(m.toString());
        }
        return CliRun.of(args.toArray(String[]::new));
    }
}
