package dev.apimupgrade.rules;

import dev.apimupgrade.scan.SynapseScanner;

/** The copy exclusions of guide step 1.6, as action parameters: the four protected files, never copied over 3.1.0's. */
public final class Synapse {
    /** The protected paths relative to synapse-configs/default, comma-separated. */
    public static final String PROTECTED_LIST = String.join(",", SynapseScanner.PROTECTED);

    private Synapse() {
    }

    /** The protected paths relative to a tenant folder (repository/tenants/N). */
    public static String tenantExcludes() {
        return String.join(",", SynapseScanner.PROTECTED.stream().map(p -> "synapse-configs/default/" + p).toList());
    }
}
