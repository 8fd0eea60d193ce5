package dev.apimupgrade.plan;

import java.util.List;
import java.util.Map;

/**
 * Which node of a distributed setup each condition's steps run on, as the guide assigns them: synapse artefacts on the
 * Gateway, execution plans on the Traffic Manager, re-indexing on the Publisher and Devportal (the guide's Store),
 * database scripts and the migration runs once. Everything else (configuration, keystores) on every node.
 */
final class NodeRoles {
    private static final List<NodeRole> INDEXING = List.of(NodeRole.PUBLISHER, NodeRole.DEVPORTAL);
    private static final Map<String, List<NodeRole>> BY_CONDITION = Map.ofEntries(
            Map.entry("CFG-SYNAPSE-SUPER", List.of(NodeRole.GATEWAY)),
            Map.entry("CFG-SYNAPSE-TENANTS", List.of(NodeRole.GATEWAY)),
            Map.entry("CFG-SYNAPSE-PROTECTED-MODIFIED", List.of(NodeRole.GATEWAY)),
            Map.entry("CFG-EXECUTION-PLANS", List.of(NodeRole.TRAFFIC_MANAGER)),
            Map.entry("IDX-TENANTLOADER", INDEXING),
            Map.entry("IDX-RE-INDEXING", INDEXING),
            Map.entry("IDX-SOLR-DIR", INDEXING),
            Map.entry("IDX-REG-INDEX-SQL", List.of(NodeRole.ONE_NODE)),
            Map.entry("REG-VERSIONING-ENABLED", List.of(NodeRole.ONE_NODE)),
            Map.entry("DB-AM-UPGRADE", List.of(NodeRole.ONE_NODE)),
            Map.entry("DB-AM-SYSAPPS-CONSTRAINT", List.of(NodeRole.ONE_NODE)),
            Map.entry("DB-SCOPE-BINDING-NULL", List.of(NodeRole.ONE_NODE)),
            Map.entry("ANA-DB-PK", List.of(NodeRole.ONE_NODE)),
            Map.entry("PRE-PG-SUPERUSER", List.of(NodeRole.ONE_NODE)),
            Map.entry("DB-MYSQL-PRIVILEGES", List.of(NodeRole.ONE_NODE)),
            Map.entry("DB-CHARSET-MISMATCH", List.of(NodeRole.ONE_NODE)),
            Map.entry("IDN-MIGRATION-RESOURCES", List.of(NodeRole.ONE_NODE)),
            Map.entry("IDN-MIGRATION-JAR", List.of(NodeRole.ONE_NODE)),
            Map.entry("IDN-RUN", List.of(NodeRole.ONE_NODE)),
            Map.entry("APIM-CLIENT", List.of(NodeRole.ONE_NODE)));

    private NodeRoles() {
    }

    static List<NodeRole> of(String conditionId) {
        return BY_CONDITION.getOrDefault(conditionId, List.of(NodeRole.ALL));
    }
}
