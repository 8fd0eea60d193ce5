package dev.apimupgrade.scan.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedUrlTest {
    @Test
    void theEscapedAmpersandsOfARealKubernetesPatternUrlAreDecodedAsTheXmlParserDecodesThem() {
        // deployments/k8s-pattern-2/key-manager/deployment.toml line 17
        assertThat(RenderedUrl.of("jdbc:mysql://wso2am-mysql-db-service:3306/WSO2AM_DB?useSSL=false&amp;"
                        + "autoReconnect=true&amp;requireSSL=false&amp;verifyServerCertificate=false"))
                .isEqualTo("jdbc:mysql://wso2am-mysql-db-service:3306/WSO2AM_DB?useSSL=false&autoReconnect=true"
                        + "&requireSSL=false&verifyServerCertificate=false");
    }

    @Test
    void characterReferencesAndTheOtherPredefinedEntitiesAreDecodedAndEverythingElseIsKept() {
        assertThat(RenderedUrl.of("jdbc:x://h/db?a=&lt;&gt;&quot;&apos;&#38;&#x26;"))
                .isEqualTo("jdbc:x://h/db?a=<>\"'&&");
        assertThat(RenderedUrl.of("jdbc:mysql://h/db?a=1&b=2&unknown;"))
                .isEqualTo("jdbc:mysql://h/db?a=1&b=2&unknown;");
        assertThat(RenderedUrl.of("jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE");
        assertThat(RenderedUrl.of(null)).isNull();
    }
}
