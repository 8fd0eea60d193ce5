package dev.apimupgrade.fact;

import java.util.List;

/**
 * What a node of a deployment serves itself (NodeRoleConfig's components, or those of the role the deployment file
 * states) and the host names the other nodes reach it by; {@code because} says where the role came from.
 */
public record NodeServes(String node, List<String> serves, List<String> hosts, String because, SourceRef source)
        implements Observation {
    public NodeServes {
        serves = List.copyOf(serves);
        hosts = List.copyOf(hosts);
    }

    public boolean servesItself(String component) {
        return serves.contains(component);
    }

    public boolean reachedAs(String host) {
        return hosts.contains(host);
    }

    public String observed() {
        return "node " + node + " serves " + (serves.isEmpty() ? "no API-M component" : String.join(", ", serves))
                + " (" + because + ")" + (hosts.isEmpty() ? "" : ", reached as " + String.join(", ", hosts));
    }
}
