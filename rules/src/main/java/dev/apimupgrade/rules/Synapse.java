package dev.apimupgrade.rules;

import dev.apimupgrade.fact.SynapseFile;
import dev.apimupgrade.scan.SynapseScanner;
import java.util.List;

/** Paths of guide step 1.6 for actions: where synapse files sit, and the four protected files never copied over 3.1.0's. */
public final class Synapse {
    /** The protected paths relative to synapse-configs/default, comma-separated. */
    public static final String PROTECTED_LIST = String.join(",", SynapseScanner.PROTECTED);
    /** The protected paths relative to synapse-configs/default. */
    public static final List<String> PROTECTED_FILES = SynapseScanner.PROTECTED;

    private Synapse() {}

    /** Where a synapse file sits in a home: the super tenant's deployment folder or the tenant's own folder. */
    public static String homePath(SynapseFile file) {
        String dir = file.tenant().equals("carbon.super")
                ? "repository/deployment/server/synapse-configs/default"
                : "repository/tenants/" + file.tenant() + "/synapse-configs/default";
        return dir + "/" + file.relativePath();
    }

    /** The protected paths relative to a tenant folder (repository/tenants/N). */
    public static String tenantExcludes() {
        return String.join(",", tenantExcludeList());
    }

    /** The protected paths relative to a tenant folder (repository/tenants/N), as a list. */
    public static List<String> tenantExcludeList() {
        return SynapseScanner.PROTECTED.stream()
                .map(p -> "synapse-configs/default/" + p)
                .toList();
    }
}
