package dev.apimupgrade.scan;

import dev.apimupgrade.fact.AnalyticsDashboard;
import dev.apimupgrade.fact.AnalyticsDatasource;
import dev.apimupgrade.fact.AnalyticsHome;
import dev.apimupgrade.fact.AnalyticsJar;
import dev.apimupgrade.fact.AnalyticsWidget;
import dev.apimupgrade.fact.AnalyticsWumUpdates;
import dev.apimupgrade.fact.Observation;
import dev.apimupgrade.fact.Role;
import dev.apimupgrade.fact.ScanProblem;
import dev.apimupgrade.fact.SourceRef;
import dev.apimupgrade.fact.WumUpdates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the API-M Analytics homes the user named: the datasources of the worker and dashboard deployment.yaml, the
 * dashboards the dashboard profile imports and the portal's widgets, the jars of lib and dropins (the JDBC driver must be an OSGi bundle
 * there) and the WUM update level. Without analytics homes it observes nothing.
 */
public final class AnalyticsHomeScanner implements Scanner {
    static final String DASHBOARDS = "wso2/dashboard/resources/dashboards";
    static final String WIDGETS = "wso2/dashboard/deployment/web-ui-apps/analytics-dashboard/extensions/widgets";
    static final List<String> JAR_FOLDERS = List.of("lib", "dropins");
    /**
     * Our own list of the dashboard names the wso2/analytics-apim dashboard feature ships across the 3.x packs (the
     * reference holds no dashboard files); any other name in the dashboards folder is the user's own.
     */
    static final Set<String> STOCK_DASHBOARDS = Set.of(
            "apimadmin",
            "apimanalytics",
            "apimdevportal",
            "apimpublisher",
            "apimstore",
            "adminreports",
            "apiAnalytics",
            "applicationAnalytics",
            "businessAnalytics",
            "manageranalytics",
            "monitoring",
            "publisheranalytics",
            "reports");

    private final AnalyticsHomes homes;

    public AnalyticsHomeScanner(AnalyticsHomes homes) {
        this.homes = homes;
    }

    @Override
    public List<Observation> scan(Installation installation) throws InputException {
        homes.requireAnalyticsHomes();
        List<Observation> out = new ArrayList<>();
        for (Installation.Home home : homes.homes()) {
            Role role = home.role();
            out.add(new AnalyticsHome(role, versionMarker(home.path()), SourceRef.analytics(role, ".", 0)));
            datasources(role, home.path(), "worker", AnalyticsYaml.WORKER, out);
            datasources(role, home.path(), "dashboard", AnalyticsYaml.DASHBOARD, out);
            dashboards(role, home.path(), out);
            widgets(role, home.path(), out);
            JAR_FOLDERS.forEach(folder -> jars(role, home.path(), folder, out));
            out.add(wum(role, home.path()));
        }
        return out;
    }

    private static void datasources(Role role, Path home, String profile, String file, List<Observation> out)
            throws InputException {
        for (AnalyticsYaml.Entry e : AnalyticsYaml.datasources(home, file).orElse(List.of())) {
            out.add(new AnalyticsDatasource(
                    role,
                    profile,
                    e.name(),
                    SecretMask.jdbcUrl(e.url()),
                    e.driverClassName(),
                    SourceRef.analytics(role, file, e.line())));
        }
    }

    private static void dashboards(Role role, Path home, List<Observation> out) {
        for (Path file : list(role, home, DASHBOARDS, ".json", out)) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".json".length());
            out.add(new AnalyticsDashboard(
                    role,
                    name,
                    !STOCK_DASHBOARDS.contains(name),
                    SourceRef.analytics(role, DASHBOARDS + "/" + fileName, 0)));
        }
    }

    private static void widgets(Role role, Path home, List<Observation> out) {
        Path folder = home.resolve(WIDGETS);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path widget : s.filter(Files::isDirectory).sorted().toList()) {
                String name = widget.getFileName().toString();
                out.add(new AnalyticsWidget(role, name, SourceRef.analytics(role, WIDGETS + "/" + name, 0)));
            }
        } catch (IOException | RuntimeException e) {
            out.add(problem(role, WIDGETS, "cannot be listed", e));
        }
    }

    private static void jars(Role role, Path home, String folder, List<Observation> out) {
        for (Path jar : list(role, home, folder, ".jar", out)) {
            String path = folder + "/" + jar.getFileName();
            try {
                JarHeaders h = JarHeaders.read(jar);
                out.add(new AnalyticsJar(
                        role,
                        folder,
                        jar.getFileName().toString(),
                        h.osgiBundle(),
                        h.symbolicName(),
                        h.jdbcDriverClass(),
                        SourceRef.analytics(role, path, 0)));
            } catch (JarHeaders.NotAJar e) {
                out.add(new ScanProblem(role, path, e.getMessage(), SourceRef.analytics(role, path, 0)));
            }
        }
    }

    private static List<Path> list(Role role, Path home, String dir, String suffix, List<Observation> out) {
        Path folder = home.resolve(dir);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            out.add(problem(role, dir, "cannot be listed", e));
            return List.of();
        }
    }

    /** The same WUM reading as an API-M home's, cited as the analytics home's. */
    private static AnalyticsWumUpdates wum(Role role, Path home) {
        // an unreadable updates folder reads as "no metadata", which the rule reports; its problem would cite the
        // API-M home's path, so it is not kept
        WumUpdates w = WumLevel.read(role, home, new ArrayList<>());
        String path = w.source().where().substring(role.name().length() + 1);
        return new AnalyticsWumUpdates(
                role,
                w.present(),
                w.level(),
                SourceRef.analytics(role, path, w.source().line()));
    }

    private static String versionMarker(Path home) {
        Path product = home.resolve(VersionScanner.PRODUCT_TXT);
        try {
            return Files.isRegularFile(product)
                    ? InputFile.latin1Lines(product, VersionScanner.PRODUCT_TXT, InputFile.SMALL_TEXT).stream()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .findFirst()
                            .orElse("")
                    : "";
        } catch (InputException e) {
            return "";
        }
    }

    private static ScanProblem problem(Role role, String path, String what, Exception e) {
        return new ScanProblem(
                role, path, what + " (" + e.getClass().getSimpleName() + ")", SourceRef.analytics(role, path, 0));
    }
}
