package dev.apimupgrade.fact;

/**
 * A node's apim_db or shared_db as the node's effective configuration gives it, in a deployment; {@code url} is
 * masked. Only server databases are recorded: an embedded H2 database is the node's own, never shared.
 */
public record NodeDatasource(String node, String datasource, String url, SourceRef source) implements Observation {
    /** The database the url names, without its connection parameters: what two nodes must agree on. */
    public String database() {
        return url.replaceFirst("[?;].*$", "").toLowerCase(java.util.Locale.ROOT);
    }

    public String observed() {
        return "node " + node + ": [database." + datasource + "] url=" + url;
    }
}
