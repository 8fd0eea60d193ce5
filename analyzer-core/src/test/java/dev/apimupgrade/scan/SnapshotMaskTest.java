package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a snapshot carries of a file: secrets masked as the facts mask them, and the file still what it was. */
class SnapshotMaskTest {

    private static String masked(String path, String text) {
        return new String(SnapshotMask.mask(path, text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void aTomlKeepsItsShapeVaultReferencesBooleansAndStockDefaultsButNotItsPasswords() throws Exception {
        String toml = """
                [server]
                hostname = "gw.example.com"

                [super_admin]
                username = "admin"
                password = "s3cret-admin"

                [keystore.tls]
                file_name = "wso2carbon.jks"
                password = "wso2carbon"

                [database.apim_db]
                url = "jdbc:mysql://db:3306/am?user=am&password=s3cret-url"
                password = "$secret{apim_db}"

                [[apim.gateway.environment]]
                show_as_token_endpoint_url = true
                """;

        String out = masked(TomlFile.PATH, toml);

        assertThat(out)
                .doesNotContain("s3cret")
                .contains("password = \"****\"", "$secret{apim_db}", "show_as_token_endpoint_url = true")
                .as("the stock value of keystore.tls.password is public and kept")
                .contains("password = \"wso2carbon\"");
        assertThat(TomlFile.parse(Role.OLD, out).leaves())
                .hasSameSizeAs(TomlFile.parse(Role.OLD, toml).leaves());
    }

    @Test
    void yamlPropertiesXmlAndSiddhiSecretsAreMaskedAndIndentationIsNot() {
        assertThat(masked("conf/a.yaml", "db:\n  password: s3cret\n")).isEqualTo("db:\n  password: \"****\"\n");
        assertThat(masked("conf/a.properties", "key.store.password=s3cret\nport=9443\n"))
                .isEqualTo("key.store.password=****\nport=9443\n");
        String sequence = "<sequence name=\"_token_fault_\">\n    <drop/>\n</sequence>\n";
        assertThat(masked("sequences/_token_fault_.xml", sequence)).isEqualTo(sequence);
        assertThat(masked("api/a.xml", "<endpoint><password>s3cret</password></endpoint>"))
                .isEqualTo("<endpoint><password>****</password></endpoint>");
        assertThat(masked("plans/a.siddhiql", "@sink(type='email', password='s3cret')"))
                .isEqualTo("@sink(type='email', password='****')");
    }

    @Test
    void aBinaryFileIsCarriedAsItIs() {
        byte[] jar = {'P', 'K', 3, 4, 0, 0, 'p', 'a', 's', 's', 'w', 'o', 'r', 'd', '=', 'x'};
        assertThat(SnapshotMask.mask("repository/components/lib/a.jar", jar)).isSameAs(jar);
    }
}
