package dev.apimupgrade.scan.db;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.AnalyticsHomes;
import dev.apimupgrade.scan.EffectiveConfig;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.TomlFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tomlj.TomlTable;

/**
 * The datasources of the old home, read from the [database.*] tables of its deployment.toml with the passwords
 * resolved: a password given for the datasource (CLI), else APIM_UPGRADE_DB_PASSWORD_NAME from the environment,
 * else the plain toml value. A $secret{alias} with nothing supplied leaves the datasource untried, with the reason.
 * Where the table leaves out the user or password, the product's own default applies, as the server would render it:
 * the 3.1.0 master-datasources template hard-codes WSO2_CARBON_DB's (the [database.local] of the 3.1.0 pack gives
 * only its url) and org.wso2.carbon.apimgt.core.default.json gives apim_db's.
 */
public record DatasourceSpecs(List<DatasourceSpec> all) {
    static final String TOML = "repository/conf/deployment.toml";
    private static final Pattern SECRET_REF = Pattern.compile("\\$secret\\{([^}]*)}");
    /** The product's user and password where the [database.NAME] table gives none (WSO2's public defaults). */
    private static final Map<String, String> PRODUCT_DEFAULT_CREDENTIAL =
            Map.of("local", "wso2carbon", "apim_db", "wso2carbon");

    public DatasourceSpecs {
        all = List.copyOf(all);
    }

    /** The environment variable that supplies the password of a datasource: APIM_UPGRADE_DB_PASSWORD_APIM_DB. */
    public static String passwordVariable(String datasource) {
        return "APIM_UPGRADE_DB_PASSWORD_" + datasource.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public static DatasourceSpecs read(
            Installation installation, Map<String, String> suppliedPasswords, Map<String, String> environment)
            throws InputException {
        return read(installation, AnalyticsHomes.none(), suppliedPasswords, environment);
    }

    /** The old home's datasources, then APIM_ANALYTICS_DB of the old analytics worker when that home is given. */
    public static DatasourceSpecs read(
            Installation installation,
            AnalyticsHomes analytics,
            Map<String, String> suppliedPasswords,
            Map<String, String> environment)
            throws InputException {
        List<DatasourceSpec> specs = new ArrayList<>(apim(installation, suppliedPasswords, environment));
        if (analytics.oldHome().isPresent()) {
            AnalyticsDatabase.spec(analytics.oldHome().get(), suppliedPasswords, environment)
                    .ifPresent(specs::add);
        }
        return new DatasourceSpecs(specs);
    }

    private static List<DatasourceSpec> apim(
            Installation installation, Map<String, String> suppliedPasswords, Map<String, String> environment)
            throws InputException {
        if (!Files.exists(installation.oldHome().resolve(TOML), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        // the same bounded, type-checked reading as the scan's: a datasource table of the wrong type is named there
        TomlTable databases = TomlFile.table(installation, Role.OLD)
                .filter(t -> t.isTable("database"))
                .map(t -> t.getTable("database"))
                .orElse(null);
        // the url as the server renders it: written, built from hostname/port/name, or apim_db's default H2
        EffectiveConfig effective = EffectiveConfig.ofOldHome(installation);
        List<DatasourceSpec> specs = new ArrayList<>();
        if (databases != null) {
            for (String name : databases.keySet()) {
                TomlTable t = databases.getTable(name);
                Optional<EffectiveConfig.Value> url = effective.get("database." + name + ".url");
                if (t != null && url.isPresent() && !url.get().value().isEmpty()) {
                    specs.add(spec(installation.oldHome(), name, t, url.get(), suppliedPasswords, environment));
                }
            }
        }
        Optional<EffectiveConfig.Value> defaulted =
                effective.get("database.apim_db.url").filter(v -> v.origin() == EffectiveConfig.Origin.DEFAULTED);
        if (defaulted.isPresent() && (databases == null || databases.getTable("apim_db") == null)) {
            specs.add(spec(installation.oldHome(), "apim_db", null, defaulted.get(), suppliedPasswords, environment));
        }
        return specs;
    }

    /**
     * The new home's datasources of the given names, read as its deployment.toml writes them (the 3.1.0 home is read
     * as written, ADR 0020), their H2 files resolved against the new home: what verify reads where a node keeps the
     * database its 3.1.0 pack ships instead of the old one (a Gateway's node-local H2, ADR 0038). A name the new
     * deployment.toml has no table (or url) for is left out. Passwords as for the old home.
     */
    public static DatasourceSpecs ofNewHome(
            Installation installation, Set<String> names, Map<String, String> environment) throws InputException {
        Optional<Path> newHome = installation.newHome();
        if (newHome.isEmpty()
                || !Files.exists(newHome.get().resolve(TOML), LinkOption.NOFOLLOW_LINKS)
                || names.isEmpty()) {
            return new DatasourceSpecs(List.of());
        }
        TomlTable databases = TomlFile.table(installation, Role.NEW)
                .filter(t -> t.isTable("database"))
                .map(t -> t.getTable("database"))
                .orElse(null);
        List<DatasourceSpec> specs = new ArrayList<>();
        for (String name : names.stream().sorted().toList()) {
            TomlTable t = databases == null ? null : databases.getTable(name);
            String url = t == null ? null : t.getString("url");
            if (t != null && url != null && !url.isEmpty()) {
                SourceRef where =
                        SourceRef.line(Role.NEW, TOML, t.inputPositionOf("url").line());
                specs.add(spec(
                        Role.NEW,
                        newHome.get(),
                        name,
                        t,
                        new EffectiveConfig.Value(
                                "database." + name + ".url", url, EffectiveConfig.Origin.WRITTEN, "", where),
                        Map.of(),
                        environment));
            }
        }
        return new DatasourceSpecs(specs);
    }

    /** {@code t} is the datasource's table, or null when default.json gives the whole datasource. */
    private static DatasourceSpec spec(
            Path home,
            String name,
            @Nullable TomlTable t,
            EffectiveConfig.Value urlValue,
            Map<String, String> supplied,
            Map<String, String> env) {
        return spec(Role.OLD, home, name, t, urlValue, supplied, env);
    }

    private static DatasourceSpec spec(
            Role role,
            Path home,
            String name,
            @Nullable TomlTable t,
            EffectiveConfig.Value urlValue,
            Map<String, String> supplied,
            Map<String, String> env) {
        String url = urlValue.value();
        SourceRef source = t != null && t.getString("url") != null
                ? SourceRef.line(role, TOML, t.inputPositionOf("url").line())
                : urlValue.source();
        String byDefault = PRODUCT_DEFAULT_CREDENTIAL.getOrDefault(name, "");
        String user =
                Optional.ofNullable(t == null ? null : t.getString("username")).orElse(byDefault);
        String configured =
                Optional.ofNullable(t == null ? null : t.getString("password")).orElse(byDefault);
        String password = supplied.getOrDefault(name, env.get(passwordVariable(name)));
        Optional<String> problem = Optional.empty();
        if (password == null) {
            Matcher ref = SECRET_REF.matcher(configured);
            password = ref.matches() ? null : configured;
            if (ref.matches()) {
                problem = Optional.of("password is the secret reference $secret{" + ref.group(1)
                        + "}; supply it through " + passwordVariable(name));
            } else if (configured.equals(dev.apimupgrade.scan.SecretMask.MASK)) {
                // a snapshot collect made (ADR 0034) carries the password masked: never tried as a wrong one
                password = null;
                problem = Optional.of(
                        "password is masked in the snapshot collect made; supply it through " + passwordVariable(name));
            }
        }
        // the server reads the URL from the XML it renders the toml into: "&amp;" there is "&" (issue 16)
        String connect = RenderedUrl.of(url);
        if (DatabaseProduct.of(url).orElse(null) == DatabaseProduct.H2) {
            Optional<Path> file = H2Url.parse(url).flatMap(u -> u.databasePath(home));
            connect = file.map(H2Url::connectUrl).orElse(url);
            if (file.isEmpty()) {
                problem = Optional.of("H2 URL is not a local file database (server and in-memory URLs are not read)");
            }
        }
        return new DatasourceSpec(name, url, connect, user, password, problem, source);
    }
}
