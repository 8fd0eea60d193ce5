package dev.apimupgrade.scan;

import static dev.apimupgrade.scan.FileHomes.home;
import static dev.apimupgrade.scan.FileHomes.jar;
import static dev.apimupgrade.scan.FileHomes.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.MigrationArtefact;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.UnreadableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarScannerTest {
    static final String DROPINS = "repository/components/dropins/";
    static final String LIB = "repository/components/lib/";
    static final String IMPORTS = "org.osgi.framework;version=\"[1.8,2)\",org.apache.synapse;version=\"[2.1,3)\","
            + "org.wso2.carbon.apimgt.gateway.handlers;version=\"[6.5,7)\"";

    @TempDir
    Path tmp;

    private Facts scan(Path old, Path neu) {
        return new Facts(new JarScanner().scan(new Installation(old, Optional.ofNullable(neu))));
    }

    private static JarFile only(Facts facts, String name) {
        return facts.ofType(JarFile.class).stream()
                .filter(j -> j.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCustomOsgiBundleInOldDropinsKeepsItsHeadersAsWrittenForCfgCustomDropins() throws IOException {
        Path old = home(tmp.resolve("old"));
        Path bundle = jar(
                old,
                DROPINS + "com.acme.gateway.handler-1.2.0.jar",
                Map.of(
                        "Bundle-SymbolicName",
                        "com.acme.gateway.handler;singleton:=true",
                        "Bundle-Version",
                        "1.2.0",
                        "Import-Package",
                        IMPORTS),
                Map.of("com/acme/Handler.class", "x"));

        JarFile fact = only(scan(old, null), "com.acme.gateway.handler-1.2.0.jar");

        assertThat(fact)
                .extracting(
                        JarFile::role,
                        JarFile::folder,
                        JarFile::osgiBundle,
                        JarFile::symbolicName,
                        JarFile::bundleVersion,
                        JarFile::importPackage,
                        JarFile::jdbcDriverClass,
                        JarFile::stock)
                .containsExactly(Role.OLD, "dropins", true, "com.acme.gateway.handler", "1.2.0", IMPORTS, "", false);
        assertThat(fact.sha256()).isEqualTo(FileDigest.sha256(bundle));
        assertThat(fact.source().where()).isEqualTo("OLD:" + DROPINS + "com.acme.gateway.handler-1.2.0.jar");
    }

    @Test
    void oldLibJarsAreStockOnlyWhenListedOrShippedInTheNewHomeForCfgCustomLib() throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        jar(old, LIB + "acme-crypto-2.0.jar", Map.of(), Map.of("acme/Crypto.class", "x"));
        jar(old, LIB + "httpmime-4.3.6.jar", Map.of(), Map.of("org/apache/Mime.class", "x"));
        jar(old, LIB + "commons-shared-1.0.jar", Map.of(), Map.of("Shared.class", "x"));
        jar(neu, LIB + "commons-shared-1.0.jar", Map.of(), Map.of("Shared.class", "y"));
        jar(old, DROPINS + "httpmime-4.3.6-dropin.jar", Map.of(), Map.of("A.class", "x"));

        Facts facts = scan(old, neu);

        assertThat(facts.ofType(JarFile.class).stream()
                        .filter(j -> j.role() == Role.OLD && j.folder().equals("lib")))
                .extracting(JarFile::name, JarFile::osgiBundle, JarFile::stock)
                .containsExactly(
                        tuple("acme-crypto-2.0.jar", false, false),
                        tuple("commons-shared-1.0.jar", false, true),
                        tuple("httpmime-4.3.6.jar", false, true));
        // the list is per folder: a lib jar's name does not make a dropins jar stock
        assertThat(only(facts, "httpmime-4.3.6-dropin.jar").stock()).isFalse();
        assertThat(only(facts, "acme-crypto-2.0.jar").observed()).isEqualTo("lib/acme-crypto-2.0.jar (plain jar)");
    }

    @Test
    void aJdbcDriverJarNamesItsDriverClassInEitherHomeForCfgJdbcDriver() throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        Map<String, String> driver = Map.of(
                "META-INF/services/java.sql.Driver",
                "# registered for DriverManager\n\ncom.mysql.cj.jdbc.Driver # the 8.x driver\norg.other.Driver\n");
        jar(old, LIB + "mysql-connector-java-8.0.20.jar", Map.of(), driver);
        jar(neu, LIB + "mysql-connector-java-8.0.20.jar", Map.of(), driver);

        Facts facts = scan(old, neu);

        assertThat(facts.ofType(JarFile.class))
                .extracting(JarFile::role, JarFile::folder, JarFile::jdbcDriverClass, JarFile::stock)
                .containsExactly(
                        tuple(Role.OLD, "lib", "com.mysql.cj.jdbc.Driver", true),
                        tuple(Role.NEW, "lib", "com.mysql.cj.jdbc.Driver", true));
        assertThat(facts.ofType(FilePresence.class))
                .extracting(FilePresence::role, FilePresence::relativePath, FilePresence::present)
                .containsExactly(
                        tuple(Role.OLD, "repository/components/dropins", false),
                        tuple(Role.OLD, "repository/components/lib", true),
                        tuple(Role.NEW, "repository/components/dropins", false),
                        tuple(Role.NEW, "repository/components/lib", true));
    }

    @Test
    void withoutANewHomeNoNewJarsAreReportedAndNoDriverMeansAnEmptyClassForCfgJdbcDriver() throws IOException {
        Path old = home(tmp.resolve("old"));
        jar(old, LIB + "h2-1.4.199.jar", Map.of(), Map.of("org/h2/Driver.class", "x"));

        Facts facts = scan(old, null);

        assertThat(facts.ofType(JarFile.class))
                .extracting(JarFile::role, JarFile::jdbcDriverClass)
                .containsExactly(tuple(Role.OLD, ""));
        assertThat(facts.ofType(FilePresence.class)).allMatch(p -> p.role() == Role.OLD);
    }

    @Test
    void aCorruptJarBecomesAnUnreadableFileAndTheOthersAreStillReadForPreUnreadableContent() throws IOException {
        Path old = home(tmp.resolve("old"));
        write(old, DROPINS + "broken-1.0.jar", "this is not a zip file");
        jar(old, DROPINS + "fine-1.0.jar", Map.of("Bundle-SymbolicName", "fine", "Bundle-Version", "1.0"), Map.of());

        Facts facts = scan(old, null);

        assertThat(facts.ofType(UnreadableFile.class))
                .extracting(UnreadableFile::role, UnreadableFile::area, UnreadableFile::relativePath)
                .containsExactly(tuple(Role.OLD, "dropins", DROPINS + "broken-1.0.jar"));
        assertThat(facts.ofType(UnreadableFile.class).get(0).reason()).startsWith("cannot be opened as a jar");
        assertThat(facts.ofType(JarFile.class)).extracting(JarFile::name).containsExactly("fine-1.0.jar");
        assertThat(Files.readString(old.resolve(DROPINS + "broken-1.0.jar"))).isEqualTo("this is not a zip file");
    }

    @Test
    void migrationToolJarsAreNeitherStockNorCustomInEitherHomeForCfgCustomDropins() throws IOException {
        Path old = home(tmp.resolve("old"));
        Path neu = home(tmp.resolve("new"));
        jar(old, DROPINS + "org.wso2.carbon.apimgt.migrate.client-3.0.0-2.jar", Map.of(), Map.of());
        jar(neu, DROPINS + "org.wso2.carbon.is.migration-1.0.147.jar", Map.of(), Map.of());
        jar(neu, DROPINS + "tenantloader-1.0.jar", Map.of(), Map.of());
        jar(
                neu,
                DROPINS + "org.wso2.carbon.identity.oauth2.grant.jwt-1.0.26.jar",
                Map.of("Bundle-SymbolicName", "org.wso2.carbon.identity.oauth2.grant.jwt"),
                Map.of());

        Facts facts = scan(old, neu);

        assertThat(facts.ofType(JarFile.class))
                .extracting(JarFile::role, JarFile::name, JarFile::stock)
                .containsExactly(
                        tuple(Role.OLD, "org.wso2.carbon.apimgt.migrate.client-3.0.0-2.jar", false),
                        tuple(Role.NEW, "org.wso2.carbon.identity.oauth2.grant.jwt-1.0.26.jar", true),
                        tuple(Role.NEW, "org.wso2.carbon.is.migration-1.0.147.jar", false),
                        tuple(Role.NEW, "tenantloader-1.0.jar", false));
        assertThat(facts.ofType(MigrationArtefact.class))
                .extracting(MigrationArtefact::role, MigrationArtefact::name)
                .containsExactly(
                        tuple(Role.OLD, "org.wso2.carbon.apimgt.migrate.client-3.0.0-2.jar"),
                        tuple(Role.NEW, "org.wso2.carbon.is.migration-1.0.147.jar"),
                        tuple(Role.NEW, "tenantloader-1.0.jar"));
    }
}
