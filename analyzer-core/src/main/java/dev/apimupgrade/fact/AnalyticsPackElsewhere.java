package dev.apimupgrade.fact;

import java.util.List;

/**
 * The deployment this node belongs to names the API-M Analytics homes on other nodes ({@code nodes}), not on this one
 * (ADR 0040): the guide's analytics steps run where the analytics pack is. Observed from the deployment file when it
 * is assessed and planned, and from deployment-plan.json when a part is migrated, so both see the same fact.
 */
public record AnalyticsPackElsewhere(List<String> nodes, SourceRef source) implements Observation {
    public AnalyticsPackElsewhere {
        nodes = List.copyOf(nodes);
    }

    /** Observed for a node of the deployment named {@code deployment}. */
    public AnalyticsPackElsewhere(String deployment, List<String> nodes) {
        this(nodes, new SourceRef("deployment:" + deployment + "#analytics", 0));
    }

    @Override
    public String observed() {
        return "the deployment names the analytics homes on node " + String.join(", ", nodes) + ", not on this node";
    }
}
