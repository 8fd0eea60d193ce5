package dev.apimupgrade.scan.inventory;

import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.scan.FileDigest;
import dev.apimupgrade.scan.InputException;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.SynapseScanner;
import dev.apimupgrade.scan.db.DatasourceSpec;
import dev.apimupgrade.scan.db.DatasourceSpecs;
import dev.apimupgrade.scan.db.ReadOnlyConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Takes the inventory of one home: per tenant, the counts and content hashes of its APIs, applications,
 * subscriptions, scopes and their bindings, throttling policies, users, registry properties and synapse files, plus
 * the tenants. The databases are those of the home's deployment.toml, read as the assessment reads them (read-only;
 * H2 on a copy); the queries are sql/inventory/&lt;dialect&gt;. Tenant ids become tenant domains through UM_TENANT
 * (-1234 is carbon.super); an id UM_TENANT does not name stays "tenant-&lt;id&gt;".
 */
public final class InventoryScanner {
    public static final String SUPER_TENANT = "carbon.super";
    /** The tenant of items that belong to the whole installation (the tenant list itself). */
    public static final String ALL_TENANTS = "(all)";

    public static final String SYNAPSE = "synapse-files";
    static final String TENANTS = "tenants";
    static final String SUPER_SYNAPSE = "repository/deployment/server/synapse-configs/default";
    static final String TENANTS_DIR = "repository/tenants";

    private final List<Driver> drivers;

    public InventoryScanner(List<Driver> drivers) {
        this.drivers = List.copyOf(drivers);
    }

    public InventoryScanner() {
        this(List.of());
    }

    /**
     * The inventory of a home. Passwords come from the environment (APIM_UPGRADE_DB_PASSWORD_&lt;DATASOURCE&gt;) or
     * the file itself, as assess reads them. A datasource that cannot be read is a problem of the inventory, not an
     * exception; a home that is no folder or a malformed deployment.toml is bad input.
     */
    public Inventory scan(Path home, Map<String, String> environment) throws InputException {
        if (!Files.isDirectory(home)) {
            throw new InputException(home.toString(), "is not a folder");
        }
        DatasourceSpecs specs = DatasourceSpecs.read(new Installation(home, Optional.empty()), Map.of(), environment);
        Map<String, Map<String, List<String>>> rows = new TreeMap<>(); // item -> tenant key -> member lines
        Map<String, SourceRef> sources = new HashMap<>();
        Map<String, String> tables = new HashMap<>();
        Map<String, String> domains = new HashMap<>(Map.of("-1234", SUPER_TENANT));
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DatasourceSpec spec : specs.all()) {
            if (!seen.add(spec.connectUrl())) {
                continue; // two datasources on one database: its tables count once
            }
            Optional<String> problem = read(spec, rows, sources, tables, domains);
            problem.ifPresent(p -> problems.add(spec.name() + " (" + spec.target() + "): " + p));
        }
        List<InventoryItem> items = new ArrayList<>();
        rows.forEach((item, byTenant) -> byTenant.forEach((tenantKey, lines) -> items.add(item(
                tenant(tenantKey, domains),
                item,
                tables.get(item),
                lines,
                Map.of(),
                // read() puts an item's source with its first row
                Objects.requireNonNull(sources.get(item))))));
        items.addAll(synapse(home, domains, problems));
        items.sort(java.util.Comparator.comparing(InventoryItem::tenant).thenComparing(InventoryItem::item));
        return new Inventory(home.toString(), items, domains, problems);
    }

    private Optional<String> read(
            DatasourceSpec spec,
            Map<String, Map<String, List<String>>> rows,
            Map<String, SourceRef> sources,
            Map<String, String> tables,
            Map<String, String> domains) {
        if (spec.problem().isPresent()) {
            return spec.problem();
        }
        Optional<DatabaseProduct> configured = spec.kind();
        if (configured.isEmpty()) {
            return Optional.of("unsupported JDBC URL");
        }
        try (ReadOnlyConnection c = ReadOnlyConnection.open(spec, configured.get(), drivers)) {
            DatabaseMetaData md = c.jdbc().getMetaData();
            DatabaseProduct kind = configured.get().servedBy(md.getDatabaseProductName());
            for (InventoryQuery q : InventoryQuery.of(kind)) {
                if (!q.needs().stream().allMatch(t -> exists(c.jdbc(), md, t))) {
                    continue;
                }
                Map<String, List<String>> byTenant = rows.computeIfAbsent(q.item(), k -> new TreeMap<>());
                sources.put(q.item(), SourceRef.db(spec.name(), q.table()));
                tables.put(q.item(), q.table());
                run(c.jdbc(), q, byTenant, domains);
            }
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of("H2 file " + e.getMessage() + " not found");
        } catch (IOException e) {
            return Optional.of("H2 file cannot be copied (" + e.getClass().getSimpleName() + ")");
        } catch (SQLException e) {
            // the SQL state and class only: a driver message may quote the URL
            return Optional.of("read failed (" + e.getClass().getSimpleName() + ", SQL state " + e.getSQLState() + ")");
        }
    }

    private static void run(
            Connection c, InventoryQuery q, Map<String, List<String>> byTenant, Map<String, String> domains)
            throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(q.sql())) {
            int n = r.getMetaData().getColumnCount();
            boolean provider = r.getMetaData().getColumnLabel(1).equalsIgnoreCase("PROVIDER");
            while (r.next()) {
                String first = r.getString(1);
                String key = q.global() ? ALL_TENANTS : provider ? providerTenant(first) : "id:" + first;
                List<String> values = new ArrayList<>();
                for (int i = q.global() ? 1 : 2; i <= n; i++) {
                    String v = r.getString(i);
                    values.add(v == null ? "\\N" : v.strip().replace("\t", "\\t"));
                }
                String line = String.join("\t", values);
                if (q.item().equals(TENANTS) && n >= 2) {
                    domains.put(first, r.getString(2));
                }
                byTenant.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
            }
        }
    }

    /** "admin" is the super tenant's, "admin-AT-wso2.com" (as AM_API stores it) or "admin@wso2.com" wso2.com's. */
    static String providerTenant(String provider) {
        if (provider == null) {
            return SUPER_TENANT;
        }
        int at = provider.lastIndexOf("-AT-");
        if (at >= 0) {
            return provider.substring(at + 4);
        }
        int sign = provider.lastIndexOf('@');
        return sign >= 0 ? provider.substring(sign + 1) : SUPER_TENANT;
    }

    /** An "id:n" key as its domain; a domain stays as it is. */
    static String tenant(String key, Map<String, String> domains) {
        if (!key.startsWith("id:")) {
            return key;
        }
        String id = key.substring(3);
        return domains.getOrDefault(id, "tenant-" + id);
    }

    private static boolean exists(Connection c, DatabaseMetaData md, String table) {
        try {
            for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
                try (ResultSet r = md.getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
                    if (r.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The synapse files of the super tenant and of each repository/tenants/&lt;id&gt;: relative path to SHA-256. */
    private static List<InventoryItem> synapse(Path home, Map<String, String> domains, List<String> problems) {
        List<InventoryItem> out = new ArrayList<>();
        synapseOf(home, SUPER_SYNAPSE, SUPER_TENANT, problems).ifPresent(out::add);
        Path tenants = home.resolve(TENANTS_DIR);
        if (Files.isDirectory(tenants)) {
            try (Stream<Path> dirs = Files.list(tenants)) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    String id = d.getFileName().toString();
                    synapseOf(
                                    home,
                                    TENANTS_DIR + "/" + id + "/synapse-configs/default",
                                    domains.getOrDefault(id, "tenant-" + id),
                                    problems)
                            .ifPresent(out::add);
                }
            } catch (IOException e) {
                problems.add(TENANTS_DIR + ": cannot be listed (" + e.getClass().getSimpleName() + ")");
            }
        }
        return out;
    }

    private static Optional<InventoryItem> synapseOf(Path home, String relative, String tenant, List<String> problems) {
        Path dir = home.resolve(relative);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> regular = all.filter(Files::isRegularFile).toList();
            List<String> digests = FileDigest.inParallel(regular, FileDigest::sha256);
            for (int i = 0; i < regular.size(); i++) {
                files.put(dir.relativize(regular.get(i)).toString().replace('\\', '/'), digests.get(i));
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(relative + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        files.forEach((path, sha) -> lines.add(path + "\t" + sha));
        return Optional.of(item(tenant, SYNAPSE, "", lines, files, new SourceRef(relative, 0)));
    }

    static InventoryItem item(
            String tenant,
            String item,
            @Nullable String table,
            List<String> lines,
            Map<String, String> entries,
            SourceRef source) {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        String text = String.join("\n", sorted);
        return new InventoryItem(
                tenant,
                item,
                table == null ? "" : table,
                sorted.size(),
                FileDigest.sha256(text.getBytes(StandardCharsets.UTF_8)),
                entries,
                source);
    }

    /** The four synapse files the migration replaces with the 3.1.0 ones (a difference in them is expected). */
    public static List<String> replacedSynapseFiles() {
        return SynapseScanner.PROTECTED;
    }

    /**
     * The synapse files 3.1.0 renders from its own template at start-up (docs/facts.md section 8), whatever was copied
     * over them: a difference in them is expected too.
     */
    public static List<String> renderedSynapseFiles() {
        return List.of(SynapseScanner.SECURE_WEBSOCKET);
    }
}
