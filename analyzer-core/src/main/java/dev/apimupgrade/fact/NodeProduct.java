package dev.apimupgrade.fact;

/** The product version and WUM update level of a node of a deployment ("" when the home has no WUM metadata). */
public record NodeProduct(String node, String version, String updateLevel, SourceRef source) implements Observation {
    public String observed() {
        return "node " + node + ": API Manager " + version + ", "
                + (updateLevel.isEmpty() ? "no WUM update" : "WUM update level " + updateLevel);
    }
}
