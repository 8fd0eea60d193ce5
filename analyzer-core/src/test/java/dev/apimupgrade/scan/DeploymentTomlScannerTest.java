package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SecretReference;
import dev.apimupgrade.fact.SecureVaultConfig;
import dev.apimupgrade.fact.TomlDifference;
import dev.apimupgrade.fact.TomlSetting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTomlScannerTest {
    static final String TOML = TomlFile.PATH;

    @TempDir
    Path tmp;

    private Path old(String toml) throws IOException {
        Path home = home(tmp.resolve("old"));
        write(home, TOML, toml);
        return home;
    }

    private static Facts scan(Path old, Path neu) throws InputException {
        return new Facts(new DeploymentTomlScanner().scan(new Installation(old, Optional.ofNullable(neu))));
    }

    private static TomlSetting setting(Facts facts, Role role, String key) {
        return facts.ofType(TomlSetting.class).stream()
                .filter(s -> s.role() == role && s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no setting " + key));
    }

    @Test
    void everyLeafBecomesADottedSettingWithItsLineForPreDistributedAndAnaEnabled() throws Exception {
        Path old = old("""
                [server]
                hostname = "apim.example.com"

                [apim.analytics]
                enable = true

                [[apim.gateway.environment]]
                name = "Production"
                service_url = "https://gw1.example.com:9443/services/"

                [[apim.gateway.environment]]
                name = "Sandbox"

                [apim.cors]
                allow_methods = ["GET","PUT"]

                [apim.key_manager]
                pool.init_idle_capacity = 50
                """);

        Facts facts = scan(old, null);

        assertThat(facts.ofType(TomlSetting.class))
                .extracting(
                        TomlSetting::key, TomlSetting::value, s -> s.source().line())
                .containsExactly(
                        tuple("server.hostname", "apim.example.com", 2),
                        tuple("apim.analytics.enable", "true", 5),
                        tuple("apim.gateway.environment[0].name", "Production", 8),
                        tuple("apim.gateway.environment[0].service_url", "https://gw1.example.com:9443/services/", 9),
                        tuple("apim.gateway.environment[1].name", "Sandbox", 12),
                        tuple("apim.cors.allow_methods", "[\"GET\", \"PUT\"]", 15),
                        tuple("apim.key_manager.pool.init_idle_capacity", "50", 18));
        assertThat(setting(facts, Role.OLD, "server.hostname").source().where()).isEqualTo("OLD:" + TOML);
    }

    @Test
    void eachSettingKeepsItsTomlTypeSoAStringThatReadsFalseOrFiftyIsNotABooleanOrAnIntegerForCfgDbApim()
            throws Exception {
        // the migration testing tool's [database.apim_db] writes its pool settings as strings
        Path old = old("""
                [database.apim_db]
                url = "jdbc:postgresql://localhost:5432/amdb"
                password = "root"
                defaultAutoCommit = "false"
                maxActive = "50"
                pool_options.testOnBorrow = true
                pool_options.maxWait = 60000
                pool_options.ratio = 0.5
                pool_options.hosts = ["a", "b"]
                """);

        Facts facts = scan(old, null);

        assertThat(facts.ofType(TomlSetting.class))
                .extracting(TomlSetting::key, TomlSetting::value, TomlSetting::type)
                .containsExactly(
                        tuple("database.apim_db.url", "jdbc:postgresql://localhost:5432/amdb", "string"),
                        tuple("database.apim_db.password", SecretMask.MASK, "string"),
                        tuple("database.apim_db.defaultAutoCommit", "false", "string"),
                        tuple("database.apim_db.maxActive", "50", "string"),
                        tuple("database.apim_db.pool_options.testOnBorrow", "true", "boolean"),
                        tuple("database.apim_db.pool_options.maxWait", "60000", "integer"),
                        tuple("database.apim_db.pool_options.ratio", "0.5", "float"),
                        tuple("database.apim_db.pool_options.hosts", "[\"a\", \"b\"]", "array"));
    }

    @Test
    void secretValuesAreMaskedAndSecretReferencesKeptForKeySecureVault() throws Exception {
        Path old = old("""
                [super_admin]
                username = "admin"
                password = "Adm1nPlanted"

                [keystore.tls]
                key_password = "$secret{tls_key}"

                [database.apim_db]
                type = "mysql"
                url = "jdbc:mysql://dbuser:UrlPlanted@db.example.com:3306/apim?password=ParamPlanted&useSSL=false"

                [database.shared_db]
                url = "jdbc:oracle:thin:scott/OraPlanted@db.example.com:1521:orcl"

                [apim.cors]
                allow_credentials = false

                [secrets]
                admin_password = "CipherPlanted"
                """);

        Facts facts = scan(old, null);

        assertThat(setting(facts, Role.OLD, "super_admin.username").value()).isEqualTo("admin");
        assertThat(setting(facts, Role.OLD, "super_admin.password").value()).isEqualTo("****");
        assertThat(setting(facts, Role.OLD, "keystore.tls.key_password").value())
                .isEqualTo("$secret{tls_key}");
        assertThat(setting(facts, Role.OLD, "secrets.admin_password").value()).isEqualTo("****");
        assertThat(setting(facts, Role.OLD, "database.apim_db.url").value())
                .isEqualTo("jdbc:mysql://****@db.example.com:3306/apim?password=****&useSSL=false");
        assertThat(setting(facts, Role.OLD, "database.shared_db.url").value())
                .isEqualTo("jdbc:oracle:thin:****@db.example.com:1521:orcl");
        // a flag under a secret-looking name holds no secret, and rules may need it
        assertThat(setting(facts, Role.OLD, "apim.cors.allow_credentials").value())
                .isEqualTo("false");
    }

    @Test
    void plantedPasswordsAppearInNoFactObservedTextOrSource() throws Exception {
        String toml = """
                # old admin password was "Comment$Planted"
                [super_admin]
                password = "AdminPlanted"
                [database.apim_db]
                url = "jdbc:postgresql://u:UrlPlanted@h/db;password=ParamPlanted"
                password = "DbPlanted"
                [keystore.primary]
                password = "KsPlanted"
                key_password = "KeyPlanted"
                [truststore]
                password = "TsPlanted"
                [apim.notification]
                password = ["ArrayPlanted"]
                [secrets]
                admin_password = "VaultPlanted"
                """;
        Path old = old(toml);
        Path neu = home(tmp.resolve("new"));
        write(neu, TOML, toml);

        Facts facts = scan(old, neu);

        assertThat(facts.size()).isGreaterThan(20);
        for (Observation o : facts.all()) {
            assertThat(o.observed() + " " + o.source() + " " + o).doesNotContain("Planted");
        }
    }

    @Test
    void eachDatabaseTableBecomesADatasourceForTheCfgDbConditions() throws Exception {
        Path old = old("""
                [database.apim_db]
                type = "postgre"
                url = "jdbc:postgresql://db:5432/apim"
                password = "$secret{apim_db_password}"
                driver = "org.postgresql.Driver"
                validationQuery = "SELECT 1"

                [database.user]
                type = "mysql"
                url = "jdbc:mysql://db:3306/um"
                password = "plain"
                pool_options.driverClassName = "com.mysql.cj.jdbc.Driver"
                pool_options.validationQuery = "SELECT 2"

                [database.local]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2CARBON_DB"
                """);

        assertThat(scan(old, null).ofType(DatasourceConfig.class))
                .extracting(
                        DatasourceConfig::name,
                        DatasourceConfig::type,
                        DatasourceConfig::url,
                        DatasourceConfig::driver,
                        DatasourceConfig::validationQuery,
                        DatasourceConfig::passwordIsSecretRef,
                        d -> d.source().line())
                .containsExactly(
                        tuple(
                                "apim_db",
                                "postgre",
                                "jdbc:postgresql://db:5432/apim",
                                "org.postgresql.Driver",
                                "SELECT 1",
                                true,
                                1),
                        tuple(
                                "user",
                                "mysql",
                                "jdbc:mysql://db:3306/um",
                                "com.mysql.cj.jdbc.Driver",
                                "SELECT 2",
                                false,
                                8),
                        tuple("local", "h2", "jdbc:h2:./repository/database/WSO2CARBON_DB", "", "", false, 15));
    }

    @Test
    void differencesFromStockNameAddedChangedAndRemovedKeysComparingSecretsByHashForCfgNoFileCopy() throws Exception {
        Map<String, String> stockHashes = new LinkedHashMap<>();
        stockHashes.put("server.hostname", StockToml.hash("localhost"));
        stockHashes.put("super_admin.password", StockToml.hash("admin"));
        stockHashes.put("keystore.tls.password", StockToml.hash("wso2carbon"));
        stockHashes.put("user_store.type", StockToml.hash("database"));
        Path old = old("""
                [server]
                hostname = "apim.example.com"
                [super_admin]
                password = "admin"
                [keystore.tls]
                password = "changed"
                [apim.analytics]
                enable = true
                """);

        var diffs = new DeploymentTomlScanner(new StockToml(stockHashes))
                .scan(new Installation(old, Optional.empty())).stream()
                        .filter(TomlDifference.class::isInstance)
                        .map(TomlDifference.class::cast)
                        .toList();

        assertThat(diffs)
                .extracting(
                        TomlDifference::key,
                        TomlDifference::change,
                        d -> d.source().line())
                .containsExactly(
                        tuple("server.hostname", "CHANGED", 2),
                        tuple("keystore.tls.password", "CHANGED", 6),
                        tuple("apim.analytics.enable", "ADDED", 8),
                        tuple("user_store.type", "REMOVED", 0));
    }

    @Test
    void secureVaultUseAndEverySecretReferenceAreObservedForKeySecureVault() throws Exception {
        Path old = old("""
                [super_admin]
                password = "$secret{admin_password}"
                # password = "$secret{old_password}"
                [database.apim_db]
                password = "$secret{undefined_alias}"

                [secrets]
                admin_password = "[abc]"
                old_password = "[def]"
                """);

        Facts facts = scan(old, null);

        assertThat(facts.ofType(SecureVaultConfig.class))
                .extracting(
                        SecureVaultConfig::role,
                        SecureVaultConfig::secretsTablePresent,
                        SecureVaultConfig::secretsTableLast,
                        SecureVaultConfig::aliasCount,
                        v -> v.source().line())
                .containsExactly(tuple(Role.OLD, true, true, 2, 7));
        assertThat(facts.ofType(SecretReference.class))
                .extracting(
                        SecretReference::alias,
                        SecretReference::commented,
                        SecretReference::aliasDefined,
                        r -> r.source().line())
                .containsExactly(
                        tuple("admin_password", false, true, 2),
                        tuple("old_password", true, true, 3),
                        tuple("undefined_alias", false, false, 5));
    }

    @Test
    void aSecretsTableFollowedByAnotherTableIsNotLastAndNoSecretsMeansNoVaultForKeySecureVault() throws Exception {
        Path old = old("""
                [secrets]
                a = "[x]"
                [server]
                hostname = "h"
                """);
        Path neu = home(tmp.resolve("new"));
        write(neu, TOML, "[server]\nhostname = \"h\"\n");

        assertThat(scan(old, neu).ofType(SecureVaultConfig.class))
                .extracting(
                        SecureVaultConfig::role,
                        SecureVaultConfig::secretsTablePresent,
                        SecureVaultConfig::secretsTableLast,
                        SecureVaultConfig::aliasCount)
                .containsExactly(tuple(Role.OLD, true, false, 1), tuple(Role.NEW, false, false, 0));
    }

    @Test
    void malformedTomlIsAnInputErrorNamingTheFileAndLine() throws Exception {
        Path old = old("[server]\nhostname = \"h\"\n\n[database.apim_db]\nurl = jdbc:h2:./x\n");

        assertThatThrownBy(() -> scan(old, null)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.file()).isEqualTo("OLD:" + TOML);
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.getMessage()).startsWith("malformed TOML");
        });
    }

    @Test
    void aMissingOldTomlIsAnInputErrorAndAMissingNewTomlGivesNoNewFacts() throws Exception {
        Path oldWithout = home(tmp.resolve("bare"));
        Path neu = home(tmp.resolve("new"));

        assertThatThrownBy(() -> scan(oldWithout, null))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.describe()).contains("OLD:" + TOML).contains("no deployment.toml"));
        Facts facts = scan(old("[server]\nhostname = \"h\"\n"), neu);
        assertThat(facts.all())
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.source().where()).startsWith("OLD:"));
    }
}
