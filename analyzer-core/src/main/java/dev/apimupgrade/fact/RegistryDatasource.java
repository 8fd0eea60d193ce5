package dev.apimupgrade.fact;

import java.util.List;

/**
 * A datasource of a home that holds registry data (REG_ tables), with the registry mounts it holds. 3.0.0's
 * registry.xml.j2 keeps the governance registry in shared_db (jdbc/SHARED_DB) and the config registry in
 * [database.config] (jdbc/WSO2CONFIG_DB) when that table is written, else in shared_db too; the guide's registry
 * scripts run where this says. {@code from} is "written" (a [database.config] table) or {@link #FROM_TEMPLATE} (the
 * template's default).
 */
public record RegistryDatasource(Role role, String datasource, List<String> mounts, String from, SourceRef source)
        implements Observation {
    /** The governance registry: APIs and their lifecycle, what reg-index.sql re-indexes. */
    public static final String GOVERNANCE = "/_system/governance";
    /** The config registry: tenant and server configuration resources. */
    public static final String CONFIG = "/_system/config";
    /** The home-relative template that places the mounts. */
    public static final String TEMPLATE = "repository/resources/conf/templates/repository/conf/registry.xml.j2";
    /** {@code from} of a placement the template makes when deployment.toml writes nothing about it. */
    public static final String FROM_TEMPLATE = "registry.xml.j2";

    public RegistryDatasource {
        mounts = List.copyOf(mounts);
    }

    @Override
    public String observed() {
        return datasource + " holds " + String.join(" and ", mounts)
                + (DatasourceConfig.WRITTEN.equals(from) ? "" : " (" + from + " default)");
    }
}
