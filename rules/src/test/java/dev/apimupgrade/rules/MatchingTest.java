package dev.apimupgrade.rules;

import static dev.apimupgrade.fact.StockComparison.Category.SYNAPSE;
import static dev.apimupgrade.rules.Given.artefact;
import static dev.apimupgrade.rules.Given.comparison;
import static dev.apimupgrade.rules.Given.jar;
import static dev.apimupgrade.rules.Given.keystore;
import static dev.apimupgrade.rules.Given.missing;
import static dev.apimupgrade.rules.Given.synapse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.JarFile;
import dev.apimupgrade.fact.Keystore;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SynapseFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {

    @Test
    void aSynapseFileIsNotStockUnlessAComparisonOfTheSameTenantAndPathMatches() {
        List<SynapseFile> files = List.of(
                synapse("carbon.super", "api/a.xml", false),
                synapse("carbon.super", "sequences/fault.xml", false),
                synapse("1", "sequences/fault.xml", false));

        List<SynapseFile> out = Matching.notStock(
                files,
                List.of(
                        comparison(SYNAPSE, "carbon.super", "sequences/fault.xml", true),
                        comparison(SYNAPSE, "1", "sequences/fault.xml", false)));

        assertThat(out)
                .extracting(f -> f.tenant() + "/" + f.relativePath())
                .containsExactly("carbon.super/api/a.xml", "1/sequences/fault.xml");
        assertThat(Matching.notStock(List.of(), List.of())).isEmpty();
    }

    @Test
    void aCustomJarIsNeitherStockNorAMigrationToolOfTheSameFolder() {
        List<JarFile> jars = List.of(
                jar(Role.OLD, "dropins", "custom.jar", false),
                jar(Role.OLD, "dropins", "stock.jar", true),
                jar(Role.OLD, "dropins", "tenantloader-1.0.jar", false),
                jar(Role.OLD, "lib", "tenantloader-1.0.jar", false));

        List<JarFile> out = Matching.customJars(jars, List.of(artefact(Role.OLD, "dropins", "tenantloader-1.0.jar")));

        assertThat(out)
                .extracting(j -> j.folder() + "/" + j.name())
                .containsExactly("dropins/custom.jar", "lib/tenantloader-1.0.jar");
    }

    @Test
    void anOldKeystoreIsToCopyUnlessTheNewHomeHasTheSameFileWithTheSameHash() {
        List<Keystore> old = List.of(
                keystore(Role.OLD, "primary", "wso2carbon.jks", "a"),
                keystore(Role.OLD, "truststore", "client-truststore.jks", "b"),
                missing(Role.OLD, "tls", "gone.jks"));
        List<Keystore> fresh = List.of(
                keystore(Role.NEW, "primary", "wso2carbon.jks", "a"),
                keystore(Role.NEW, "truststore", "client-truststore.jks", "c"));

        assertThat(Matching.notInNewHome(old, fresh))
                .extracting(Keystore::fileName)
                .containsExactly("client-truststore.jks");
    }

    @Test
    void the42CrunchCertificateIsFoundByAliasOrSubject() {
        assertThat(Matching.is42Crunch("42crunch", "")).isTrue();
        assertThat(Matching.is42Crunch("audit", "CN=*.42Crunch.com, O=42Crunch"))
                .isTrue();
        assertThat(Matching.is42Crunch("wso2carbon", "CN=localhost")).isFalse();
        assertThat(Matching.is42Crunch(null, null)).isFalse();
    }
}
