package dev.apimupgrade.scan;

import dev.apimupgrade.fact.NodeRoleConfig;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which node of a deployment the old home is: the profile its server_role gives it (infer.json), which limits
 * the components it runs, then, for the default profile, the key manager, traffic manager and gateway URLs, which
 * place a component on another host when every URL of it names another host.
 */
public final class NodeRoleScanner implements Scanner {
    private static final String DEFAULT = "default";
    /** The components each optimised profile of 3.0.0 keeps; the default profile keeps all. */
    static final Map<String, String> PROFILE_SERVES = Map.of(
            "gateway-worker",
            NodeRoleConfig.GATEWAY,
            "api-key-manager",
            NodeRoleConfig.KEY_MANAGER,
            "traffic-manager",
            NodeRoleConfig.TRAFFIC_MANAGER,
            "api-publisher",
            NodeRoleConfig.PUBLISHER,
            "api-store",
            NodeRoleConfig.DEVPORTAL);

    static final Set<String> LOCAL_HOSTS =
            Set.of("localhost", "127.0.0.1", "::1", "[::1]", "${carbon.local.ip}", "${carbon.host}");
    static final Pattern HOST = Pattern.compile(
            "[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/\\s\"']*@)?" + "(\\[[^\\]]*\\]|\\$\\{[^}]*\\}|[^:/\\s\"',\\]?;]+)");
    /** The settings that place each component, as key patterns of the flattened deployment.toml. */
    static final Map<String, Pattern> URL_KEYS = Map.of(
            NodeRoleConfig.KEY_MANAGER, Pattern.compile("apim\\.key_manager\\.service_url"),
            NodeRoleConfig.TRAFFIC_MANAGER,
                    Pattern.compile("apim\\.throttling\\.url_group\\[\\d+]\\.traffic_manager_urls.*"),
            NodeRoleConfig.GATEWAY, Pattern.compile("apim\\.gateway\\.environment\\[\\d+]\\.service_url"));

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        Optional<TomlFile> file = TomlFile.read(installation, Role.OLD);
        if (file.isEmpty()) {
            return List.of();
        }
        EffectiveConfig config = EffectiveConfig.of(file.get(), installation.oldHome());
        List<String> because = new ArrayList<>();
        Optional<EffectiveConfig.Value> role = config.get("server.server_role");
        Optional<EffectiveConfig.Value> profile = config.get("system.parameter.profile");
        role.ifPresent(v -> because.add("server.server_role = " + v.value() + " (" + v.source() + ")"));
        profile.ifPresent(v -> because.add("profile " + v.value() + " (" + EffectiveSettings.from(v) + ")"));
        String profileName = profile.map(EffectiveConfig.Value::value).orElse(DEFAULT);
        List<String> serves = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        String ownHost = config.text("server.hostname").toLowerCase(Locale.ROOT);
        for (String component : NodeRoleConfig.ALL) {
            // a URL places the key manager, traffic manager and gateway; the publisher and devportal have none
            Pattern keys = URL_KEYS.get(component);
            List<String> hosts = keys == null ? List.of() : hosts(config, keys);
            boolean local = hosts.stream().anyMatch(h -> LOCAL_HOSTS.contains(h) || h.equals(ownHost));
            boolean remote = !hosts.isEmpty() && !local;
            if (remote) {
                elsewhere.add(component);
                because.add(component + " at " + String.join(", ", hosts));
            }
            boolean kept = PROFILE_SERVES.containsKey(profileName)
                    ? PROFILE_SERVES.get(profileName).equals(component)
                    : !remote;
            if (kept) {
                serves.add(component);
            }
        }
        SourceRef source = role.map(EffectiveConfig.Value::source).orElse(SourceRef.file(Role.OLD, TomlFile.PATH));
        return List.of(new NodeRoleConfig(
                Role.OLD,
                role.map(EffectiveConfig.Value::value).orElse(DEFAULT),
                profileName,
                serves,
                elsewhere,
                because,
                source));
    }

    /** The hosts named by the URLs of the settings matching {@code key}, lower case, in the file's order. */
    private static List<String> hosts(EffectiveConfig config, Pattern key) {
        List<String> out = new ArrayList<>();
        for (EffectiveConfig.Value v : config.all()) {
            if (!key.matcher(v.key()).matches()) {
                continue;
            }
            Matcher m = HOST.matcher(v.value());
            while (m.find()) {
                String host = m.group(1).toLowerCase(Locale.ROOT);
                if (!out.contains(host)) {
                    out.add(host);
                }
            }
        }
        return out;
    }
}
