package dev.apimupgrade.scan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(specs.all().get(1).kind()).contains(DbKind.POSTGRESQL);
    }

    @Test
    void aPasswordGivenOnTheCommandLineWinsOverTheEnvironmentWhichWinsOverTheToml() throws Exception {
        String toml = """
                [database.apim_db]
                url = "jdbc:postgresql://db/apim"
                password = "from-toml"
                """;

        assertThat(read(toml, Map.of(), Map.of()).all().get(0).password()).isEqualTo("from-toml");
        assertThat(read(toml, Map.of(), Map.of("APIM_UPGRADE_DB_PASSWORD_APIM_DB", "from-env")).all().get(0).password())
                .isEqualTo("from-env");
        assertThat(read(toml, Map.of("apim_db", "from-cli"), Map.of("APIM_UPGRADE_DB_PASSWORD_APIM_DB", "from-env"))
                .all().get(0).password()).isEqualTo("from-cli");
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
        assertThat(DatasourceSpecs.read(new Installation(home, Optional.empty()), Map.of(), Map.of()).all()).isEmpty();

        assertThatThrownBy(() -> read("[database.apim_db]\nurl = \"jdbc:h2:./x\n", Map.of(), Map.of()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo(DatasourceSpecs.TOML);
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void aSuppliedDriverJarIsLoadedInItsOwnClassLoader() throws Exception {
        Path h2Jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        List<Driver> drivers = JdbcDrivers.load(List.of(h2Jar));

        assertThat(drivers).singleElement().satisfies(d -> {
            assertThat(d.acceptsURL("jdbc:h2:./x")).isTrue();
            assertThat(d.getClass().getClassLoader()).isNotSameAs(org.h2.Driver.class.getClassLoader());
        });
        assertThatThrownBy(() -> JdbcDrivers.load(List.of(home.resolve("missing.jar"))))
                .isInstanceOf(InputException.class);
    }
}
