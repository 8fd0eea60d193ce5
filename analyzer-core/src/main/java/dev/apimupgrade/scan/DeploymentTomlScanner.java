package dev.apimupgrade.scan;

import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SecretReference;
import dev.apimupgrade.fact.SecureVaultConfig;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.TomlSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tomlj.TomlTable;

/**
 * Reads each home's deployment.toml into masked settings, datasources (and which of the old ones hold the registry),
 * Secure Vault use and secret references, and compares the old one with the stock 3.0.0 file, so rules can decide the
 * configuration conditions without ever holding a secret.
 */
public final class DeploymentTomlScanner implements Scanner {
    static final String SECRETS = "secrets";
    /** The one datasource 3.0.0's default.json gives a url: a node without [database.apim_db] uses this H2 WSO2AM_DB. */
    static final String DEFAULTED_DATASOURCE = "apim_db";

    static final Pattern SECRET_REF = Pattern.compile("\\$secret\\{([^}]*)}");

    private final StockToml stock;

    public DeploymentTomlScanner() {
        this(StockToml.stock());
    }

    DeploymentTomlScanner(StockToml stock) {
        this.stock = stock;
    }

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        List<Observation> out = new ArrayList<>();
        for (Role role : Role.values()) {
            Optional<TomlFile> file = TomlFile.read(installation, role);
            if (file.isEmpty()) {
                continue;
            }
            TomlFile toml = file.get();
            for (TomlFile.Leaf leaf : toml.leaves()) {
                out.add(new TomlSetting(
                        role, leaf.key(), masked(leaf), SourceRef.line(role, TomlFile.PATH, leaf.line()), leaf.type()));
            }
            Optional<EffectiveConfig> effective =
                    role == Role.OLD ? Optional.of(EffectiveConfig.of(toml, installation.oldHome())) : Optional.empty();
            datasources(toml, effective, out);
            if (role == Role.OLD) {
                out.addAll(stock.differences(toml));
                out.addAll(EffectiveSettings.facts(effective.get()));
                out.addAll(RegistryPlacement.of(toml));
            }
            secureVault(toml, out);
        }
        return out;
    }

    /**
     * A value as a fact may hold it: every [secrets] value and secret-named key masked, JDBC credentials too. A boolean
     * is kept even under a secret-looking name (show_as_token_endpoint_url, allow_credentials): it holds no secret.
     */
    static String masked(TomlFile.Leaf leaf) {
        if (leaf.flag()) {
            return leaf.value();
        }
        boolean reference = SECRET_REF.matcher(leaf.value()).matches();
        if (leaf.key().startsWith(SECRETS + ".")) {
            return reference ? leaf.value() : SecretMask.MASK;
        }
        String value = SecretMask.value(leaf.name(), leaf.value());
        // a JDBC URL can sit under any key name (pool options, custom datasources)
        return value.startsWith("jdbc:") ? SecretMask.jdbcUrl(value) : value;
    }

    /**
     * The [database.*] tables, each url as the server renders it (the old home's built from hostname, port and name
     * when no url is written), and the old home's apim_db from default.json when its table is absent.
     */
    private static void datasources(TomlFile toml, Optional<EffectiveConfig> effective, List<Observation> out) {
        TomlTable database = toml.root().isTable("database") ? toml.root().getTable("database") : null;
        if (database != null) {
            for (String name : database.keySet()) {
                if (!database.isTable(List.of(name))) {
                    continue;
                }
                TomlTable ds = database.getTable(List.of(name));
                TomlTable pool = ds.isTable("pool_options") ? ds.getTable("pool_options") : null;
                String password = TomlFile.text(ds, "password");
                Optional<EffectiveConfig.Value> url = effective.flatMap(e -> e.get("database." + name + ".url"));
                out.add(new DatasourceConfig(
                        toml.role(),
                        name,
                        TomlFile.text(ds, "type"),
                        SecretMask.jdbcUrl(url.map(EffectiveConfig.Value::value).orElse(TomlFile.text(ds, "url"))),
                        first(ds, pool, "driver", "driverClassName"),
                        first(ds, pool, "validationQuery"),
                        SECRET_REF.matcher(password).matches(),
                        SourceRef.line(toml.role(), TomlFile.PATH, toml.line(List.of("database", name))),
                        url.map(EffectiveSettings::from).orElse(DatasourceConfig.WRITTEN)));
            }
        }
        effective
                .flatMap(e -> e.get("database." + DEFAULTED_DATASOURCE + ".url"))
                .filter(url -> url.origin() == EffectiveConfig.Origin.DEFAULTED)
                .ifPresent(url -> out.add(new DatasourceConfig(
                        toml.role(),
                        DEFAULTED_DATASOURCE,
                        "",
                        SecretMask.jdbcUrl(url.value()),
                        "",
                        "",
                        false,
                        url.source(),
                        EffectiveSettings.from(url))));
    }

    /** The first of the given keys set in the table, then in its pool_options (both spellings occur in the field). */
    private static String first(TomlTable ds, @Nullable TomlTable pool, String... names) {
        for (TomlTable t : pool == null ? List.of(ds) : List.of(ds, pool)) {
            for (String name : names) {
                String v = TomlFile.text(t, name);
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return "";
    }

    /**
     * Secure Vault: the [secrets] table, and every $secret{alias} in the raw text, commented lines included, since an
     * operator who comments a reference out may still expect the vault to hold it.
     */
    private static void secureVault(TomlFile toml, List<Observation> out) {
        Role role = toml.role();
        TomlTable secrets = toml.root().isTable(SECRETS) ? toml.root().getTable(SECRETS) : null;
        int header = secrets == null ? 0 : toml.line(List.of(SECRETS));
        // "last" matters because config-mapper reads every key after [secrets] as a secret
        boolean last = secrets != null
                && toml.leaves().stream().noneMatch(l -> !l.key().startsWith(SECRETS + ".") && l.line() > header);
        out.add(new SecureVaultConfig(
                role,
                secrets != null,
                last,
                secrets == null ? 0 : secrets.size(),
                SourceRef.line(role, TomlFile.PATH, header)));
        List<String> lines = toml.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = SECRET_REF.matcher(line);
            while (m.find()) {
                String alias = m.group(1);
                out.add(new SecretReference(
                        role,
                        alias,
                        line.stripLeading().startsWith("#"),
                        secrets != null && secrets.contains(List.of(alias)),
                        SourceRef.line(role, TomlFile.PATH, i + 1)));
            }
        }
    }
}
