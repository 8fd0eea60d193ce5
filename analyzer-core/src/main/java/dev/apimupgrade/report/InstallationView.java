package dev.apimupgrade.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apimupgrade.fact.AnalyticsDatasource;
import dev.apimupgrade.fact.DatabaseProduct;
import dev.apimupgrade.fact.DatasourceConfig;
import dev.apimupgrade.fact.Facts;
import dev.apimupgrade.fact.ProductVersion;
import dev.apimupgrade.scan.Installation;
import dev.apimupgrade.scan.SecretMask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The installation a report is about: the homes as the user gave them, the versions their markers show, and the
 * datasources of each home, analytics homes included (JDBC URLs masked; user names and passwords are never part of it).
 */
@JsonPropertyOrder({"homes", "versions", "datasources"})
public record InstallationView(Homes homes, List<Version> versions, List<Datasource> datasources) {

    /**
     * The two homes as given on the command line; {@code newHome} is null when no 3.1.0 home was given. When the old
     * home was given as a snapshot, {@code oldHome} is the snapshot file and {@code oldSnapshot} where and when
     * collect read the home on its node (absent otherwise).
     */
    @JsonPropertyOrder({"old", "new", "oldSnapshot"})
    public record Homes(
            @JsonProperty("old") String oldHome,
            @JsonProperty("new") @Nullable String newHome,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            SnapshotView oldSnapshot) {
        public Homes(String oldHome, @Nullable String newHome) {
            this(oldHome, newHome, null);
        }
    }

    /** The snapshot the old home was read from: the home on its node, the host, when, and the tool that collected it. */
    @JsonPropertyOrder({"home", "host", "collectedAt", "tool"})
    public record SnapshotView(String home, String host, String collectedAt, String tool) {}

    /** A version marker of a home and the product version it shows. */
    @JsonPropertyOrder({"role", "marker", "version", "source"})
    public record Version(String role, String marker, String version, String source) {}

    /** A datasource of a home's deployment.toml, with its URL masked. */
    @JsonPropertyOrder({"role", "name", "type", "url"})
    public record Datasource(String role, String name, String type, String url) {}

    /** The analytics homes' datasources after the API-M ones, as role "OLD-analytics" and name "worker/APIM_ANALYTICS_DB". */
    private static List<Datasource> withAnalytics(List<Datasource> apim, Facts facts) {
        List<Datasource> all = new ArrayList<>(apim);
        facts.ofType(AnalyticsDatasource.class).stream()
                .sorted(Comparator.comparing(AnalyticsDatasource::role)
                        .thenComparing(AnalyticsDatasource::profile)
                        .thenComparing(AnalyticsDatasource::name))
                .map(d -> new Datasource(
                        d.role().name() + "-analytics",
                        d.profile() + "/" + d.name(),
                        DatabaseProduct.of(d.url())
                                .map(k -> k.name().toLowerCase(Locale.ROOT))
                                .orElse(""),
                        SecretMask.jdbcUrl(d.url())))
                .distinct()
                .forEach(all::add);
        return List.copyOf(all);
    }

    static InstallationView of(Installation installation, Facts facts) {
        Homes homes = new Homes(
                installation
                        .oldSnapshot()
                        .map(dev.apimupgrade.scan.Snapshot.Origin::snapshot)
                        .orElse(installation.oldHome().toString()),
                installation.newHome().map(Object::toString).orElse(null),
                installation
                        .oldSnapshot()
                        .map(o -> new SnapshotView(o.home(), o.host(), o.collectedAt(), o.tool()))
                        .orElse(null));
        List<Version> versions = facts.ofType(ProductVersion.class).stream()
                .sorted(Comparator.comparing(ProductVersion::role)
                        .thenComparing(ProductVersion::marker)
                        .thenComparing(ProductVersion::source))
                .map(v -> new Version(
                        v.role().name(), v.marker(), v.version(), v.source().toString()))
                .distinct()
                .toList();
        // The scanner masks URLs already; masking again costs nothing and keeps a scanner slip out of every report.
        List<Datasource> datasources = facts.ofType(DatasourceConfig.class).stream()
                .sorted(Comparator.comparing(DatasourceConfig::role)
                        .thenComparing(DatasourceConfig::name)
                        .thenComparing(DatasourceConfig::source))
                .map(d -> new Datasource(d.role().name(), d.name(), d.type(), SecretMask.jdbcUrl(d.url())))
                .distinct()
                .toList();
        return new InstallationView(homes, versions, withAnalytics(datasources, facts));
    }
}
