package dev.apimupgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void readsHostAndPortOfAPlainUrl() {
        assertThat(Endpoints.hostPorts("https://KM.example.com:9444/services/"))
                .containsExactly(new Endpoints.HostPort("km.example.com", "9444"));
    }

    @Test
    void readsPlaceholdersAsHostAndPort() {
        assertThat(Endpoints.hostPorts("https://${carbon.local.ip}:${mgt.transport.https.port}/services/"))
                .containsExactly(new Endpoints.HostPort("${carbon.local.ip}", "${mgt.transport.https.port}"));
    }

    @Test
    void readsEveryUrlOfAnArrayAndSkipsTheUserInfo() {
        assertThat(Endpoints.hostPorts("[\"tcp://admin:****@tm1:9611\", \"tcp://tm2:9611\"]"))
                .extracting(Endpoints.HostPort::toString)
                .containsExactly("tm1:9611", "tm2:9611");
    }

    @Test
    void skipsTheClientIdOfAnAmqpUrlButReadsItsBrokerList() {
        assertThat(Endpoints.hostPorts("amqp://admin:admin@clientid/carbon?brokerlist='tcp://${carbon.local.ip}:5672'"))
                .extracting(Endpoints.HostPort::host)
                .containsExactly("${carbon.local.ip}");
    }

    @Test
    void aValueWithoutUrlsNamesNoHost() {
        assertThat(Endpoints.hostPorts("true")).isEmpty();
        assertThat(Endpoints.hostPorts(null)).isEmpty();
        assertThat(Endpoints.pointsElsewhere("admin")).isFalse();
    }

    @Test
    void localNamesAreLocalAndOthersPointElsewhere() {
        assertThat(Endpoints.pointsElsewhere("https://localhost:9443/services/"))
                .isFalse();
        assertThat(Endpoints.pointsElsewhere("https://127.0.0.1:9443/")).isFalse();
        assertThat(Endpoints.pointsElsewhere("https://gw.example.com:9443/services/"))
                .isTrue();
    }

    @Test
    void ownServiceUrlIsLocalOnTheOwnHttpsPort() {
        assertThat(Endpoints.isOwnServiceUrl("https://localhost:${mgt.transport.https.port}/services/"))
                .isTrue();
        assertThat(Endpoints.isOwnServiceUrl("https://localhost/services/")).isTrue();
        assertThat(Endpoints.isOwnServiceUrl("https://localhost:9444/services/"))
                .isFalse();
        assertThat(Endpoints.isOwnServiceUrl("https://is.example.com:9443/services/"))
                .isFalse();
        assertThat(Endpoints.isOwnServiceUrl("")).isFalse();
    }

    @Test
    void nodeUrlKeysAreTheKeyManagerThrottlingAndGatewayServiceUrls() {
        assertThat(Endpoints.isNodeUrlKey("apim.key_manager.service_url")).isTrue();
        assertThat(Endpoints.isNodeUrlKey("apim.throttling.url_group[0].traffic_manager_urls"))
                .isTrue();
        assertThat(Endpoints.isNodeUrlKey("apim.gateway.environment[1].service_url"))
                .isTrue();
        assertThat(Endpoints.isNodeUrlKey("apim.gateway.environment[1].http_endpoint"))
                .isFalse();
        assertThat(Endpoints.isNodeUrlKey("server.hostname")).isFalse();
    }
}
