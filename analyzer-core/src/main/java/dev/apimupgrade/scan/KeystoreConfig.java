package dev.apimupgrade.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tomlj.Toml;
import org.tomlj.TomlTable;

/**
 * How a home's deployment.toml configures one keystore purpose, with the 3.0.0 defaults (docs/facts.md section 7) where
 * a table or key is absent. Holds the configured password to open the store, so it never leaves the scan package.
 * {@code line} is the line of the configuring table, 0 when only defaults apply.
 */
record KeystoreConfig(String purpose, String fileName, String type, String password, String alias, int line) {
    static final String DEFAULT_PASSWORD = "wso2carbon";
    static final String PRIMARY_FILE = "wso2carbon.jks";
    static final String TRUSTSTORE_FILE = "client-truststore.jks";
    static final String TRUSTSTORE = "truststore";
    private static final Map<String, String> PRIMARY_DEFAULTS =
            Map.of("file_name", PRIMARY_FILE, "type", "JKS", "password", DEFAULT_PASSWORD, "alias", "wso2carbon");
    private static final Map<String, String> TRUSTSTORE_DEFAULTS =
            Map.of("file_name", TRUSTSTORE_FILE, "type", "JKS", "password", DEFAULT_PASSWORD, "alias", "");
    private static final Pattern REF = Pattern.compile("\\$ref\\{([^}]+)}");

    /** primary, internal, tls, truststore, as the server would resolve them (toml may be absent: all defaults). */
    static List<KeystoreConfig> of(Optional<TomlFile> toml) {
        List<KeystoreConfig> out = new ArrayList<>();
        KeystoreConfig primary = read(toml, "primary", List.of("keystore", "primary"), PRIMARY_DEFAULTS);
        out.add(primary);
        // internal and tls fall back to primary key by key, as config-mapper's default.json says
        out.add(read(toml, "internal", List.of("keystore", "internal"), primary.asDefaults()));
        out.add(read(toml, "tls", List.of("keystore", "tls"), primary.asDefaults()));
        out.add(read(toml, TRUSTSTORE, List.of(TRUSTSTORE), TRUSTSTORE_DEFAULTS));
        return out;
    }

    boolean defaultName() {
        return fileName.equals(purpose.equals(TRUSTSTORE) ? TRUSTSTORE_FILE : PRIMARY_FILE);
    }

    boolean defaultPassword() {
        return password.equals(DEFAULT_PASSWORD);
    }

    /** A password the scan cannot know: a Secure Vault alias, or a $ref it could not follow. */
    boolean passwordIsReference() {
        return password.contains("$secret{") || password.contains("$ref{");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return purpose + " " + fileName + " (" + type + ")";
    }

    private Map<String, String> asDefaults() {
        return Map.of("file_name", fileName, "type", type, "password", password, "alias", alias);
    }

    private static KeystoreConfig read(
            Optional<TomlFile> toml, String purpose, List<String> path, Map<String, String> defaults) {
        @Nullable
        TomlTable table = toml.filter(t -> t.root().isTable(path))
                .map(t -> t.root().getTable(path))
                .orElse(null);
        int line = table == null ? 0 : toml.get().line(path);
        return new KeystoreConfig(
                purpose,
                value(toml, table, "file_name", defaults),
                value(toml, table, "type", defaults),
                value(toml, table, "password", defaults),
                value(toml, table, "alias", defaults),
                line);
    }

    private static String value(
            Optional<TomlFile> toml, @Nullable TomlTable table, String key, Map<String, String> defaults) {
        String v = table == null ? "" : TomlFile.text(table, key);
        // defaults() names all four keys
        return v.isEmpty()
                ? Objects.requireNonNull(defaults.get(key), key)
                : dereference(toml.get().root(), v);
    }

    /** Follows "$ref{other.key}" (one level, as the stock files use it); an unknown target stays a reference. */
    private static String dereference(TomlTable root, String value) {
        Matcher m = REF.matcher(value);
        if (m.matches()) {
            try {
                List<String> target = Toml.parseDottedKey(m.group(1));
                if (root.isString(target)) {
                    return root.getString(target);
                }
            } catch (IllegalArgumentException notAKey) {
                return value;
            }
        }
        return value;
    }
}
