package dev.apimupgrade.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Synapse XML (and diffs of it) keeps no credential: what a customised protected file may write out is masked. */
class SecretMaskXmlTest {

    @Test
    void attributesAndElementsNamedLikeSecretsAreMasked() {
        assertThat(SecretMask.xml("<endpoint password=\"s3cret!\" uri=\"https://b\"/>"))
                .isEqualTo("<endpoint password=\"****\" uri=\"https://b\"/>");
        assertThat(SecretMask.xml("+ <basicAuth><username>svc</username><password>s3cret!</password></basicAuth>"))
                .isEqualTo("+ <basicAuth><username>svc</username><password>****</password></basicAuth>");
        assertThat(SecretMask.xml("<ns:clientSecret xmlns:ns=\"x\">abc123</ns:clientSecret>"))
                .isEqualTo("<ns:clientSecret xmlns:ns=\"x\">****</ns:clientSecret>");
    }

    @Test
    void namedPropertiesAndParametersHoldingSecretsAreMasked() {
        assertThat(SecretMask.xml("<property name=\"backend.password\" value=\"s3cret!\" scope=\"default\"/>"))
                .isEqualTo("<property name=\"backend.password\" value=\"****\" scope=\"default\"/>");
        assertThat(SecretMask.xml("<parameter name=\"apiToken\">eyJhbGciOi</parameter>"))
                .isEqualTo("<parameter name=\"apiToken\">****</parameter>");
    }

    @Test
    void writtenOutHttpCredentialsAreMaskedButABasicRealmIsNot() {
        assertThat(SecretMask.xml(
                        "<property name=\"Authorization\" value=\"Basic YWRtaW46YWRtaW4=\" scope=\"transport\"/>"))
                .isEqualTo("<property name=\"Authorization\" value=\"****\" scope=\"transport\"/>");
        assertThat(SecretMask.xml("<header name=\"X-Auth\" value=\"Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig\"/>"))
                .isEqualTo("<header name=\"X-Auth\" value=\"Bearer ****\"/>");
        assertThat(SecretMask.xml("<header name=\"WWW-Authenticate\" value=\"Basic realm=WSO2\"/>"))
                .isEqualTo("<header name=\"WWW-Authenticate\" value=\"Basic realm=WSO2\"/>");
    }

    @Test
    void ordinaryConfigurationAndVaultLookupsAreKept() {
        String plain =
                "<property name=\"X-Partner-Trace\" expression=\"get-property('MessageID')\" scope=\"transport\"/>";
        String vault = "<property name=\"password\" expression=\"wso2:vault-lookup('backend.pw')\"/>";
        String lookup = "<password>{wso2:vault-lookup('backend.pw')}</password>";

        assertThat(SecretMask.xml(plain)).isEqualTo(plain);
        assertThat(SecretMask.xml(vault)).isEqualTo(vault);
        assertThat(SecretMask.xml(lookup)).isEqualTo(lookup);
        assertThat(SecretMask.xml("<property name=\"Authorization\" scope=\"transport\" action=\"remove\"/>"))
                .isEqualTo("<property name=\"Authorization\" scope=\"transport\" action=\"remove\"/>");
    }
}
