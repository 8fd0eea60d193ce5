package dev.apimupgrade.fact;

/** A Siddhi execution plan in repository/deployment/server/executionplans; {@code stockName} is one of the 11 stock names. */
public record ExecutionPlanFile(Role role, String name, boolean stockName, String sha256, SourceRef source)
        implements Observation {
    public String observed() {
        return name + (stockName ? " (stock name)" : " (not a stock plan)");
    }
}
