package dev.apimupgrade.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the hosts and ports out of the service URLs of a deployment.toml, so rules can tell whether a setting points
 * at this server or at another node. Pure functions over the (masked) setting values.
 */
public final class Endpoints {
    /** The names a 3.0.0 node uses for itself in its own configuration. */
    private static final Set<String> LOCAL_HOSTS =
            Set.of("localhost", "127.0.0.1", "::1", "[::1]", "${carbon.local.ip}");
    /** The HTTPS port a node's own admin services listen on, unless an offset moves it. */
    private static final Set<String> OWN_PORTS = Set.of("", "9443", "${mgt.transport.https.port}");

    private static final Pattern URL = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^@/\\s\"']*@)?(\\[[^\\]]*\\]|\\$\\{[^}]*\\}|[^:/\\s\"',\\]?;]+)"
                    + "(?::(\\$\\{[^}]*\\}|\\d+))?");

    private Endpoints() {}

    /** One host and port found in a setting value; port is "" when the URL names none. */
    public record HostPort(String host, String port) {
        @Override
        public String toString() {
            return port.isEmpty() ? host : host + ":" + port;
        }
    }

    /**
     * Every host:port of the URLs in a value (a single URL or a TOML array rendered as text). AMQP URLs are skipped:
     * their "host" is a client id, and the broker list inside them is read as a URL of its own.
     */
    public static List<HostPort> hostPorts(String value) {
        List<HostPort> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        Matcher m = URL.matcher(value);
        while (m.find()) {
            if (!m.group(1).equalsIgnoreCase("amqp")) {
                out.add(new HostPort(m.group(2).toLowerCase(Locale.ROOT), m.group(3) == null ? "" : m.group(3)));
            }
        }
        return out;
    }

    public static boolean isLocalHost(String host) {
        return LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** True when the value names at least one URL and some URL in it is on another host. */
    public static boolean pointsElsewhere(String value) {
        return hostPorts(value).stream().anyMatch(hp -> !isLocalHost(hp.host()));
    }

    /** True when a service URL is this server's own admin services (local host, its own HTTPS port). */
    public static boolean isOwnServiceUrl(String value) {
        List<HostPort> found = hostPorts(value);
        return !found.isEmpty()
                && found.stream().allMatch(hp -> isLocalHost(hp.host()) && OWN_PORTS.contains(hp.port()));
    }

    /** The settings that place the key manager, traffic manager or gateway on a node (PRE-DISTRIBUTED). */
    public static boolean isNodeUrlKey(String key) {
        return key.equals("apim.key_manager.service_url")
                || key.startsWith("apim.throttling.")
                        && key.toLowerCase(Locale.ROOT).contains("url")
                || key.startsWith("apim.gateway.environment[") && key.endsWith(".service_url");
    }

    /** The hosts and ports of a value as text, for messages. */
    public static String describe(String value) {
        return String.join(
                ", ", hostPorts(value).stream().map(HostPort::toString).toList());
    }
}
