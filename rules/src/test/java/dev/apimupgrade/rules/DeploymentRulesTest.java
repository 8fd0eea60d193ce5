package dev.apimupgrade.rules;

import static dev.apimupgrade.rules.RuleHarness.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.NodeDatasource;
import dev.apimupgrade.fact.NodeFile;
import dev.apimupgrade.fact.NodeProduct;
import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.NodeServes;
import dev.apimupgrade.fact.NodeUrl;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.rule.ConditionResult;
import dev.apimupgrade.rule.Status;
import dev.apimupgrade.rule.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment rules compare two nodes and name both: one positive and one negative case per condition. */
class DeploymentRulesTest {
    private static final String GW = NodeRoleConfig.GATEWAY;
    private static final String KM = NodeRoleConfig.KEY_MANAGER;
    private static final String TM = NodeRoleConfig.TRAFFIC_MANAGER;

    private static SourceRef at(String node, String file) {
        return new SourceRef(node + "/OLD:" + file, 3);
    }

    private static NodeServes serves(String node, String host, String... components) {
        return new NodeServes(
                node,
                List.of(components),
                List.of(host),
                "server_role test",
                at(node, "repository/conf/deployment.toml"));
    }

    /** Two gateways and a key manager that agree on everything, plus {@code more}. */
    private static Verdict decide(Observation... more) {
        List<Observation> facts = new ArrayList<>(List.of(
                serves("gw-1", "gw1-host", GW), serves("gw-2", "gw2-host", GW), serves("km", "km-host", KM, TM)));
        for (String n : List.of("gw-1", "gw-2", "km")) {
            facts.add(new NodeProduct(n, "3.0.0", "20201101", at(n, "updates/wum/3.0.0")));
            facts.add(new NodeFile(
                    n,
                    NodeFile.PRIMARY_KEYSTORE,
                    "wso2carbon.jks",
                    "aa11",
                    at(n, "repository/resources/security/wso2carbon.jks")));
            facts.add(new NodeFile(
                    n, NodeFile.CUSTOM_JAR, "lib/mysql.jar", "bb22", at(n, "repository/components/lib/mysql.jar")));
        }
        for (String n : List.of("gw-1", "gw-2")) {
            facts.add(new NodeFile(
                    n, NodeFile.SYNAPSE, "carbon.super/api/admin--Orders_v1.0.xml", "cc33", at(n, "synapse")));
            facts.add(new NodeUrl(
                    n, KM, "km-host", "apim.key_manager.service_url", at(n, "repository/conf/deployment.toml")));
        }
        facts.add(new NodeDatasource(
                "km",
                "apim_db",
                "jdbc:mysql://db:3306/WSO2AM_DB?useSSL=false",
                at("km", "repository/conf/deployment.toml")));
        facts.addAll(List.of(more));
        return ENGINE.decideDeployment(new Facts(facts));
    }

    private static ConditionResult result(Verdict v, String id) {
        return v.result(id);
    }

    @Test
    void aDeploymentWhoseNodesAgreeHasEveryDeploymentConditionNotApplicableAndNoNodeCondition() {
        Verdict v = decide();

        assertThat(v.results())
                .extracting(r -> r.condition().id())
                .containsExactly(
                        "DEP-SHARED-DATABASES",
                        "DEP-KEYSTORES-MATCH",
                        "DEP-PRODUCT-LEVEL",
                        "DEP-GATEWAY-ARTEFACTS",
                        "DEP-CUSTOM-ARTEFACTS",
                        "DEP-NODE-URLS");
        assertThat(v.results())
                .allSatisfy(r -> assertThat(r.status()).as(r.condition().id()).isEqualTo(Status.NOT_APPLICABLE));
    }

    @Test
    void depSharedDatabasesAppliesWhenTwoNodesNameDifferentApimDbsAndNamesBoth() {
        Verdict v = decide(new NodeDatasource(
                "gw-1", "apim_db", "jdbc:mysql://other:3306/WSO2AM_DB", at("gw-1", "repository/conf/deployment.toml")));

        ConditionResult r = result(v, "DEP-SHARED-DATABASES");
        assertThat(r.status()).isEqualTo(Status.APPLIES);
        assertThat(r.messages().get(0)).contains("gw-1").contains("km").contains("jdbc:mysql://other:3306/wso2am_db");
        assertThat(r.evidence())
                .extracting(e -> e.source().where())
                .anyMatch(w -> w.startsWith("gw-1/"))
                .anyMatch(w -> w.startsWith("km/"));
    }

    @Test
    void depSharedDatabasesIgnoresConnectionParameters() {
        Verdict v = decide(new NodeDatasource(
                "gw-1",
                "apim_db",
                "jdbc:mysql://db:3306/WSO2AM_DB?autoReconnect=true",
                at("gw-1", "repository/conf/deployment.toml")));

        assertThat(result(v, "DEP-SHARED-DATABASES").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void depKeystoresMatchAppliesWhenOneNodesPrimaryKeystoreDiffers() {
        Verdict v = decide(
                new NodeFile("gw-2", NodeFile.CLIENT_TRUSTSTORE, "client-truststore.jks", "dd", at("gw-2", "t")),
                new NodeFile("km", NodeFile.CLIENT_TRUSTSTORE, "client-truststore.jks", "ee", at("km", "t")));

        ConditionResult r = result(v, "DEP-KEYSTORES-MATCH");
        assertThat(r.status()).isEqualTo(Status.APPLIES);
        assertThat(r.messages().get(0)).contains("gw-2").contains("km").contains("client truststore");
    }

    @Test
    void depProductLevelAppliesWhenANodeIsOnAnotherWumLevel() {
        List<Observation> none = List.of();
        Verdict agreeing = decide(none.toArray(Observation[]::new));
        Verdict v = decide(new NodeProduct("gw-2", "3.0.0", "20190101", at("gw-2", "updates/wum/3.0.0")));

        assertThat(result(agreeing, "DEP-PRODUCT-LEVEL").messages().get(0)).contains("20201101");
        assertThat(result(v, "DEP-PRODUCT-LEVEL").status()).isEqualTo(Status.APPLIES);
        assertThat(result(v, "DEP-PRODUCT-LEVEL").messages())
                .anyMatch(m -> m.contains("20190101") && m.contains("20201101"));
    }

    @Test
    void depGatewayArtefactsAppliesWhenAGatewayLacksAnApiTheOtherHoldsButNotForTheKeyManager() {
        Verdict v = decide(
                new NodeFile("gw-1", NodeFile.SYNAPSE, "1/api/t--Pets_v1.xml", "ff", at("gw-1", "synapse")),
                new NodeFile("km", NodeFile.SYNAPSE, "2/api/other.xml", "99", at("km", "synapse")));

        ConditionResult r = result(v, "DEP-GATEWAY-ARTEFACTS");
        assertThat(r.status()).isEqualTo(Status.APPLIES);
        assertThat(r.messages())
                .containsExactly("Gateway node gw-2 lacks or holds differently synapse artefacts of"
                        + " Gateway node gw-1: 1/api/t--Pets_v1.xml (missing).");
        assertThat(r.evidence()).extracting(e -> e.source().where()).anyMatch(w -> w.startsWith("gw-2/"));
    }

    @Test
    void depCustomArtefactsAppliesForAJarMissingOnANodeAndAnExecutionPlanOnlyBetweenTrafficManagers() {
        Verdict jar = decide(new NodeFile("km", NodeFile.CUSTOM_JAR, "dropins/handler.jar", "12", at("km", "j")));
        Verdict planOnOneTrafficManager =
                decide(new NodeFile("km", NodeFile.EXECUTION_PLAN, "custom.siddhi", "34", at("km", "p")));

        assertThat(result(jar, "DEP-CUSTOM-ARTEFACTS").status()).isEqualTo(Status.APPLIES);
        assertThat(result(jar, "DEP-CUSTOM-ARTEFACTS").messages())
                .containsExactlyInAnyOrder(
                        "Node gw-1 lacks or holds differently custom jars of node km: dropins/handler.jar (missing).",
                        "Node gw-2 lacks or holds differently custom jars of node km: dropins/handler.jar (missing).");
        assertThat(result(planOnOneTrafficManager, "DEP-CUSTOM-ARTEFACTS").status())
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void depCustomArtefactsAppliesWhenOneOfTwoTrafficManagersLacksAnExecutionPlan() {
        Verdict v = decide(
                serves("tm-2", "tm2-host", TM),
                new NodeFile("km", NodeFile.EXECUTION_PLAN, "custom.siddhi", "34", at("km", "p")));

        assertThat(result(v, "DEP-CUSTOM-ARTEFACTS").messages())
                .contains("Traffic Manager node tm-2 lacks or holds"
                        + " differently execution plans of Traffic Manager node km: custom.siddhi (missing).");
    }

    @Test
    void depNodeUrlsAppliesWhenAKeyManagerUrlNamesAGatewayNodeAndIsUnknownForAHostNoNodeIsReachedAs() {
        Verdict wrong = decide(new NodeUrl(
                "km",
                TM,
                "gw1-host",
                "apim.throttling.url_group[0].traffic_manager_urls",
                at("km", "repository/conf/deployment.toml")));
        Verdict elsewhere = decide(new NodeUrl(
                "km",
                GW,
                "somewhere",
                "apim.gateway.environment[0].service_url",
                at("km", "repository/conf/deployment.toml")));

        ConditionResult r = result(wrong, "DEP-NODE-URLS");
        assertThat(r.status()).isEqualTo(Status.APPLIES);
        assertThat(r.messages().get(0))
                .contains("Node km sends Traffic Manager traffic to gw1-host")
                .contains("which is node gw-1");
        assertThat(r.evidence())
                .extracting(e -> e.source().where())
                .anyMatch(w -> w.startsWith("gw-1/"))
                .anyMatch(w -> w.startsWith("km/"));
        assertThat(result(elsewhere, "DEP-NODE-URLS").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aSingleHomesFactsDecideNoDeploymentConditionAndItsVerdictListsNone() {
        Verdict single = RuleHarness.decide();

        assertThat(single.results()).extracting(r -> r.condition().id()).noneMatch(id -> id.startsWith("DEP-"));
        assertThat(ENGINE.decideDeployment(new Facts(List.of())).results())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.UNKNOWN));
    }
}
