package dev.apimupgrade.scan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.AnalyticsYaml;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasourceSpecsTest {
    @TempDir
    Path home;

    private DatasourceSpecs read(String toml, Map<String, String> supplied, Map<String, String> env) throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        Files.writeString(home.resolve(DatasourceSpecs.TOML), toml);
        return DatasourceSpecs.read(new Installation(home, Optional.empty()), supplied, env);
    }

    @Test
    void everyDatabaseTableBecomesASpecAndH2UrlsResolveAgainstTheOldHomeWithoutTheirOptions() throws Exception {
        DatasourceSpecs specs = read("""
                [database.apim_db]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE;MVCC=TRUE;INIT=RUNSCRIPT FROM 'x'"
                username = "wso2carbon"
                password = "wso2carbon"

                [database.shared_db]
                type = "postgre"
                url = "jdbc:postgresql://db.example:5432/shared"
                username = "apim"
                password = "pw"
                """, Map.of(), Map.of());

        assertThat(specs.all()).extracting(DatasourceSpec::name).containsExactly("apim_db", "shared_db");
        DatasourceSpec h2 = specs.all().get(0);
        assertThat(h2.connectUrl()).isEqualTo("jdbc:h2:" + home.resolve("repository/database/WSO2AM_DB"));
        assertThat(h2.target()).isEqualTo("./repository/database/WSO2AM_DB");
        assertThat(h2.source().line()).isEqualTo(3);
        assertThat(specs.all().get(1).target()).isEqualTo("db.example:5432/shared");
        assertThat(specs.all().get(1).kind()).contains(DatabaseProduct.POSTGRESQL);
    }

    @Test
    void theNewHomesKeptDatasourcesAreReadAsItsTomlWritesThemWithTheirH2FilesInTheNewHome(@TempDir Path newHome)
            throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        Files.writeString(home.resolve(DatasourceSpecs.TOML), "[server]\nserver_role = \"gateway-worker\"\n");
        Files.createDirectories(newHome.resolve("repository/conf"));
        Files.writeString(newHome.resolve(DatasourceSpecs.TOML), """
                [database.apim_db]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=FALSE"
                username = "wso2carbon"
                password = "shipped"

                [database.shared_db]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2SHARED_DB;DB_CLOSE_ON_EXIT=FALSE"
                username = "wso2carbon"
                password = "shipped"
                """);

        DatasourceSpecs specs = DatasourceSpecs.ofNewHome(
                new Installation(home, Optional.of(newHome)), java.util.Set.of("apim_db"), Map.of());

        assertThat(specs.all()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("apim_db");
            assertThat(s.connectUrl()).isEqualTo("jdbc:h2:" + newHome.resolve("repository/database/WSO2AM_DB"));
            assertThat(s.password()).isEqualTo("shipped");
            assertThat(s.source().where()).isEqualTo("NEW:" + DatasourceSpecs.TOML);
            assertThat(s.source().line()).isEqualTo(3);
        });
        assertThat(DatasourceSpecs.ofNewHome(
                                new Installation(home, Optional.empty()), java.util.Set.of("apim_db"), Map.of())
                        .all())
                .isEmpty();
    }

    @Test
    void anEscapedAmpersandIsConnectedToAsTheServerRendersItWhileTheConfiguredUrlKeepsTheTextAsWritten()
            throws Exception {
        DatasourceSpecs specs = read("""
                [database.apim_db]
                type = "mysql"
                url = "jdbc:mysql://db.example:3306/WSO2AM_DB?useSSL=false&amp;autoReconnect=true"
                username = "apim"
                password = "pw"
                """, Map.of(), Map.of());

        DatasourceSpec spec = specs.all().get(0);
        assertThat(spec.connectUrl())
                .isEqualTo("jdbc:mysql://db.example:3306/WSO2AM_DB?useSSL=false&autoReconnect=true");
        assertThat(spec.configuredUrl())
                .isEqualTo("jdbc:mysql://db.example:3306/WSO2AM_DB?useSSL=false&amp;autoReconnect=true");
        assertThat(spec.target()).isEqualTo("db.example:3306/WSO2AM_DB");
    }

    @Test
    void theTargetNamesHostAndDatabaseOfEveryProductsUrlAndNoCredentials() {
        assertThat(target("jdbc:oracle:thin:@db.example:1521/ORCLPDB1")).isEqualTo("db.example:1521/ORCLPDB1");
        assertThat(target("jdbc:oracle:thin:scott/tiger@//db.example:1521/APIM"))
                .isEqualTo("db.example:1521/APIM");
        assertThat(target("jdbc:sqlserver://db.example:1433;databaseName=WSO2AM_DB;user=sa;password=pw"))
                .isEqualTo("db.example:1433/WSO2AM_DB");
        assertThat(target("jdbc:mysql://u:pw@db.example:3306/apim?useSSL=false"))
                .isEqualTo("db.example:3306/apim");
        assertThat(target("jdbc:db2://db.example:50000/APIM:user=db2;")).isEqualTo("db.example:50000/APIM");
    }

    private static String target(String url) {
        return new DatasourceSpec("x", url, url, "", "", Optional.empty(), null).target();
    }

    @Test
    void whereTheTableGivesNoCredentialsTheProductsDefaultsApplyAsTheServerRendersThem() throws Exception {
        DatasourceSpecs specs = read("""
                [database.local]
                url = "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE"

                [database.apim_db]
                url = "jdbc:postgresql://db/apim"

                [database.shared_db]
                url = "jdbc:postgresql://db/shared"

                [database.user]
                url = "jdbc:postgresql://db/user"
                username = "apim"
                password = "given"
                """, Map.of(), Map.of());

        assertThat(specs.all())
                .extracting(DatasourceSpec::name, DatasourceSpec::user, DatasourceSpec::password)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("local", "wso2carbon", "wso2carbon"),
                        org.assertj.core.groups.Tuple.tuple("apim_db", "wso2carbon", "wso2carbon"),
                        org.assertj.core.groups.Tuple.tuple("shared_db", "", ""),
                        org.assertj.core.groups.Tuple.tuple("user", "apim", "given"));
    }

    @Test
    void aPasswordGivenOnTheCommandLineWinsOverTheEnvironmentWhichWinsOverTheToml() throws Exception {
        String toml = """
                [database.apim_db]
                url = "jdbc:postgresql://db/apim"
                password = "from-toml"
                """;

        assertThat(read(toml, Map.of(), Map.of()).all().get(0).password()).isEqualTo("from-toml");
        assertThat(read(toml, Map.of(), Map.of("APIM_UPGRADE_DB_PASSWORD_APIM_DB", "from-env"))
                        .all()
                        .get(0)
                        .password())
                .isEqualTo("from-env");
        assertThat(read(toml, Map.of("apim_db", "from-cli"), Map.of("APIM_UPGRADE_DB_PASSWORD_APIM_DB", "from-env"))
                        .all()
                        .get(0)
                        .password())
                .isEqualTo("from-cli");
    }

    @Test
    void aSecretReferenceWithNothingSuppliedIsAProblemThatNamesTheVariableAndHidesNoSecret() throws Exception {
        DatasourceSpec spec = read("""
                [database.user]
                url = "jdbc:mariadb://db:3306/um"
                password = "$secret{um_password}"
                """, Map.of(), Map.of()).all().get(0);

        assertThat(spec.password()).isNull();
        assertThat(spec.problem()).hasValueSatisfying(p -> assertThat(p).contains("APIM_UPGRADE_DB_PASSWORD_USER"));
    }

    @Test
    void h2ServerAndInMemoryUrlsAreNotReadAndCarbonHomeIsTheOldHome() throws Exception {
        DatasourceSpecs specs = read("""
                [database.a]
                url = "jdbc:h2:tcp://localhost/~/WSO2AM_DB"
                [database.b]
                url = "jdbc:h2:mem:test"
                [database.c]
                url = "jdbc:h2:${carbon.home}/repository/database/WSO2SHARED_DB;DB_CLOSE_ON_EXIT=FALSE"
                """, Map.of(), Map.of());

        assertThat(specs.all().get(0).problem()).isPresent();
        assertThat(specs.all().get(1).problem()).isPresent();
        assertThat(specs.all().get(2).connectUrl())
                .isEqualTo("jdbc:h2:" + home.resolve("repository/database/WSO2SHARED_DB"));
    }

    @Test
    void withoutADeploymentTomlThereAreNoSpecsAndMalformedTomlIsAnInputErrorWithItsLine() throws Exception {
        assertThat(DatasourceSpecs.read(new Installation(home, Optional.empty()), Map.of(), Map.of())
                        .all())
                .isEmpty();

        assertThatThrownBy(() -> read("[database.apim_db]\nurl = \"jdbc:h2:./x\n", Map.of(), Map.of()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("OLD:" + DatasourceSpecs.TOML);
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void aSuppliedDriverJarIsLoadedInItsOwnClassLoader() throws Exception {
        Path h2Jar = Path.of(org.h2.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());

        List<Driver> drivers = JdbcDrivers.load(List.of(h2Jar));

        assertThat(drivers).singleElement().satisfies(d -> {
            assertThat(d.acceptsURL("jdbc:h2:./x")).isTrue();
            assertThat(d.getClass().getClassLoader()).isNotSameAs(org.h2.Driver.class.getClassLoader());
        });
        assertThatThrownBy(() -> JdbcDrivers.load(List.of(home.resolve("missing.jar"))))
                .isInstanceOf(InputException.class);
    }

    private DatasourceSpecs readWithAnalytics(String workerYaml, Map<String, String> env) throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        Files.writeString(home.resolve(DatasourceSpecs.TOML), "[server]\nhostname = \"localhost\"\n");
        Path analytics = home.resolve("analytics");
        Files.createDirectories(analytics.resolve("conf/worker"));
        Files.writeString(analytics.resolve(AnalyticsYaml.WORKER), workerYaml);
        return DatasourceSpecs.read(
                new Installation(home, Optional.empty()),
                new AnalyticsHomes(Optional.of(analytics), Optional.empty()),
                Map.of(),
                env);
    }

    private static String worker(String url, String password) {
        return """
                wso2.datasources:
                  dataSources:
                    - name: APIM_ANALYTICS_DB
                      definition:
                        type: RDBMS
                        configuration:
                          jdbcUrl: '%s'
                          username: wso2carbon
                          password: '%s'
                """.formatted(url, password);
    }

    @Test
    void theOldAnalyticsWorkersApimAnalyticsDbIsReadWithItsH2FileInTheAnalyticsHomeAndItsYamlPassword()
            throws Exception {
        DatasourceSpecs specs = readWithAnalytics(
                worker("jdbc:h2:${sys:carbon.home}/wso2/worker/database/WSO2AM_STATS_DB;AUTO_SERVER=TRUE", "from-yaml"),
                Map.of());

        assertThat(analyticsOnly(specs)).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("APIM_ANALYTICS_DB");
            assertThat(s.connectUrl())
                    .isEqualTo("jdbc:h2:" + home.resolve("analytics/wso2/worker/database/WSO2AM_STATS_DB"));
            assertThat(s.password()).isEqualTo("from-yaml");
            assertThat(s.problem()).isEmpty();
            assertThat(s.source().where()).isEqualTo("OLD-analytics:conf/worker/deployment.yaml");
            assertThat(s.source().line()).isEqualTo(7);
        });
    }

    @Test
    void theAnalyticsPasswordVariableOverridesTheYamlAndAVaultReferenceWithoutItLeavesTheDatabaseUntried()
            throws Exception {
        String url = "jdbc:mysql://stats.example:3306/stats";
        assertThat(analyticsOnly(readWithAnalytics(
                                worker(url, "${sec:analytics.db}"),
                                Map.of("APIM_UPGRADE_DB_PASSWORD_APIM_ANALYTICS_DB", "from-env")))
                        .get(0)
                        .password())
                .isEqualTo("from-env");

        DatasourceSpec untried = analyticsOnly(readWithAnalytics(worker(url, "${sec:analytics.db}"), Map.of()))
                .get(0);
        assertThat(untried.problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("APIM_UPGRADE_DB_PASSWORD_APIM_ANALYTICS_DB")
                        .contains("${sec:analytics.db}"));
    }

    @Test
    void withoutAnAnalyticsHomeOnlyTheTomlDatasourcesAndTheDefaultApimDbAreRead() throws Exception {
        assertThat(read("[server]\nhostname = \"localhost\"\n", Map.of(), Map.of())
                        .all())
                .extracting(DatasourceSpec::name)
                .containsExactly("apim_db");
    }

    /** The analytics datasources of what was read (a toml without [database.apim_db] also gives apim_db's default). */
    private static java.util.List<DatasourceSpec> analyticsOnly(DatasourceSpecs specs) {
        return specs.all().stream()
                .filter(s -> s.name().equals("APIM_ANALYTICS_DB"))
                .toList();
    }

    @Test
    void anAnalyticsHomeGivenAsARelativePathStillNamesItsOwnH2File() throws Exception {
        Files.createDirectories(home.resolve("repository/conf"));
        Files.writeString(home.resolve(DatasourceSpecs.TOML), "[server]\nhostname = \"localhost\"\n");
        Path analytics = home.resolve("analytics");
        Files.createDirectories(analytics.resolve("conf/worker"));
        Files.writeString(
                analytics.resolve(AnalyticsYaml.WORKER),
                worker("jdbc:h2:${sys:carbon.home}/wso2/worker/database/WSO2AM_STATS_DB;AUTO_SERVER=TRUE", "pw"));
        Path relative = Path.of("").toAbsolutePath().relativize(analytics);

        DatasourceSpec spec = DatasourceSpecs.read(
                        new Installation(home, Optional.empty()),
                        new AnalyticsHomes(Optional.of(relative), Optional.empty()),
                        Map.of(),
                        Map.of())
                .all()
                .stream()
                .filter(s -> s.name().equals("APIM_ANALYTICS_DB"))
                .findFirst()
                .orElseThrow();

        assertThat(Path.of(spec.connectUrl().substring("jdbc:h2:".length()))
                        .toAbsolutePath()
                        .normalize())
                .isEqualTo(analytics
                        .resolve("wso2/worker/database/WSO2AM_STATS_DB")
                        .toAbsolutePath()
                        .normalize());
    }
}
