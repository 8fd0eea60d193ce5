package dev.apimupgrade.rules;

import dev.apimupgrade.fact.TenantDirectory;
import java.util.Collection;
import java.util.List;

/**
 * How WSO2's API-M migration client selects tenants (wso2-extensions/apim-migration-resources, branch 3.1.0 at
 * 7474d0f, MigrationClientBase.java lines 51-110; docs/migration-client.md): -Dtenants, else -DblackListed, else
 * -DtenantRange, whose bounds are exclusive and which never takes the super tenant; else every tenant and the super
 * tenant, all in one server start.
 */
public final class MigrationClientTenants {
    private MigrationClientTenants() {}

    /** What one start of the client migrates here, and how to split it, for the tenants of repository/tenants. */
    public static String selection(Collection<?> tenantDirectories) {
        List<Long> ids = tenantDirectories.stream()
                .map(TenantDirectory.class::cast)
                .map(TenantDirectory::tenantId)
                .filter(id -> id.matches("\\d{1,9}"))
                .map(Long::parseLong)
                .sorted()
                .toList();
        int n = tenantDirectories.size();
        String range = ids.isEmpty() ? "" : " (IDs " + ids.get(0) + " to " + ids.get(ids.size() - 1) + ")";
        String example = ids.isEmpty()
                ? ""
                : ": -DtenantRange=" + (ids.get(0) - 1) + "-" + (ids.get(ids.size() - 1) + 1) + " takes these " + n
                        + ", and -Dtenants=carbon.super the super tenant";
        return "One start of the migration client migrates the " + n + " tenant" + (n == 1 ? "" : "s")
                + " of repository/tenants" + range + " and the super tenant, one after another. To split it into"
                + " several starts, give one of -Dtenants=<domain or user@domain,...>, -DblackListed=<domain,...>"
                + " (every other tenant and the super tenant) or -DtenantRange=<l>-<u> (the first given wins); a range"
                + " takes the tenants whose ID is strictly between l and u and never the super tenant" + example + ".";
    }
}
