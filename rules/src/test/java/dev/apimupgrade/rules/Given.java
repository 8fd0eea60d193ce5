package dev.apimupgrade.rules;

import dev.apimupgrade.fact.Answer;
import dev.apimupgrade.fact.AssessmentDate;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.ExecutionPlanFile;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.HomeGiven;
import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.KeystoreEntry;
import dev.apimupgrade.fact.MigrationArtefact;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.fact.RegistryDatasource;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SecretReference;
import dev.apimupgrade.fact.SecureVaultConfig;
import dev.apimupgrade.fact.ServerProcess;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.SynapseFile;
import dev.apimupgrade.fact.TenantDirectory;
import dev.apimupgrade.fact.TomlDifference;
import dev.apimupgrade.fact.TomlSetting;
import dev.apimupgrade.fact.WumUpdates;
import java.time.LocalDate;
import java.util.List;

/** Small builders of the facts the rule tests need, with the values a stock home would show unless told otherwise. */
final class Given {
    static final String TOML = "repository/conf/deployment.toml";
    static final String H2_AM = "jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    static final String H2_SHARED = "jdbc:h2:./repository/database/WSO2SHARED_DB;DB_CLOSE_ON_EXIT=FALSE";
    static final String MYSQL_AM = "jdbc:mysql://db.example.com:3306/am_db";
    static final String MYSQL_SHARED = "jdbc:mysql://db.example.com:3306/shared_db";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private Given() {}

    static HomeGiven home(Role role) {
        return new HomeGiven(
                role, role == Role.OLD ? "/opt/wso2am-3.0.0" : "/opt/wso2am-3.1.0", new SourceRef("cli", 0));
    }

    static ProductVersion version(Role role, String marker, String version) {
        return new ProductVersion(role, marker, version, SourceRef.file(role, "repository/conf/carbon.xml"));
    }

    static WumUpdates wum(Role role, boolean present) {
        return new WumUpdates(role, present, present ? "1590000000000" : "", SourceRef.file(role, "updates/wum"));
    }

    static DatasourceConfig datasource(Role role, String name, String type, String url) {
        return new DatasourceConfig(role, name, type, url, "", "", false, SourceRef.line(role, TOML, 20));
    }

    static DatasourceConfig datasource(Role role, String name, String type, String url, String driver, String query) {
        return new DatasourceConfig(role, name, type, url, driver, query, false, SourceRef.line(role, TOML, 20));
    }

    /** The old home's registry as a stock 3.0.0 deployment.toml places it: both mounts in shared_db. */
    static RegistryDatasource registry() {
        return new RegistryDatasource(
                Role.OLD,
                DatasourceConfig.SHARED_DB,
                List.of(RegistryDatasource.GOVERNANCE, RegistryDatasource.CONFIG),
                RegistryDatasource.FROM_TEMPLATE,
                SourceRef.file(Role.OLD, RegistryDatasource.TEMPLATE));
    }

    /** The old home's registry split as a written [database.config] splits it: governance here, config there. */
    static List<RegistryDatasource> registrySplit(String governance, String config) {
        return List.of(
                new RegistryDatasource(
                        Role.OLD,
                        governance,
                        List.of(RegistryDatasource.GOVERNANCE),
                        RegistryDatasource.FROM_TEMPLATE,
                        SourceRef.file(Role.OLD, RegistryDatasource.TEMPLATE)),
                new RegistryDatasource(
                        Role.OLD,
                        config,
                        List.of(RegistryDatasource.CONFIG),
                        DatasourceConfig.WRITTEN,
                        SourceRef.line(Role.OLD, TOML, 30)));
    }

    static TomlSetting setting(Role role, String key, String value) {
        return new TomlSetting(role, key, value, SourceRef.line(role, TOML, 10));
    }

    static TomlDifference difference(String key, String change) {
        return new TomlDifference(Role.OLD, key, change, SourceRef.line(Role.OLD, TOML, 12));
    }

    static ServerProcess process(Role role, long pid, boolean alive) {
        return pid == 0
                ? ServerProcess.absent(role, "wso2carbon.pid", SourceRef.file(role, "wso2carbon.pid"))
                : new ServerProcess(role, "wso2carbon.pid", true, pid, alive, SourceRef.file(role, "wso2carbon.pid"));
    }

    static Answer answer(String key, String value) {
        return new Answer(key, value, SourceRef.answers("answers.yaml", key));
    }

    static FilePresence presence(Role role, String path, boolean present) {
        return new FilePresence(role, path, present, SourceRef.file(role, path));
    }

    static SynapseFile synapse(String tenant, String path, boolean protectedFile) {
        return new SynapseFile(
                Role.OLD,
                tenant,
                path,
                "ab12cd34ef56ab12cd34ef56",
                protectedFile,
                SourceRef.file(Role.OLD, "synapse-configs/default/" + path));
    }

    static StockComparison comparison(StockComparison.Category category, String tenant, String path, boolean matches) {
        return new StockComparison(
                Role.OLD,
                category,
                tenant,
                path,
                matches,
                StockComparison.Baseline.NEW_HOME,
                SourceRef.file(Role.OLD, "synapse-configs/default/" + path));
    }

    static TenantDirectory tenant(String id, boolean hasSynapse) {
        return new TenantDirectory(
                Role.OLD, id, hasSynapse, hasSynapse ? 12 : 0, SourceRef.file(Role.OLD, "repository/tenants/" + id));
    }

    static ExecutionPlanFile plan(String name, boolean stockName) {
        return new ExecutionPlanFile(
                Role.OLD,
                name,
                stockName,
                "sha",
                SourceRef.file(Role.OLD, "repository/deployment/server/executionplans/" + name));
    }

    static JarFile jar(Role role, String folder, String name, boolean stock) {
        return new JarFile(
                role,
                folder,
                name,
                false,
                "",
                "",
                "",
                "",
                stock,
                "sha",
                SourceRef.file(role, "repository/components/" + folder + "/" + name));
    }

    static JarFile driverJar(Role role, String name, String driverClass, boolean stock) {
        return new JarFile(
                role,
                "lib",
                name,
                false,
                "",
                "",
                "",
                driverClass,
                stock,
                "sha",
                SourceRef.file(role, "repository/components/lib/" + name));
    }

    static MigrationArtefact artefact(Role role, String folder, String name) {
        return new MigrationArtefact(
                role, folder, name, SourceRef.file(role, "repository/components/" + folder + "/" + name));
    }

    static Keystore keystore(Role role, String purpose, String file, String sha) {
        return new Keystore(
                role,
                purpose,
                file,
                "JKS",
                true,
                true,
                "",
                "wso2carbon",
                true,
                true,
                SourceRef.file(role, "repository/resources/security/" + file),
                sha);
    }

    static Keystore truststore(Role role, String file, boolean defaultName, boolean defaultPassword) {
        return new Keystore(
                role,
                "truststore",
                file,
                "JKS",
                true,
                true,
                "",
                "",
                defaultName,
                defaultPassword,
                SourceRef.file(role, "repository/resources/security/" + file),
                "sha-" + file);
    }

    static Keystore unopened(Role role, String purpose, String file, String error) {
        return new Keystore(
                role,
                purpose,
                file,
                "JKS",
                true,
                false,
                error,
                "",
                true,
                true,
                SourceRef.file(role, "repository/resources/security/" + file),
                "sha-" + file);
    }

    static Keystore missing(Role role, String purpose, String file) {
        return new Keystore(
                role,
                purpose,
                file,
                "JKS",
                false,
                false,
                "MISSING",
                "",
                true,
                true,
                SourceRef.file(role, "repository/resources/security/" + file),
                "");
    }

    static KeystoreEntry entry(Role role, String file, String alias, String subject, LocalDate notAfter) {
        return new KeystoreEntry(
                role,
                file,
                alias,
                "trustedCertEntry",
                subject,
                notAfter.toEpochDay(),
                "RSA",
                2048,
                SourceRef.file(role, "repository/resources/security/" + file));
    }

    static AssessmentDate today() {
        return AssessmentDate.of(TODAY);
    }

    static SecureVaultConfig vault(boolean secrets) {
        return new SecureVaultConfig(Role.OLD, secrets, secrets, secrets ? 2 : 0, SourceRef.line(Role.OLD, TOML, 80));
    }

    static SecretReference secretRef(String alias, boolean commented) {
        return new SecretReference(Role.OLD, alias, commented, true, SourceRef.line(Role.OLD, TOML, 30));
    }
}
