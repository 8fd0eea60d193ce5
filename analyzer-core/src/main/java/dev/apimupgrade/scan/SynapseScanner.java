package dev.apimupgrade.scan;

import dev.apimupgrade.fact.FilePresence;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.StockComparison;
import dev.apimupgrade.fact.SynapseDiff;
import dev.apimupgrade.fact.SynapseFile;
import dev.apimupgrade.fact.TenantDirectory;
import dev.apimupgrade.fact.UnreadableFile;
import dev.apimupgrade.scan.StockBaseline.Counterpart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the old home's synapse configurations (super tenant and every tenant of repository/tenants) into one
 * SynapseFile per file, one TenantDirectory per tenant folder, and StockComparisons for the files a stock pack ships,
 * so rules can tell deployed and custom artefacts and locally edited stock files apart.
 */
public final class SynapseScanner implements Scanner {
    static final String SUPER_DIR = "repository/deployment/server/synapse-configs/default";
    static final String TENANTS_DIR = "repository/tenants";
    static final String TENANT_SYNAPSE = "synapse-configs/default";
    static final String SUPER_TENANT = "carbon.super";
    static final String WORKFLOW_CALLBACK = "proxy-services/WorkflowCallbackService.xml";
    /** The four files the guide says must not overwrite the 3.1.0 ones. */
    public static final List<String> PROTECTED = List.of(
            "api/_RevokeAPI_.xml", "sequences/_cors_request_handler_.xml", "sequences/main.xml", WORKFLOW_CALLBACK);
    /**
     * 3.1.0 changed this endpoint's trust store properties and renders it from a template, so its 3.1.0 copy cannot
     * tell whether the 3.0.0 one was edited; only the stock hash can.
     */
    public static final String SECURE_WEBSOCKET = "inbound-endpoints/SecureWebSocketInboundEndpoint.xml";
    /** Enough for a customised sequence; a longer diff is cut with a note, so the report stays readable. */
    static final int MAX_DIFF_LINES = 200;

    static final String AREA = "synapse";
    /** The server deploys every .xml file of the tree: one that is not well-formed XML is carried over broken. */
    static final FileTree.ContentCheck WELL_FORMED = new FileTree.ContentCheck() {
        @Override
        public boolean applies(String name) {
            return name.toLowerCase(Locale.ROOT).endsWith(".xml");
        }

        @Override
        public String problem(byte[] content) {
            String problem = SafeXml.notWellFormed(content);
            return problem.isEmpty() ? "" : "is not well-formed XML (" + problem + ")";
        }
    };

    private final StockFiles stock;

    public SynapseScanner() {
        this(StockFiles.stock());
    }

    SynapseScanner(StockFiles stock) {
        this.stock = stock;
    }

    @Override
    public List<Observation> scan(Installation installation) {
        List<Observation> out = new ArrayList<>();
        StockBaseline baseline = new StockBaseline(installation, stock);
        Path home = installation.oldHome();
        HomeLinks links = new HomeLinks(Role.OLD, home);
        boolean superPresent = Files.isDirectory(home.resolve(SUPER_DIR));
        out.add(new FilePresence(Role.OLD, SUPER_DIR, superPresent, SourceRef.file(Role.OLD, SUPER_DIR)));
        if (superPresent) {
            SortedMap<String, String> files =
                    FileTree.hashAll(links, Role.OLD, home, SUPER_DIR, AREA, WELL_FORMED, out);
            addFiles(SUPER_TENANT, SUPER_DIR, files, out);
            compare(baseline, SUPER_TENANT, SUPER_DIR, files, stock.synapsePaths(), out);
            diffProtected(home, baseline, SUPER_TENANT, SUPER_DIR, files, out);
        }
        scanTenants(home, links, baseline, out);
        return out;
    }

    private void scanTenants(Path home, HomeLinks links, StockBaseline baseline, List<Observation> out) {
        Path tenants = home.resolve(TENANTS_DIR);
        boolean present = Files.isDirectory(tenants);
        out.add(new FilePresence(Role.OLD, TENANTS_DIR, present, SourceRef.file(Role.OLD, TENANTS_DIR)));
        if (!present) {
            return;
        }
        for (String tenant : tenantFolders(tenants, out)) {
            String tenantDir = TENANTS_DIR + "/" + tenant;
            String synapseDir = tenantDir + "/" + TENANT_SYNAPSE;
            boolean hasSynapse = Files.isDirectory(home.resolve(synapseDir));
            SortedMap<String, String> files = hasSynapse
                    ? FileTree.hashAll(links, Role.OLD, home, synapseDir, AREA, WELL_FORMED, out)
                    : new TreeMap<>();
            out.add(new TenantDirectory(
                    Role.OLD, tenant, hasSynapse, files.size(), SourceRef.file(Role.OLD, tenantDir)));
            addFiles(tenant, synapseDir, files, out);
            compare(baseline, tenant, synapseDir, files, PROTECTED, out);
            diffProtected(home, baseline, tenant, synapseDir, files, out);
        }
    }

    /** Tenant folder names, numeric ids in numeric order. */
    private static List<String> tenantFolders(Path tenants, List<Observation> out) {
        try (Stream<Path> s = Files.list(tenants)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException | RuntimeException e) {
            out.add(new UnreadableFile(
                    Role.OLD,
                    AREA,
                    TENANTS_DIR,
                    "cannot be listed (" + e.getClass().getSimpleName() + ")",
                    SourceRef.file(Role.OLD, TENANTS_DIR)));
            return List.of();
        }
    }

    private static void addFiles(String tenant, String dir, SortedMap<String, String> files, List<Observation> out) {
        files.forEach((path, sha) -> out.add(new SynapseFile(
                Role.OLD, tenant, path, sha, PROTECTED.contains(path), SourceRef.file(Role.OLD, dir + "/" + path))));
    }

    private static void compare(
            StockBaseline baseline,
            String tenant,
            String dir,
            SortedMap<String, String> files,
            List<String> paths,
            List<Observation> out) {
        for (String path : paths) {
            String sha = files.get(path);
            if (sha != null) {
                baseline.compare(
                        StockComparison.Category.SYNAPSE,
                        tenant,
                        path,
                        sha,
                        counterpart(path),
                        SourceRef.file(Role.OLD, dir + "/" + path),
                        out);
            }
        }
    }

    /** A SynapseDiff for each protected file whose lines differ from the new home's copy (as it would read in 3.0.0). */
    private static void diffProtected(
            Path home,
            StockBaseline baseline,
            String tenant,
            String dir,
            SortedMap<String, String> files,
            List<Observation> out) {
        for (String path : PROTECTED) {
            Counterpart counterpart = counterpart(path);
            Optional<String> stockText = files.containsKey(path) ? baseline.newHomeText(counterpart) : Optional.empty();
            if (stockText.isEmpty()) {
                continue;
            }
            String oldPath = dir + "/" + path;
            try {
                String oldText = new String(Files.readAllBytes(home.resolve(oldPath)), StandardCharsets.UTF_8);
                // a customised file may write credentials out (basic auth, a token header): they never enter a fact
                String diff = SecretMask.xml(UnifiedDiff.of(
                        "NEW:" + counterpart.newHomePath(),
                        stockText.get(),
                        "OLD:" + oldPath,
                        oldText,
                        MAX_DIFF_LINES));
                if (!diff.isEmpty()) {
                    out.add(new SynapseDiff(Role.OLD, tenant, path, diff, SourceRef.file(Role.OLD, oldPath)));
                }
            } catch (IOException | RuntimeException e) {
                out.add(FileTree.problem(Role.OLD, oldPath, e));
            }
        }
    }

    /** The new home's super tenant copy is the baseline for every tenant: a tenant gets its files from the same pack. */
    static Counterpart counterpart(String path) {
        if (path.equals(SECURE_WEBSOCKET)) {
            return Counterpart.stockHashOnly(path);
        }
        if (path.equals(WORKFLOW_CALLBACK)) {
            // The only stock difference between 3.0.0 and 3.1.0 in this file is the admin REST API version.
            return new Counterpart(
                    path,
                    SUPER_DIR + "/" + path,
                    StockBaseline.replacing("/api/am/admin/v0.16/", "/api/am/admin/v0.15/"));
        }
        return Counterpart.same(path, SUPER_DIR + "/" + path);
    }
}
