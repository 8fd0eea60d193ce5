package dev.apimupgrade.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the 3.0.0 home of a {@link Scenario}: the generated default sample (stock files, keystores, jars) with the
 * scenario's own deployment.toml, files and databases. Tests call it at run time, because the homes of the PostgreSQL
 * and MariaDB scenarios must point at databases the test has just created.
 */
public final class ScenarioGenerator {
    static final String DATABASE = "repository/database/";

    private ScenarioGenerator() {}

    /**
     * Writes {@code scenario}'s home into the empty or absent folder {@code home}; {@code datasources} are the
     * server databases of {@link Scenario#serverDatasources()}, in that order (none for H2 scenarios).
     */
    public static Path write(Scenario scenario, Path home, List<ScenarioDatasource> datasources) {
        List<String> names = datasources.stream().map(ScenarioDatasource::name).toList();
        if (!names.equals(scenario.serverDatasources())) {
            throw new IllegalArgumentException(
                    scenario + " needs datasources " + scenario.serverDatasources() + ", not " + names);
        }
        Path stock = Samples.home(Samples.DEFAULT);
        copyTree(stock, home, scenario == Scenario.STOCK);
        if (scenario == Scenario.STOCK) {
            return home;
        }
        HomeWriter writer = new HomeWriter(home);
        writer.text(Pack.CONF + "deployment.toml", ScenarioToml.of(scenario, datasources));
        ScenarioFiles.write(scenario, writer);
        databases(scenario, home);
        return home;
    }

    /**
     * Writes the API-M Analytics 3.0.0 home of a scenario that has one into {@code home} and returns it; empty for the
     * others. {@code datasources} are the same as for {@link #write}.
     */
    public static Optional<Path> writeAnalytics(Scenario scenario, Path home, List<ScenarioDatasource> datasources) {
        Map<String, ScenarioDatasource> byName =
                datasources.stream().collect(Collectors.toMap(ScenarioDatasource::name, d -> d));
        if (!byName.containsKey(Scenario.ANALYTICS_DB)) {
            return Optional.empty();
        }
        ScenarioAnalytics.write(
                new HomeWriter(home), byName.get(Scenario.ANALYTICS_DB), Pack.required(byName, "apim_db"));
        return Optional.of(home);
    }

    /** The seed statements (planted secrets filled in) the test loads into one server database after the schema. */
    public static List<String> serverSeed(Scenario scenario, String datasource) {
        boolean separateUsers = scenario.serverDatasources().contains("user");
        List<String> scripts = switch (datasource) {
            case "apim_db" -> List.of("scenario/server-am.sql");
            case "shared_db" ->
                separateUsers
                        ? List.of("scenario/server-reg.sql")
                        : List.of("scenario/server-reg.sql", "scenario/server-um.sql");
            case "user" -> List.of("scenario/server-um.sql");
            case Scenario.ANALYTICS_DB -> List.of("scenario/analytics-mysql.sql");
            default -> List.of();
        };
        Map<String, String> values = Scenario.plantedSecrets();
        return scripts.stream()
                .flatMap(s -> H2Databases.statements(Template.fill(s, values)).stream())
                .toList();
    }

    /** The H2 databases: every pack keeps its local registry in WSO2CARBON_DB; H2 scenarios keep AM and shared too. */
    private static void databases(Scenario scenario, Path home) {
        Map<String, String> secrets = Pack.secrets("default");
        H2Databases.create(home, "WSO2CARBON_DB", Keystores.DEFAULT_PASSWORD, secrets, "schema/kernel-3.0.0.txt");
        if (scenario.server() != Scenario.Server.H2) {
            return;
        }
        H2Databases.create(
                home,
                "WSO2AM_DB",
                Pack.required(secrets, "apim_db.password"),
                secrets,
                "schema/apimgt-3.0.0.txt",
                "seed/am-common.sql");
        String registry = scenario == Scenario.VERSIONING_ON ? "scenario/reg-versioned.sql" : "seed/reg-default.sql";
        if (scenario == Scenario.MULTI_TENANT) {
            H2Databases.create(
                    home,
                    "WSO2SHARED_DB",
                    Pack.required(secrets, "shared_db.password"),
                    secrets,
                    "schema/kernel-3.0.0.txt",
                    registry,
                    "seed/um-default.sql",
                    "scenario/um-tenants.sql");
        } else {
            H2Databases.create(
                    home,
                    "WSO2SHARED_DB",
                    Pack.required(secrets, "shared_db.password"),
                    secrets,
                    "schema/kernel-3.0.0.txt",
                    registry,
                    "seed/um-default.sql");
        }
    }

    /** Copies the stock home; its databases only when asked, since a scenario makes its own. */
    private static void copyTree(Path from, Path to, boolean withDatabases) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                String relative = from.relativize(p).toString().replace('\\', '/');
                if (!withDatabases && relative.startsWith(DATABASE)) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
